import Foundation
import Workflow

/// Files shipped with the executable (Belfiore table, OpenAPI description, HTML views).
enum ResourceFiles {
    /// The shipped `Resources` folder (SwiftPM copies it into the executable's resource bundle).
    static let directory: URL = {
        let bundle = Bundle.module
        let candidates = [bundle.resourceURL, bundle.bundleURL].compactMap { $0 }.flatMap { [$0.appendingPathComponent("Resources"), $0] }
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("belfiore.tsv").path) } ?? candidates[0]
    }()

    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    /// The Belfiore codes of comuni (ceased ones too) and foreign States, read once per process.
    static let belfiore: BelfioreCatalog = {
        guard let text = try? text("belfiore.tsv") else {
            fatalError("Tabella dei codici catastali (belfiore.tsv) mancante: reinstallare l'applicazione.")
        }
        return BelfioreCatalog(tsv: text)
    }()
}
