import Foundation

/// Reads ASN.1 UTCTime and GeneralizedTime values (as CMS signing-time and TSTInfo genTime carry them).
enum ASN1Time {
    static func date(_ node: DERNode) -> Date? {
        guard node.tag == 0x17 || node.tag == 0x18 else { return nil }
        var text = String(decoding: node.content, as: UTF8.self)
        var offset: TimeInterval = 0
        if text.hasSuffix("Z") {
            text.removeLast()
        } else if let sign = text.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let zone = text[text.index(after: sign)...]
            guard zone.count == 4, let hours = Int(zone.prefix(2)), let minutes = Int(zone.suffix(2)) else { return nil }
            offset = TimeInterval((hours * 60 + minutes) * 60) * (text[sign] == "+" ? 1 : -1)
            text = String(text[..<sign])
        }
        var fraction: TimeInterval = 0
        if let dot = text.firstIndex(where: { $0 == "." || $0 == "," }) {
            fraction = TimeInterval("0." + text[text.index(after: dot)...]) ?? 0
            text = String(text[..<dot])
        }
        let digits = Array(text.utf8)
        guard digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        func number(_ from: Int, _ length: Int) -> Int? {
            guard from + length <= digits.count else { return nil }
            return Int(String(decoding: digits[from..<(from + length)], as: UTF8.self))
        }
        let yearLength = node.tag == 0x17 ? 2 : 4
        guard var year = number(0, yearLength), let month = number(yearLength, 2), let day = number(yearLength + 2, 2),
              let hour = number(yearLength + 4, 2), let minute = number(yearLength + 6, 2) else { return nil }
        let second = number(yearLength + 8, 2) ?? 0
        if node.tag == 0x17 { year += year < 50 ? 2000 : 1900 }
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let date = Calendar.utc.date(from: components) else { return nil }
        return date.addingTimeInterval(fraction - offset)
    }
}

extension Date {
    /// ISO 8601 in UTC with seconds precision, e.g. `2026-11-23T10:19:00Z`.
    var isoUTC: String {
        let c = Calendar.utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: self)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year ?? 0, c.month ?? 0, c.day ?? 0,
                      c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }
}
