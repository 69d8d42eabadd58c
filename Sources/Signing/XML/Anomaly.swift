/// A problem found in an incoming protocol message (segnatura plus files), with a stable code
/// and an Italian message for the protocol operator.
public struct Anomaly: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Stable codes: they are stored and shown, never renamed.
    public enum Code: String, Sendable, Hashable, Codable, CaseIterable {
        /// The segnatura does not conform to the AgID schema (one anomaly per diagnostic).
        case schemaNonValido = "SCHEMA_NON_VALIDO"
        /// A received file's digest differs from the impronta declared in the segnatura.
        case improntaDiversa = "IMPRONTA_DIVERSA"
        /// A document declared in the segnatura was not received.
        case documentoMancante = "DOCUMENTO_MANCANTE"
        /// A file was received but the segnatura does not declare it.
        case documentoNonDichiarato = "DOCUMENTO_NON_DICHIARATO"
        /// The impronta uses an algorithm that cannot be checked.
        case algoritmoNonSupportato = "ALGORITMO_NON_SUPPORTATO"
        /// The segnatura has no `ds:Signature` (the AOO's seal, All. 6 §2).
        case firmaAssente = "FIRMA_ASSENTE"
    }

    /// The stable code (`IMPRONTA_DIVERSA`, …).
    public let code: Code
    /// What is wrong, in Italian.
    public let message: String
    /// The file concerned, when the anomaly is about one file.
    public let file: String?

    /// An anomaly about the whole message (`file` nil) or about one file.
    public init(code: Code, message: String, file: String? = nil) {
        self.code = code
        self.message = message
        self.file = file
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
