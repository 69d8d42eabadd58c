import Foundation
import Storage
import Testing
import Workflow

@testable import ActsServer

@Suite("Registro giornaliero di protocollo")
struct DailyRegisterTests {
    @Test func sameDaySameBytesEmptyDaySaysSoAndAnnulmentsAreListed() async throws {
        let app = try await TestApp()
        let protocollo = try await app.store.account(username: "protocollo")!.operatore
        let dirigente = try await app.store.account(username: "dirigente")!.operatore
        let service = RegisterService(store: app.store, clock: AppClock { [clock = app.clock] in clock.now })
        app.clock.set(try Date.ISO8601FormatStyle().parse("2026-11-23T08:30:00Z"))
        var entries: [Registration] = []
        for index in 1...3 {
            let input = RegistrationInput(direzione: .arrivo, oggetto: "Istanza n. \(index) (contributo & sostegno)",
                                          mittenti: [Correspondent(denominazione: "Persona \(index)")], classifica: "7.1")
            entries.append(try await service.register(input, files: [RegisterService.Upload(nome: "istanza-\(index).pdf", mimeType: "application/pdf",
                                                                                             content: Array("istanza \(index)".utf8))], by: protocollo))
            app.clock.set(app.clock.now.addingTimeInterval(60))
        }
        _ = try await app.store.annul(registrationID: entries[1].id, motivo: "Registrata due volte", provvedimento: "Disposizione n. 5 del 23/11/2026",
                                      by: protocollo, at: app.clock.now)
        let daily = DailyRegisterService(store: app.store, seal: nil)
        let day = CivilDate(iso: "2026-11-23")!
        let first = try await daily.build(registro: .protocolloGenerale, day: day, for: dirigente)
        let second = try await daily.build(registro: .protocolloGenerale, day: day, for: dirigente)
        #expect(first.xml == second.xml && first.pdf == second.pdf, "stesso giorno, stessi byte")
        #expect(first.entries.map(\.numero).suffix(3) == [Int](entries.map(\.numero)))
        let xml = String(decoding: first.xml, as: UTF8.self)
        #expect(xml.contains("annullata=\"true\""))
        #expect(xml.contains("<Annullamento numero=\"\(entries[1].numeroFormattato)\""))
        #expect(xml.contains("contributo &amp; sostegno"))
        #expect(xml.contains(entries[0].allegati[0].improntaBase64))
        #expect(String(decoding: first.pdf.prefix(8), as: UTF8.self) == "%PDF-1.4")
        #expect(String(decoding: first.pdf, as: UTF8.self).contains("[ANNULLATA]"))

        let empty = try await daily.build(registro: .protocolloGenerale, day: CivilDate(iso: "2026-11-22")!, for: dirigente)
        #expect(empty.entries.isEmpty && empty.summary == "Nessuna registrazione in data 22/11/2026.")
        #expect(String(decoding: empty.xml, as: UTF8.self).contains("registrazioni=\"0\""))

        // A PDF reader accepts the file (pdftotext from poppler-utils, installed with the OCR libraries).
        let file = app.dir.appendingPathComponent("registro.pdf")
        try Data(first.pdf).write(to: file)
        let text = try SignVerifyCommandTests.run("/usr/bin/pdftotext", [file.path, "-"])
        #expect(text.0 == 0, "\(text.2)")
        #expect(text.1.contains("REGISTRO GIORNALIERO DI PROTOCOLLO") && text.1.contains(entries[2].numeroFormattato))
    }
}

@Suite("Registro giornaliero: produzione pianificata")
struct DailyRegisterSchedulerTests {
    @Test func producesEachMissingDayOnceAndLeavesWrittenDaysAlone() async throws {
        let app = try await TestApp()
        let protocollo = try await app.store.account(username: "protocollo")!.operatore
        app.clock.set(try Date.ISO8601FormatStyle().parse("2026-11-23T09:00:00Z"))
        let input = RegistrationInput(direzione: .arrivo, oggetto: "Istanza", mittenti: [Correspondent(denominazione: "Mario Rossi")], classifica: "7.1")
        _ = try await RegisterService(store: app.store, clock: AppClock { [clock = app.clock] in clock.now }).register(input, files: [], by: protocollo)
        app.clock.set(try Date.ISO8601FormatStyle().parse("2026-11-24T06:00:00Z"))
        let scheduler = DailyRegisterScheduler(store: app.store, settings: app.deps.settings, clock: app.deps.clock)
        let first = try await scheduler.produceMissing()
        #expect(first.contains("AOO_DEMO-PG-20261123") && first.count == 14, "7 giorni per ciascuna delle 2 AOO dimostrative")
        let folder = URL(fileURLWithPath: app.deps.settings.dailyRegistersPath).appendingPathComponent("AOO_DEMO")
        let xml = try String(contentsOf: folder.appendingPathComponent("registro-giornaliero-AOO_DEMO-PG-20261123.xml"), encoding: .utf8)
        #expect(xml.contains("registrazioni=\"1\"") && xml.contains("<Oggetto>Istanza</Oggetto>"))
        #expect(try await scheduler.produceMissing().isEmpty, "un giorno già prodotto non si riscrive")
        app.clock.set(try Date.ISO8601FormatStyle().parse("2026-11-25T06:00:00Z"))
        #expect(try await scheduler.produceMissing().sorted() == ["AOO_DEMO-PG-20261124", "AOO_PROVA-PG-20261124"].sorted())
    }
}
