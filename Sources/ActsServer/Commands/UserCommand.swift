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
                    for f in funzione { try await store.assignFunction(f, username: op.username, at: Date()) }
                    let extra = funzione.isEmpty ? "" : " e funzioni \(funzione.joined(separator: ", "))"
                    print("Utente «\(op.username)» creato per l'ente \(op.enteCode) con ruolo \(op.role.rawValue)\(extra).")
                } catch let error as StorageError {
                    throw ValidationError(error.message)
                }
            }
        }
    }
}
