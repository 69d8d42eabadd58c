/// The single error type of the storage module: a stable `code` and an Italian `message`.
public struct StorageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable machine-readable code: `non_trovato`, `conflitto`, `archivio_documenti`, `database`.
    public let code: String
    /// Italian message a user can act on.
    public let message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }

    /// The object does not exist for the caller's ente (also used for other entes' objects, to not confirm existence).
    public static func notFound(_ what: String) -> StorageError {
        StorageError(code: "non_trovato", message: "\(what) inesistente o non accessibile.")
    }

    /// The change conflicts with data already stored.
    public static func conflict(_ message: String) -> StorageError {
        StorageError(code: "conflitto", message: message)
    }

    /// The document archive on disk could not be written or read.
    public static func documentArchive(_ detail: String) -> StorageError {
        StorageError(code: "archivio_documenti", message: "Errore dell'archivio documenti: \(detail). Verificare spazio e permessi della cartella dati.")
    }
}
