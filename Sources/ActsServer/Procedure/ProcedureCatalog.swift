import Foundation
import Workflow

/// The procedure configurations of every ente: `<dir>/<codice ente>.json` when present, else the shipped default.
/// Files are read and validated once, at start-up, so a mistake is reported before the server accepts requests.
struct ProcedureCatalog: Sendable {
    let byEnte: [String: ProcedureConfiguration]
    let fallback: ProcedureConfiguration

    /// Loads the default and every `*.json` in `directory` (which may be missing).
    static func load(directory: String) throws -> ProcedureCatalog {
        let fallback = try ProcedureConfiguration.parse(Data(try ResourceFiles.text("procedimenti-default.json").utf8), source: "predefinita")
        var byEnte: [String: ProcedureConfiguration] = [:]
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in files.sorted() where name.hasSuffix(".json") {
            let path = directory + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ProcedureConfiguration.Invalid(file: path, problems: ["file non leggibile"])
            }
            byEnte[String(name.dropLast(5))] = try ProcedureConfiguration.parse(data, source: path)
        }
        return ProcedureCatalog(byEnte: byEnte, fallback: fallback)
    }

    /// The configuration that applies to an ente.
    func configuration(forEnte code: String) -> ProcedureConfiguration {
        byEnte[code] ?? fallback
    }
}
