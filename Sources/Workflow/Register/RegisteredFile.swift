#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A file registered with a document: its name, type and SHA-256 impronta (immutable, art. 53 f).
public struct RegisteredFile: Sendable, Hashable, Codable {
    public let nome: String
    public let mimeType: String
    /// Lower-case hex SHA-256 of the content, as the document archive addresses it.
    public let impronta: String
    public let dimensione: Int64

    public init(nome: String, mimeType: String, impronta: String, dimensione: Int64) {
        self.nome = nome
        self.mimeType = mimeType
        self.impronta = impronta
        self.dimensione = dimensione
    }

    /// The impronta in base64, as AgID All. 6 writes it in the segnatura.
    public var improntaBase64: String {
        var bytes: [UInt8] = []
        var high: UInt8?
        for scalar in impronta.unicodeScalars {
            guard let nibble = UInt8(String(scalar), radix: 16) else { return "" }
            if let h = high {
                bytes.append(h << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return Data(bytes).base64EncodedString()
    }
}
