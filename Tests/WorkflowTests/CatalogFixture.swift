import Foundation
import Workflow

/// The shipped Belfiore table, read from the source tree (the same file the server bundles).
enum CatalogFixture {
    static let catalog: BelfioreCatalog = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/ActsServer/Resources/belfiore.tsv")
        return BelfioreCatalog(tsv: try! String(contentsOf: url, encoding: .utf8))
    }()

    static func date(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }
}
