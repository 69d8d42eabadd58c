/// Unwraps signed files as mailboxes deliver them: DER as is, PEM armour, or bare base64 of DER.
enum ContainerDecoder {
    /// The DER bytes, or nil when the data is neither DER-looking, PEM nor base64 of DER.
    static func unwrap(_ data: [UInt8]) -> [UInt8]? {
        var start = 0
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        let body = data[start...]
        if body.first == 0x30 { return Array(body) }
        let trimmed = body.drop(while: { isSpace($0) })
        if trimmed.starts(with: Array("-----BEGIN".utf8)) {
            return PEM.blocks(in: Array(trimmed), label: nil)?.first
        }
        let text = trimmed.reversed().drop(while: { isSpace($0) }).reversed()
        guard text.count > 16, text.allSatisfy({ isBase64($0) || isSpace($0) }),
              let decoded = PEM.base64(String(decoding: text, as: UTF8.self)), decoded.first == 0x30 else { return nil }
        return decoded
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    private static func isBase64(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            || byte == 0x2B || byte == 0x2F || byte == 0x3D
    }
}
