import ArgumentParser
import Foundation
import Storage
import Workflow

extension ActsCommand {
    /// `acts deadlines`: the deadline alerts, computed now from the event logs.
    struct DeadlinesCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "deadlines", abstract: "Elenca le scadenze dei procedimenti: in scadenza, scaduti, sospesi da troppo, potere sostitutivo.")
        @OptionGroup var options: GlobalOptions
        @Option(help: ArgumentHelp("Giorni di preavviso (predefinito: quelli del tipo di procedimento).", valueName: "giorni")) var dueWithin: Int?
        @Option(help: ArgumentHelp("Solo questo ente.", valueName: "codice")) var ente: String?
        @Flag(help: "Una riga JSON per avviso.") var json = false

        func run() async throws {
            let settings = options.settings()
            let store = try options.openStore(settings)
            let service = ProcedureService(store: store, catalog: try options.procedureCatalog(settings), clock: .system)
            var enti = try await store.allEnti()
            if let ente {
                enti = enti.filter { $0.code == ente }
                guard !enti.isEmpty else { throw ValidationError("Ente «\(ente)» inesistente.") }
            }
            var out = ""
            var count = 0
            for e in enti {
                for a in try await service.computeAlerts(ente: e, on: service.today(), dueWithin: dueWithin) {
                    count += 1
                    if json {
                        let line: [String: String] = [
                            "ente": e.code, "pratica": a.numero, "tipo": a.tipo, "avviso": a.alert.kind.rawValue, "scadenza": a.alert.deadline?.description ?? "",
                            "giorni_rimanenti": a.alert.daysRemaining.map(String.init) ?? "", "messaggio": a.alert.message,
                        ]
                        let encoder = JSONEncoder()
                        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                        out += String(decoding: try encoder.encode(line), as: UTF8.self) + "\n"
                    } else {
                        out += "\(e.code) \(a.numero) [\(a.alert.kind.label)] \(a.alert.deadline?.italian ?? "—"): \(a.alert.message)\n"
                    }
                }
            }
            if !json && count == 0 { out = "Nessuna scadenza da segnalare.\n" }
            FileHandle.standardOutput.write(Data(out.utf8))
        }
    }
}
