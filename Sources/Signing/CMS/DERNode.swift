/// One BER/DER element (tag, length, value) read from a byte buffer without copying.
///
/// Reads definite and indefinite lengths (BER, as some tools write CMS) and refuses anything
/// that runs past its container, nests deeper than ``DERNode/maximumDepth`` or is otherwise
/// malformed, with ``DERError``.
struct DERNode: Sendable {
    /// Deepest nesting accepted: CMS needs about 12 levels; a hostile file cannot exhaust the stack.
    static let maximumDepth = 64

    /// The identifier octet (class, constructed bit, tag number < 31).
    let tag: UInt8
    /// The whole element, header included (for indefinite lengths, up to and including the end-of-contents).
    let raw: ArraySlice<UInt8>
    /// The value octets (for indefinite lengths, without the end-of-contents).
    let content: ArraySlice<UInt8>

    var isConstructed: Bool { tag & 0x20 != 0 }

    /// Parses exactly one element filling `bytes`.
    static func parse(_ bytes: ArraySlice<UInt8>) throws(DERError) -> DERNode {
        let (node, end) = try read(bytes, at: bytes.startIndex, depth: 0)
        guard end == bytes.endIndex else { throw .trailingData }
        return node
    }

    /// Parses one element at the start of `bytes`, ignoring what follows.
    static func parsePrefix(_ bytes: ArraySlice<UInt8>) throws(DERError) -> DERNode {
        try read(bytes, at: bytes.startIndex, depth: 0).0
    }

    /// The child elements of a constructed element.
    func children() throws(DERError) -> [DERNode] {
        guard isConstructed else { throw .unexpected("elemento primitivo") }
        var result: [DERNode] = []
        var index = content.startIndex
        while index < content.endIndex {
            let (child, next) = try DERNode.read(content, at: index, depth: 1)
            result.append(child)
            index = next
        }
        return result
    }

    /// The value of a string type, concatenating the segments of a constructed (BER) string.
    func octets() throws(DERError) -> [UInt8] {
        if !isConstructed { return Array(content) }
        var out: [UInt8] = []
        for child in try children() { out += try child.octets() }
        return out
    }

    /// The dotted object identifier of an OBJECT IDENTIFIER element.
    func oid() throws(DERError) -> String {
        guard tag == 0x06, !content.isEmpty else { throw .unexpected("OID") }
        var parts: [UInt64] = []
        var value: UInt64 = 0
        for byte in content {
            guard value < (1 << 56) else { throw .unexpected("OID troppo lungo") }
            value = (value << 7) | UInt64(byte & 0x7F)
            if byte & 0x80 == 0 {
                parts.append(value)
                value = 0
            }
        }
        guard let first = parts.first else { throw .unexpected("OID") }
        let head: [UInt64] = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80]
        return (head + parts.dropFirst()).map(String.init).joined(separator: ".")
    }

    private static func read(_ bytes: ArraySlice<UInt8>, at start: Int, depth: Int) throws(DERError) -> (DERNode, Int) {
        guard depth <= maximumDepth else { throw .tooDeep }
        var index = start
        guard index < bytes.endIndex else { throw .truncated }
        let tag = bytes[index]
        guard tag & 0x1F != 0x1F else { throw .unexpected("tag esteso") }
        index += 1
        guard index < bytes.endIndex else { throw .truncated }
        let first = bytes[index]
        index += 1
        if first == 0x80 {
            guard tag & 0x20 != 0 else { throw .unexpected("lunghezza indefinita su primitivo") }
            let contentStart = index
            while true {
                guard index + 1 < bytes.endIndex else { throw .truncated }
                if bytes[index] == 0, bytes[index + 1] == 0 {
                    let node = DERNode(tag: tag, raw: bytes[start..<(index + 2)], content: bytes[contentStart..<index])
                    return (node, index + 2)
                }
                let (_, next) = try read(bytes, at: index, depth: depth + 1)
                index = next
            }
        }
        var length = 0
        if first & 0x80 == 0 {
            length = Int(first)
        } else {
            let count = Int(first & 0x7F)
            guard count <= 4 else { throw .unexpected("lunghezza eccessiva") }
            for _ in 0..<count {
                guard index < bytes.endIndex else { throw .truncated }
                length = (length << 8) | Int(bytes[index])
                index += 1
            }
        }
        guard length <= bytes.endIndex - index else { throw .truncated }
        let end = index + length
        let node = DERNode(tag: tag, raw: bytes[start..<end], content: bytes[index..<end])
        if node.isConstructed, depth < maximumDepth {
            var inner = index
            while inner < end {
                let (_, next) = try read(bytes[..<end], at: inner, depth: depth + 1)
                inner = next
            }
        }
        return (node, end)
    }
}

/// Why bytes do not decode as BER/DER.
enum DERError: Error, Sendable, Equatable {
    case truncated
    case trailingData
    case tooDeep
    case unexpected(String)
}
