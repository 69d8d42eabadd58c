import Foundation
import Storage
import Workflow

/// Registers documents for the server and the CLI: the date, time and year come from the server clock in
/// Europe/Rome (a registration at 00:30 on 1 January belongs to the new year), never from the client.
struct RegisterService: Sendable {
    let store: any ActsStore
    let clock: AppClock

    /// One file to register, with its content.
    struct Upload: Sendable {
        let nome: String
        let mimeType: String
        let content: [UInt8]
    }

    func register(_ input: RegistrationInput, files: [Upload], by op: Operatore) async throws -> Registration {
        try op.require(.registerDocuments)
        var staged: [RegistrationFile] = []
        for file in files {
            guard !file.content.isEmpty else {
                throw WorkflowError.invalid([FieldIssue(field: "allegati", message: "Il file «\(file.nome)» è vuoto.")])
            }
            let content = file.content
            let stream = AsyncThrowingStream<[UInt8], any Error> { continuation in
                continuation.yield(content)
                continuation.finish()
            }
            staged.append(RegistrationFile(nome: file.nome, mimeType: file.mimeType, staged: try await store.stage(stream, limit: .max)))
        }
        let clock = self.clock
        return try await store.register(input, files: staged, by: op) {
            let now = clock.now()
            return (now, ProcedureService.civilDate(now))
        }
    }
}
