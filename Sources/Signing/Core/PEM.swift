import Foundation

/// PEM and bare base64 armour, as certificates, CRLs and mailbox attachments carry it.
enum PEM {
    /// The decoded blocks with `label` (any label when nil); nil when the data holds no PEM block.
    static func blocks(in data: [UInt8], label: String?) -> [[UInt8]]? {
        guard let text = String(bytes: data.prefix(64 * 1024 * 1024), encoding: .utf8) ?? String(bytes: data, encoding: .isoLatin1),
              text.contains("-----BEGIN") else { return nil }
        var result: [[UInt8]] = []
        var remainder = Substring(text)
        while let begin = remainder.range(of: "-----BEGIN ") {
            guard let labelEnd = remainder[begin.upperBound...].range(of: "-----") else { break }
            let found = remainder[begin.upperBound..<labelEnd.lowerBound]
            guard let end = remainder[labelEnd.upperBound...].range(of: "-----END \(found)-----") else { break }
            let body = remainder[labelEnd.upperBound..<end.lowerBound]
            if label == nil || found == label!, let decoded = base64(body) {
                result.append(decoded)
            }
            remainder = remainder[end.upperBound...]
        }
        return result
    }

    /// Strict base64 (whitespace ignored) or nil. PEM headers such as `Proc-Type:` are not supported.
    static func base64<S: StringProtocol>(_ text: S) -> [UInt8]? {
        let compact = text.filter { !$0.isWhitespace }
        guard !compact.isEmpty, let data = Data(base64Encoded: String(compact)) else { return nil }
        return Array(data)
    }
}

/// Conversion between the DER (CMS) and raw r‖s (XML-DSig) forms of an ECDSA signature.
enum ECDSASignature {
    static func der(fromRaw raw: [UInt8]) -> [UInt8]? {
        guard raw.count >= 2, raw.count % 2 == 0 else { return nil }
        let half = raw.count / 2
        return DERWriter.sequence([DERWriter.unsignedInteger(Array(raw[..<half])), DERWriter.unsignedInteger(Array(raw[half...]))])
    }

    /// r‖s with each half padded to `componentLength` bytes.
    static func raw(fromDER der: [UInt8], componentLength: Int) -> [UInt8]? {
        guard let node = try? DERNode.parse(der[...]), let parts = try? node.children(), parts.count == 2 else { return nil }
        var out: [UInt8] = []
        for part in parts {
            let magnitude = Array(part.content.drop(while: { $0 == 0 }))
            guard magnitude.count <= componentLength else { return nil }
            out += [UInt8](repeating: 0, count: componentLength - magnitude.count) + magnitude
        }
        return out
    }
}
