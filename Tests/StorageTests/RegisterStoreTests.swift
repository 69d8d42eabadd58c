import Foundation
import GRDB
import Storage
import Testing
import Workflow

@Suite("Registri: numerazione senza salti, immutabilità, annullamento, riservatezza")
struct RegisterStoreTests {
    static let day = CivilDate(iso: "2026-11-23")!

    static func arrivo(_ oggetto: String = "Istanza di contributo economico", riservato: Bool = false) -> RegistrationInput {
        RegistrationInput(direzione: .arrivo, oggetto: oggetto, mittenti: [Correspondent(denominazione: "Mario Rossi", codiceFiscale: "RSSMRA48C15F205X")],
                          classifica: "7.1", riservato: riservato)
    }

    func file(_ t: TestStore, _ text: String) async throws -> RegistrationFile {
        let staged = try await t.store.stage(AsyncThrowingStream { $0.yield(Array(text.utf8)); $0.finish() }, limit: 1 << 20)
        return RegistrationFile(nome: "istanza.txt", mimeType: "text/plain", staged: staged)
    }

    @Test func numbersArePerRegisterAndYearAndStartAtOne() async throws {
        let t = try TestStore()
        let op = try await t.operatore(role: .protocollo)
        let first = try await t.store.register(Self.arrivo(), files: [try await file(t, "a")], by: op, time: { (t.now, Self.day) })
        let second = try await t.store.register(Self.arrivo(), files: [], by: op, time: { (t.now.addingTimeInterval(1), Self.day) })
        let determina = try await t.store.register(RegistrationInput(registro: .determinazioni, direzione: .interno, oggetto: "Determina"),
                                                   files: [], by: op, time: { (t.now.addingTimeInterval(2), Self.day) })
        let nextYear = try await t.store.register(Self.arrivo(), files: [], by: op, time: { (t.now.addingTimeInterval(3), CivilDate(iso: "2027-01-01")!) })
        #expect([first.numero, second.numero, determina.numero, nextYear.numero] == [Int]([1, 2, 1, 1]))
        #expect(first.numeroFormattato == "0000001")
        #expect(determina.numeroFormattato == "1")
        #expect(first.segnatura == "AOO_c_t001-PG-0000001-23/11/2026-A")
        #expect(first.allegati.first?.impronta == "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb")
        #expect(first.allegati.first?.improntaBase64 == "ypeBEsobvcr6wjGzmiPcTaeG7/gUfE5yuYB3ha/uSLs=")
        let problems = try await t.store.checkRegisters(year: nil, for: op)
        #expect(problems.isEmpty)
    }

    @Test func invalidInputAndWrongRolesWriteNothing() async throws {
        let t = try TestStore()
        let sportello = try await t.operatore(role: .sportello)
        let protocollo = try await t.operatore(role: .protocollo)
        await #expect(throws: WorkflowError.self) { _ = try await t.store.register(Self.arrivo(), files: [], by: sportello, time: { (t.now, Self.day) }) }
        var noSender = Self.arrivo()
        noSender.mittenti = []
        noSender.classifica = nil
        do {
            _ = try await t.store.register(noSender, files: [], by: protocollo, time: { (t.now, Self.day) })
            Issue.record("registrazione senza mittente accettata")
        } catch let error as WorkflowError {
            #expect(Set(error.fields.map(\.field)) == Set<String>(["mittenti", "classifica"]))
        }
        #expect(try t.count("registrazione") == 0)
        let accepted = try await t.store.register(Self.arrivo(), files: [], by: protocollo, time: { (t.now, Self.day) })
        #expect(accepted.numero == 1)
    }

    @Test func immutableFieldsCannotBeUpdatedOrDeletedEvenWithSQL() async throws {
        let t = try TestStore()
        let op = try await t.operatore(role: .protocollo)
        let entry = try await t.store.register(Self.arrivo(), files: [], by: op, time: { (t.now, Self.day) })
        let raw = try t.rawConnection()
        for sql in ["UPDATE registrazione SET oggetto = 'altro' WHERE id = ?", "UPDATE registrazione SET numero = 9 WHERE id = ?",
                    "DELETE FROM registrazione WHERE id = ?"] {
            #expect(throws: (any Error).self) { try raw.write { try $0.execute(sql: sql, arguments: [entry.id]) } }
        }
        let annulled = try await t.store.annul(registrationID: entry.id, motivo: "Registrazione doppia", provvedimento: "Disposizione n. 3 del 23/11/2026", by: op, at: t.now)
        #expect(throws: (any Error).self) { try raw.write { try $0.execute(sql: "DELETE FROM registrazione_annullamento") } }
        #expect(annulled.annullamento?.provvedimento == "Disposizione n. 3 del 23/11/2026")
        await #expect(throws: StorageError.self) {
            _ = try await t.store.annul(registrationID: entry.id, motivo: "Ancora una volta", provvedimento: "x", by: op, at: t.now)
        }
        // Still visible and searchable, and the number is not reused.
        let shown = try await t.store.registration(registro: .protocolloGenerale, anno: 2026, numero: 1, for: op)
        #expect(shown.annullamento != nil && shown.oggetto == "Istanza di contributo economico")
        let next = try await t.store.register(Self.arrivo(), files: [], by: op, time: { (t.now, Self.day) })
        #expect(next.numero == 2)
    }

    @Test func checkFindsTamperingDoneBehindTheTriggers() async throws {
        let t = try TestStore()
        let op = try await t.operatore(role: .protocollo)
        for index in 0..<3 { _ = try await t.store.register(Self.arrivo(), files: [try await file(t, "doc \(index)")], by: op, time: { (t.now, Self.day) }) }
        let raw = try t.rawConnection()
        try await raw.write { db in
            try db.execute(sql: "DROP TRIGGER registrazione_immutable_update")
            try db.execute(sql: "DROP TRIGGER registrazione_immutable_delete")
            try db.execute(sql: "UPDATE registrazione SET oggetto = 'Oggetto cambiato' WHERE numero = 1")
            try db.execute(sql: "DELETE FROM registrazione WHERE numero = 2")
        }
        let problems = try await t.store.checkRegisters(year: 2026, for: op)
        #expect(problems.contains { $0.contains("numeri mancanti 2") })
        #expect(problems.contains { $0.contains("0000001") && $0.contains("modificati") })
        #expect(problems.count == 2)
    }

    @Test func reservedEntriesHideSubjectAndPartiesFromRolesWithoutAccess() async throws {
        let t = try TestStore()
        let protocollo = try await t.operatore(role: .protocollo)
        let other = try await t.operatore(role: .protocollo, username: "protocollo2")
        let assistente = try await t.operatore(role: .assistenteSociale)
        _ = try await t.store.register(Self.arrivo("Relazione sul nucleo di Mario Rossi", riservato: true), files: [], by: protocollo, time: { (t.now, Self.day) })
        let hidden = try await t.store.registrations(registro: .protocolloGenerale, anno: 2026, day: Self.day, for: other)
        #expect(hidden.count == 1)
        #expect(hidden[0].numero == 1 && hidden[0].data == Self.day)
        #expect(hidden[0].oscurata && hidden[0].oggetto == "Riservato" && hidden[0].mittenti.isEmpty)
        let shown = try await t.store.registrations(registro: .protocolloGenerale, anno: 2026, day: nil, for: assistente)
        #expect(shown[0].oggetto == "Relazione sul nucleo di Mario Rossi")
        let sportello = try await t.operatore(role: .sportello)
        await #expect(throws: WorkflowError.self) {
            _ = try await t.store.registrations(registro: .protocolloGenerale, anno: 2026, day: nil, for: sportello)
        }
    }
}
