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
            let validationTime = at.flatMap(Self.parseDate)
            let (extract, json, several) = (self.extract, self.json, files.count > 1)
            // Files are verified in parallel (one task per core); reports are printed in the order given.
            var slots = [(Int32, String)?](repeating: nil, count: files.count)
            try await withThrowingTaskGroup(of: (Int, Int32, String).self) { group in
                var next = 0
                func submit() {
                    guard next < files.count else { return }
                    let index = next, file = files[index]
                    next += 1
                    group.addTask {
                        let report = Self.verify(file, verifier: verifier, content: detached, at: validationTime)
                        if let extract, let signed = report.content {
                            try Self.write(signed, from: file, to: extract, several: several)
                        }
                        let text = json ? VerificationReportJSON(report: report, file: file).line : VerificationReportText.render(report, file: file)
                        return (index, report.exitCode, text)
                    }
                }
                for _ in 0..<max(1, ProcessInfo.processInfo.activeProcessorCount) { submit() }
                for try await (index, code, text) in group {
                    slots[index] = (code, text)
                    submit()
                }
            }
            let worst = slots.map { $0!.0 }.max() ?? 0
            let outputs = slots.map { $0!.1 }
            FileHandle.standardOutput.write(Data((outputs.joined(separator: "\n") + "\n").utf8))
            if worst != 0 { throw ExitCode(worst) }
        }

        /// The report for one file: refused unread when too large.
        static func verify(_ file: String, verifier: SignatureVerifier, content: [UInt8]?, at: Date?) -> VerificationReport {
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            if size > SignatureVerifier.maximumSize { return .tooLarge(size: size) }
            guard let data = FileManager.default.contents(atPath: file) else { return unreadable(file) }
            return verifier.verify(Array(data), content: content, at: at)
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
