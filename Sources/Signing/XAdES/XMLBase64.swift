import Foundation

/// Base64 as XML-DSig elements carry it, decoded with the reference checker's two rules.
enum XMLBase64 {
    private static let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")

    /// Strict: whitespace ignored, then only alphabet characters followed by at most two `=`
    /// with correct padding; the empty string decodes to no bytes. Nil when invalid.
    static func strict(_ text: String) -> [UInt8]? {
        let compact = text.filter { !$0.isWhitespace }
        if compact.isEmpty { return [] }
        let body = compact.prefix { alphabet.contains($0) }
        let padding = compact[body.endIndex...]
        guard padding.count <= 2, padding.allSatisfy({ $0 == "=" }), compact.count % 4 == 0 else { return nil }
        return Data(base64Encoded: String(compact)).map(Array.init)
    }

    /// Lenient: characters outside the alphabet are dropped and decoding stops at the padding.
    /// Nil when the padding is wrong.
    static func lenient(_ text: String) -> [UInt8]? {
        let filtered = text.filter { alphabet.contains($0) || $0 == "=" }
        let body = filtered.prefix { $0 != "=" }
        let pads = filtered[body.endIndex...].prefix { $0 == "=" }.count
        var quads = String(body)
        switch body.count % 4 {
        case 0: break
        case 2 where pads >= 2: quads += "=="
        case 3 where pads >= 1: quads += "="
        default: return nil
        }
        if quads.isEmpty { return [] }
        return Data(base64Encoded: quads).map(Array.init)
    }

    /// Standard base64 on one line.
    static func encode(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }
}
