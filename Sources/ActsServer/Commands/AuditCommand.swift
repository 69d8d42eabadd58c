import ArgumentParser
import Foundation
import Storage
import Workflow

extension ActsCommand {
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
