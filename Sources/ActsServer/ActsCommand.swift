import ArgumentParser
import Configuration
import Foundation
import Storage

/// The `acts` executable: the server and its administration commands.
@main
struct ActsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "acts",
        abstract: "Cartella Sociale Informatizzata: server degli atti e comandi di amministrazione.",
        version: "0.1.0",
        subcommands: [Serve.self, Migrate.self, DemoDataCommand.self, UserCommand.self, TokenCommand.self, AuditCommand.self, Backup.self],
        defaultSubcommand: Serve.self)
}

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("File del database SQLite (variabile ACTS_DATABASE; predefinito \(AppSettings.defaultDatabase)).", valueName: "percorso"))
    var database: String?

    /// Settings with the command-line overrides applied.
    func settings(extra: [AbsoluteConfigKey: ConfigValue] = [:]) -> AppSettings {
        var overrides = extra
        if let database { overrides["acts.database"] = ConfigValue(.string(database), isSecret: false) }
        return AppSettings(overrides: overrides)
    }

    /// Opens the store, applying pending migrations.
    func openStore(_ settings: AppSettings) throws -> SQLiteStore {
        do {
            return try SQLiteStore(path: settings.databasePath, documentsDirectory: settings.documentsPath)
        } catch {
            throw ValidationError("Impossibile aprire il database «\(settings.databasePath)»: \(error)")
        }
    }
}

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

    /// `acts backup DEST`: consistent online copy of the database.
    struct Backup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Copia coerente del database (anche a server avviato); i documenti vanno copiati a parte.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: ArgumentHelp("File di destinazione della copia.", valueName: "destinazione")) var destination: String

        func run() async throws {
            let settings = options.settings()
            guard !FileManager.default.fileExists(atPath: destination) else {
                throw ValidationError("Il file «\(destination)» esiste già: scegliere un'altra destinazione.")
            }
            try options.openStore(settings).backup(to: destination)
            print("Copia del database scritta in «\(destination)». Copiare anche la cartella documenti «\(settings.documentsPath)».")
        }
    }
}
