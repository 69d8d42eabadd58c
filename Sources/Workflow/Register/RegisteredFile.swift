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
        return Base64.encode(bytes)
    }
}

/// Standard base64 (RFC 4648) without Foundation, for the pure domain.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let value = (UInt32(chunk[0]) << 16) | (UInt32(chunk.count > 1 ? chunk[1] : 0) << 8) | UInt32(chunk.count > 2 ? chunk[2] : 0)
            for position in 0..<4 {
                if position <= chunk.count {
                    out.append(alphabet[Int((value >> UInt32(18 - position * 6)) & 0x3F)])
                } else {
                    out.append(UInt8(ascii: "="))
                }
            }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
