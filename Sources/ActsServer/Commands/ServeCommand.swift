import ArgumentParser
import Configuration
import Foundation
import HTTPTypes
import Hummingbird
import Signing
import Storage

extension ActsCommand {
    /// `acts serve`: runs the HTTP server until SIGINT/SIGTERM.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Avvia il server HTTP (comando predefinito).")
        @OptionGroup var options: GlobalOptions
        @Option(help: ArgumentHelp("Indirizzo di ascolto (ACTS_HTTP_HOST; predefinito 127.0.0.1).", valueName: "host")) var host: String?
        @Option(help: ArgumentHelp("Porta (ACTS_HTTP_PORT; predefinita 8080).", valueName: "porta")) var port: Int?
        @Flag(help: "Carica i dati dimostrativi se il database è nuovo.") var demo = false

        func run() async throws {
            var extra: [AbsoluteConfigKey: ConfigValue] = [:]
            if let host { extra["acts.http.host"] = ConfigValue(.string(host), isSecret: false) }
            if let port { extra["acts.http.port"] = ConfigValue(.int(port), isSecret: false) }
            let settings = options.settings(extra: extra)
            let store = try options.openStore(settings)
            let procedures = try options.procedureCatalog(settings)
            let passwords = Passwords(cost: settings.bcryptCost)
            if demo, try await store.isEmpty() {
                try await DemoData.load(into: store, passwords: passwords, catalog: procedures, now: Date())
                say("Dati dimostrativi caricati in «\(settings.databasePath)».")
            }
            do {
                _ = try SegnaturaService(store: store, settings: settings, clock: .system)
            } catch {
                throw ValidationError("Sigillo dell'AOO o schema della segnatura non utilizzabile (ACTS_SIGILLO_P12): \((error as? SigningError)?.message ?? String(describing: error))")
            }
            if settings.sealKeyPath == nil {
                say("Attenzione: nessun sigillo dell'AOO configurato (ACTS_SIGILLO_P12): le segnature di protocollo non saranno sigillate.")
            }
            let deps = AppDependencies(settings: settings, store: store, catalog: ResourceFiles.belfiore, clock: .system, procedures: procedures)
            let app = buildApplication(deps)
            say("Server in ascolto su http://\(settings.host):\(settings.port) — pagina di accesso: http://\(settings.host):\(settings.port)/login")
            if demo {
                say("Accedere con uno degli utenti \(DemoData.usernames.joined(separator: ", ")) e la password «\(DemoData.password)».")
            }
            try await app.runService()
        }

        /// Writes a line to standard output at once (not buffered behind the server's logs when piped).
        private func say(_ line: String) {
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
    }
}
