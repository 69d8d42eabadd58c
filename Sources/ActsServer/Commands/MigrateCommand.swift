import ArgumentParser
import Foundation
import Storage

extension ActsCommand {
    /// `acts migrate`: creates the database or brings it to the current schema.
    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Crea il database o applica le migrazioni mancanti.")
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let settings = options.settings()
            let store = try SQLiteStore(path: settings.databasePath, documentsDirectory: settings.documentsPath, migrate: false)
            let applied = try store.migrate()
            print(applied.isEmpty ? "Database «\(settings.databasePath)» già aggiornato." : "Migrazioni applicate a «\(settings.databasePath)»: \(applied.joined(separator: ", ")).")
        }
    }
}
