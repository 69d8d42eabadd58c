import ArgumentParser
import Configuration
import Storage

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

    /// Loads and validates the procedure configurations; a mistake stops the command with every problem listed.
    func procedureCatalog(_ settings: AppSettings) throws -> ProcedureCatalog {
        do {
            return try ProcedureCatalog.load(directory: settings.proceduresDirectory)
        } catch let error as ProcedureConfiguration.Invalid {
            throw ValidationError(error.description)
        }
    }
}
