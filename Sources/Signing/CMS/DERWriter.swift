import Foundation

/// Builds DER encodings (definite lengths, SET OF sorted) for the CMS structures the module writes.
enum DERWriter {
    static func element(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [tag]
        out.reserveCapacity(content.count + 6)
        appendLength(content.count, to: &out)
        out += content
        return out
    }

    static func appendLength(_ length: Int, to out: inout [UInt8]) {
        if length < 0x80 {
            out.append(UInt8(length))
            return
        }
        var bytes: [UInt8] = []
        var value = length
        while value > 0 {
            bytes.insert(UInt8(value & 0xFF), at: 0)
            value >>= 8
        }
        out.append(0x80 | UInt8(bytes.count))
        out += bytes
    }

    static func sequence(_ parts: [[UInt8]]) -> [UInt8] { element(0x30, parts.flatMap { $0 }) }

    /// A DER SET OF: elements sorted by their encodings (X.690 §11.6).
    static func setOf(_ parts: [[UInt8]]) -> [UInt8] {
        element(0x31, parts.sorted { $0.lexicographicallyPrecedes($1) }.flatMap { $0 })
    }

    static func contextConstructed(_ number: UInt8, _ content: [UInt8]) -> [UInt8] {
        element(0xA0 | number, content)
    }

    static func octetString<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        element(0x04, Array(bytes))
    }

    static let null: [UInt8] = [0x05, 0x00]

    static func boolean(_ value: Bool) -> [UInt8] { [0x01, 0x01, value ? 0xFF : 0x00] }

    static func integer(_ value: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var remaining = value
        repeat {
            bytes.insert(UInt8(remaining & 0xFF), at: 0)
            remaining >>= 8
        } while remaining > 0
        if bytes[0] & 0x80 != 0 { bytes.insert(0, at: 0) }
        return element(0x02, bytes)
    }

    /// An INTEGER from big-endian unsigned magnitude bytes.
    static func unsignedInteger(_ magnitude: [UInt8]) -> [UInt8] {
        var bytes = Array(magnitude.drop(while: { $0 == 0 }))
        if bytes.isEmpty || bytes[0] & 0x80 != 0 { bytes.insert(0, at: 0) }
        return element(0x02, bytes)
    }

    static func oid(_ dotted: String) -> [UInt8] {
        let arcs = dotted.split(separator: ".").compactMap { UInt64($0) }
        precondition(arcs.count >= 2, "OID non valido: \(dotted)")
        var content: [UInt8] = []
        for arc in [arcs[0] * 40 + arcs[1]] + arcs.dropFirst(2) {
            var chunk: [UInt8] = [UInt8(arc & 0x7F)]
            var value = arc >> 7
            while value > 0 {
                chunk.insert(UInt8(value & 0x7F) | 0x80, at: 0)
                value >>= 7
            }
            content += chunk
        }
        return element(0x06, content)
    }

    /// AlgorithmIdentifier with NULL or absent parameters.
    static func algorithm(_ oid: String, nullParameters: Bool) -> [UInt8] {
        sequence([Self.oid(oid)] + (nullParameters ? [null] : []))
    }

    /// UTCTime until 2049, GeneralizedTime after (RFC 5280 §4.1.2.5), seconds precision, UTC.
    static func time(_ date: Date) -> [UInt8] {
        let components = Calendar.utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let year = components.year ?? 1970
        let rest = [components.month, components.day, components.hour, components.minute, components.second]
            .map { String(format: "%02d", $0 ?? 0) }.joined()
        if year >= 1950 && year < 2050 {
            return element(0x17, Array((String(format: "%02d", year % 100) + rest + "Z").utf8))
        }
        return element(0x18, Array((String(format: "%04d", year) + rest + "Z").utf8))
    }
}

extension Calendar {
    /// The Gregorian calendar in UTC, for ASN.1 times.
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
