import ArgumentParser
import Foundation
import Storage
import Workflow

extension ActsCommand {
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
}
