import ArgumentParser
import Foundation
import Signing

extension ActsCommand {
    /// `acts verify`: verifies CAdES/XAdES files and prints an Italian report or JSON.
    struct VerifyCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Verifica firme CAdES (.p7m/.p7s) e XAdES: integrità, certificati, revoca, marca temporale.",
            discussion: "Esito: 0 tutte valide, 1 qualche firma non valida, 2 file illeggibili o errore.")

        @Argument(help: ArgumentHelp("File firmati da verificare.", valueName: "file")) var files: [String]
        @Option(help: ArgumentHelp("Documento firmato di una firma staccata (.p7s, XAdES detached).", valueName: "file"))
        var content: String?
        @Option(parsing: .upToNextOption, help: ArgumentHelp("Certificati delle autorità attendibili (PEM o DER).", valueName: "pem"))
        var trust: [String] = []
        @Option(parsing: .upToNextOption, help: ArgumentHelp("Liste di revoca (CRL) da usare (PEM o DER); nessun accesso alla rete.", valueName: "crl"))
        var crl: [String] = []
        @Option(help: ArgumentHelp("Data di riferimento della verifica, ISO 8601 (es. 2026-11-23T10:19:00Z).", valueName: "data"))
        var at: String?
        @Option(help: ArgumentHelp("Estrae il documento firmato (il più interno se annidato) in questo file o cartella.", valueName: "percorso"))
        var extract: String?
        @Flag(help: "Rapporto JSON (una riga per file).") var json = false

        func validate() throws {
            if trust.isEmpty { throw ValidationError("Indicare almeno un certificato di fiducia con --trust.") }
            if let at, Self.parseDate(at) == nil { throw ValidationError("Data --at non valida: «\(at)» (formato ISO 8601, es. 2026-11-23T10:19:00Z).") }
        }

        func run() async throws {
            let store: TrustStore
            do {
                store = try TrustStore(anchorFiles: trust, crlFiles: crl)
            } catch {
                FileHandle.standardError.write(Data("\(error.message)\n".utf8))
                throw ExitCode(2)
            }
            let verifier = SignatureVerifier(trust: store)
            let detached: [UInt8]?
            if let content {
                guard let data = FileManager.default.contents(atPath: content) else {
                    FileHandle.standardError.write(Data("Impossibile leggere il documento «\(content)».\n".utf8))
                    throw ExitCode(2)
                }
                detached = Array(data)
            } else {
                detached = nil
            }
            var worst: Int32 = 0
            var outputs: [String] = []
            for file in files {
                let report: VerificationReport
                let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
                if size > SignatureVerifier.maximumSize {
                    report = VerificationReport.tooLarge(size: size)
                } else if let data = FileManager.default.contents(atPath: file) {
                    report = verifier.verify(Array(data), content: detached, at: at.flatMap(Self.parseDate))
                } else {
                    report = Self.unreadable(file)
                }
                worst = max(worst, report.exitCode)
                if let extract, let signed = report.content {
                    try Self.write(signed, from: file, to: extract, several: files.count > 1)
                }
                outputs.append(json ? VerificationReportJSON(report: report, file: file).line
                                    : VerificationReportText.render(report, file: file))
            }
            FileHandle.standardOutput.write(Data((outputs.joined(separator: "\n") + "\n").utf8))
            if worst != 0 { throw ExitCode(worst) }
        }

        static func unreadable(_ file: String) -> VerificationReport {
            var report = VerificationReport()
            report.errors = [.internalError]
            report.detail = "Impossibile leggere il file «\(file)»."
            return report
        }

        /// Writes the extracted content to `target` (a directory when verifying several files or when it is one).
        static func write(_ content: [UInt8], from file: String, to target: String, several: Bool) throws {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory)
            var destination = URL(fileURLWithPath: target)
            if several || (exists && isDirectory.boolValue) {
                try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
                var name = URL(fileURLWithPath: file).lastPathComponent
                while let dot = name.lastIndex(of: "."), ["p7m", "p7s"].contains(name[name.index(after: dot)...].lowercased()) {
                    name = String(name[..<dot])
                }
                destination.appendPathComponent(name)
            }
            try Data(content).write(to: destination, options: .atomic)
        }

        static func parseDate(_ text: String) -> Date? {
            for style in [Date.ISO8601FormatStyle(), Date.ISO8601FormatStyle(includingFractionalSeconds: true)] {
                if let date = try? style.parse(text) { return date }
            }
            if let date = try? Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "Europe/Rome")!).year().month().day().parse(text) {
                return date
            }
            return nil
        }
    }
}
