import ArgumentParser
import Foundation
import Storage

extension ActsCommand {
    /// `acts backup DEST`: consistent online copy of the database.
    struct Backup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Copia coerente del database (anche a server avviato); i documenti vanno copiati a parte.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: ArgumentHelp("File di destinazione della copia.", valueName: "destinazione")) var destination: String

        func run() async throws {
            let settings = options.settings()
            guard !FileManager.default.fileExists(atPath: destination) else {
                throw ValidationError("Il file «\(destination)» esiste già: scegliere un'altra destinazione.")
            }
            try options.openStore(settings).backup(to: destination)
            print("Copia del database scritta in «\(destination)». Copiare anche la cartella documenti «\(settings.documentsPath)».")
        }
    }
}
