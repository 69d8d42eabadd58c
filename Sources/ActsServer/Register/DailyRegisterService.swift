import Foundation
import Signing
import Storage
import Workflow

/// Writes the registro giornaliero of a day (XML and PDF, plus a CAdES `.p7m` of the PDF sealed by the AOO's
/// key when one is configured) and reports the impronte.
struct DailyRegisterService: Sendable {
    let store: any ActsStore
    let seal: SigningKey?

    struct Output: Sendable {
        let identifier: String
        let count: Int
        let summary: String
        /// File name → lower-case hex SHA-256.
        let files: [(name: String, sha256: String)]
    }

    func build(registro: RegisterCode, day: CivilDate, for reader: Operatore) async throws -> DailyRegister {
        guard let ente = try await store.ente(id: reader.enteID) else { throw StorageError.notFound("Ente") }
        let entries = try await store.registrations(registro: registro, anno: day.year, day: day, for: reader)
        let (start, end) = DailyRegister.bounds(of: day)
        let annulled = try await store.registrationsAnnulled(registro: registro, from: start, to: end, for: reader)
        return DailyRegister(enteName: ente.name, aoo: ente.aooCode, registro: registro, day: day, entries: entries, annulled: annulled)
    }

    func write(registro: RegisterCode, day: CivilDate, for reader: Operatore, to directory: URL) async throws -> Output {
        let register = try await build(registro: registro, day: day, for: reader)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var files: [(String, [UInt8])] = [("registro-giornaliero-\(register.identifier).xml", register.xml),
                                          ("registro-giornaliero-\(register.identifier).pdf", register.pdf)]
        if let seal {
            files.append(("registro-giornaliero-\(register.identifier).pdf.p7m",
                          try CAdESSigner.sign(content: register.pdf, detached: false, key: seal, signingTime: Date())))
        }
        for (name, bytes) in files { try Data(bytes).write(to: directory.appendingPathComponent(name), options: .atomic) }
        return Output(identifier: register.identifier, count: register.entries.count, summary: register.summary,
                      files: files.map { ($0.0, hexString(DigestAlgorithm.sha256.hash($0.1))) })
    }
}
