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
        subcommands: [Serve.self, Migrate.self, DemoDataCommand.self, UserCommand.self, TokenCommand.self, AuditCommand.self, Backup.self, ProcedureCommand.self, DeadlinesCommand.self, SignCommand.self, VerifyCommand.self, RegisterCommand.self],
        defaultSubcommand: Serve.self)

    /// Options taking a list (`--crl`, `--trust`) given with no value, as scripts write them when a list is
    /// empty (`--crl --at …`), mean "none": they are dropped instead of being a usage error.
    static func droppingEmptyListOptions(_ arguments: [String]) -> [String] {
        var result: [String] = []
        for (index, argument) in arguments.enumerated() {
            if ["--crl", "--trust"].contains(argument), index + 1 == arguments.count || arguments[index + 1].hasPrefix("--") { continue }
            result.append(argument)
        }
        return result
    }

    /// Runs the command line, printing help and usage errors in Italian.
    static func main() async {
        do {
            var command = try parseAsRoot(Self.droppingEmptyListOptions(Array(CommandLine.arguments.dropFirst())))
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            let message = ItalianHelp.translate(fullMessage(for: error))
            if !message.isEmpty {
                if code == .success {
                    print(message)
                } else {
                    FileHandle.standardError.write(Data((message + "\n").utf8))
                }
            }
            Foundation.exit(code.rawValue)
        }
    }
}
