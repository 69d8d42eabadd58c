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
            try await DemoData.load(into: store, passwords: Passwords(cost: settings.bcryptCost), now: Date())
            print("Dati dimostrativi caricati. Utenti: \(DemoData.usernames.joined(separator: ", ")); password «\(DemoData.password)».")
        }
    }

    /// `acts user add`.
    struct UserCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "user", abstract: "Gestione degli utenti.", subcommands: [Add.self])

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Crea un utente di un ente.")
            @OptionGroup var options: GlobalOptions
            @Option(help: ArgumentHelp("Codice dell'ente (es. c_x000).", valueName: "codice")) var ente: String
            @Option(help: ArgumentHelp("Ruolo: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "ruolo")) var role: String
            @Option(help: ArgumentHelp("Variabile d'ambiente che contiene la password (mai sulla riga di comando).", valueName: "VARIABILE")) var passwordEnv: String
            @Option(help: ArgumentHelp("Nome e cognome da mostrare.", valueName: "nome")) var name: String?
            @Argument(help: ArgumentHelp("Nome utente per l'accesso.", valueName: "utente")) var username: String

            func validate() throws {
                guard Role(rawValue: role) != nil else {
                    throw ValidationError("Ruolo «\(role)» sconosciuto: usare uno fra \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                guard username.range(of: #"^[a-z0-9._-]{3,64}$"#, options: .regularExpression) != nil else {
                    throw ValidationError("Nome utente non valido: 3–64 caratteri fra lettere minuscole, cifre, punto, trattino e trattino basso.")
                }
            }

            func run() async throws {
                guard let password = ProcessInfo.processInfo.environment[passwordEnv], !password.isEmpty else {
                    throw ValidationError("La variabile d'ambiente «\(passwordEnv)» non è impostata o è vuota.")
                }
                if let problem = Passwords.policyProblem(password) { throw ValidationError(problem) }
                let settings = options.settings()
                let store = try options.openStore(settings)
                let hash = try await Passwords(cost: settings.bcryptCost).hash(password)
                do {
                    let op = try await store.createUser(enteCode: ente, username: username, displayName: name ?? username, role: Role(rawValue: role)!, passwordHash: hash, at: Date())
                    print("Utente «\(op.username)» creato per l'ente \(op.enteCode) con ruolo \(op.role.rawValue).")
                } catch let error as StorageError {
                    throw ValidationError(error.message)
                }
            }
        }
    }

    /// `acts token add USERNAME`: an API token for machine clients.
    struct TokenCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "token", abstract: "Token di accesso per i client automatici.", subcommands: [Add.self])

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Crea un token API per un utente e lo stampa (una sola volta).")
            @OptionGroup var options: GlobalOptions
            @Option(help: ArgumentHelp("Descrizione del token.", valueName: "nome")) var name = "token API"
            @Argument(help: ArgumentHelp("Utente titolare del token.", valueName: "utente")) var username: String

            func run() async throws {
                let store = try options.openStore(options.settings())
                guard let account = try await store.account(username: username) else { throw ValidationError("Utente «\(username)» inesistente.") }
                let token = "acts_" + SecureToken.make()
                try await store.createAPIToken(token: token, name: name, userID: account.operatore.userID, at: Date())
                print(token)
            }
        }
    }

    /// `acts audit verify`.
    struct AuditCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "audit", abstract: "Registro di audit.", subcommands: [Verify.self])

        struct Verify: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Verifica la catena di impronte del registro di audit; esce con codice 1 se trova alterazioni.")
            @OptionGroup var options: GlobalOptions

            func run() async throws {
                let store = try options.openStore(options.settings())
                let result = try await store.verifyAudit()
                if result.isIntact {
                    print("Registro di audit integro: \(result.entries) voci verificate.")
                    return
                }
                print("Registro di audit ALTERATO: \(result.problems.count) problemi su \(result.entries) voci.")
                for p in result.problems { print("- voce \(p.seq): \(p.message)") }
                throw ExitCode(1)
            }
        }
    }
}
