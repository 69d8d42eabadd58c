import ArgumentParser
import Foundation
import Storage
import Workflow

extension ActsCommand {
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
            @Option(help: ArgumentHelp("Funzione procedimentale nell'ente (ripetibile): responsabile_servizio, titolare_potere_sostitutivo.", valueName: "funzione"))
            var funzione: [String] = []
            @Argument(help: ArgumentHelp("Nome utente per l'accesso.", valueName: "utente")) var username: String

            func validate() throws {
                guard Role(rawValue: role) != nil else {
                    throw ValidationError("Ruolo «\(role)» sconosciuto: usare uno fra \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                if let issue = AccountRules.usernameIssue(username) { throw ValidationError(issue.message) }
                if let issue = funzione.lazy.compactMap(AccountRules.functionIssue).first { throw ValidationError(issue.message) }
            }

            func run() async throws {
                guard let password = ProcessInfo.processInfo.environment[passwordEnv], !password.isEmpty else {
                    throw ValidationError("La variabile d'ambiente «\(passwordEnv)» non è impostata o è vuota.")
                }
                if let issue = AccountRules.passwordIssue(password) { throw ValidationError(issue.message) }
                let settings = options.settings()
                let store = try options.openStore(settings)
                let hash = try await Passwords(cost: settings.bcryptCost).hash(password)
                do {
                    let op = try await store.createUser(enteCode: ente, username: username, displayName: name ?? username, role: Role(rawValue: role)!, passwordHash: hash, functions: Set(funzione), by: nil, at: Date())
                    let extra = funzione.isEmpty ? "" : " e funzioni \(funzione.joined(separator: ", "))"
                    print("Utente «\(op.username)» creato per l'ente \(op.enteCode) con ruolo \(op.role.rawValue)\(extra).")
                } catch let error as StorageError {
                    throw ValidationError(error.message)
                }
            }
        }
    }
}
