import ArgumentParser
import Foundation
import Workflow

extension ActsCommand {
    /// `acts procedure …`: the L. 241/1990 procedure engine.
    struct ProcedureCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "procedure", abstract: "Motore dei procedimenti (L. 241/1990).", subcommands: [Replay.self])

        struct Replay: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Riesegue uno scenario (procedure-scenario/1) con lo stesso motore del server, in memoria.")
            @Argument(help: ArgumentHelp("File JSON dello scenario.", valueName: "scenario")) var file: String
            @Flag(help: "Una riga JSON per evento (formato del README degli scenari).") var json = false

            func run() async throws {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw ValidationError("Impossibile leggere «\(file)».")
                }
                let lines: [ScenarioReplayer.Line]
                do {
                    lines = try ScenarioReplayer.replay(data)
                } catch let e as ScenarioReplayer.InvalidScenario {
                    throw ValidationError(e.description)
                }
                var out = ""
                for l in lines {
                    if json {
                        out += l.json + "\n"
                    } else {
                        let s = l.outcome.snapshot
                        let esito = l.outcome.accepted ? "accettato" : "RIFIUTATO (\(l.outcome.error?.code ?? "")): \(l.outcome.error?.message ?? "")"
                        out += "\(l.index). \(l.event.rawValue): \(esito) — stato \(s.state.rawValue), scadenza \(s.deadline?.italian ?? "sospesa"), giorni trascorsi \(s.daysElapsed)"
                        out += (l.outcome.determina.map { ", determina n. \($0)" } ?? "") + "\n"
                    }
                }
                FileHandle.standardOutput.write(Data(out.utf8))
            }
        }
    }
}
