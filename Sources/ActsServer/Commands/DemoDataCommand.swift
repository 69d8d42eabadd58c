import ArgumentParser
import Foundation
import Storage
import Workflow

extension ActsCommand {
    /// `acts demo-data`: the demo ente, one user per role, persone, nuclei and pratiche.
    struct DemoDataCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "demo-data", abstract: "Carica i dati dimostrativi (Comune di Esempio, c_x000).")
        @OptionGroup var options: GlobalOptions
        @Flag(help: "Non fare nulla se il database contiene già dati.") var ifEmpty = false

        func run() async throws {
            let settings = options.settings()
            let store = try options.openStore(settings)
            if try await !store.isEmpty() {
                if ifEmpty { print("Il database contiene già dati: nessun dato dimostrativo caricato."); return }
                throw ValidationError("Il database «\(settings.databasePath)» contiene già dati: i dati dimostrativi si caricano solo in un database nuovo.")
            }
            try await DemoData.load(into: store, passwords: Passwords(cost: settings.bcryptCost), catalog: try options.procedureCatalog(settings), now: Date())
            print("Dati dimostrativi caricati. Utenti: \(DemoData.usernames.joined(separator: ", ")); password «\(DemoData.password)».")
        }
    }
}
