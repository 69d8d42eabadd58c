import Foundation

/// xades:SigningTime values: written as `2026-11-23T10:19:00Z`, read as ISO 8601 (extended or
/// basic, optional fraction and offset, no offset meaning UTC), like the reference checker.
enum XAdESTime {
    /// `yyyy-MM-ddTHH:mm:ssZ` in UTC.
    static func format(_ date: Date) -> String {
        let parts = Calendar.utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1,
                      parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    /// The instant a SigningTime text names, or nil when it is not an ISO 8601 date-time.
    static func parse(_ text: String) -> Date? {
        var scanner = Array(text.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "Z", with: "+00:00").utf8)[...]
        guard let date = readDate(&scanner) else { return nil }
        var time = (hour: 0, minute: 0, second: 0, fraction: 0.0)
        var offset = 0
        if let separator = scanner.first, separator != UInt8(ascii: "+"), separator != UInt8(ascii: "-") {
            scanner = scanner.dropFirst()
            guard let parsed = readTime(&scanner) else { return nil }
            time = parsed
        }
        if let sign = scanner.first {
            guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
            scanner = scanner.dropFirst()
            guard let parsed = readTime(&scanner), parsed.fraction == 0 else { return nil }
            offset = (parsed.hour * 3600 + parsed.minute * 60 + parsed.second) * (sign == UInt8(ascii: "-") ? -1 : 1)
        }
        guard scanner.isEmpty else { return nil }
        var components = DateComponents()
        (components.year, components.month, components.day) = (date.year, date.month, date.day)
        (components.hour, components.minute, components.second) = (time.hour, time.minute, time.second)
        guard components.isValidDate(in: Calendar.utc), let base = Calendar.utc.date(from: components) else { return nil }
        return base.addingTimeInterval(time.fraction - TimeInterval(offset))
    }

    private static func digits(_ scanner: inout ArraySlice<UInt8>, _ count: Int) -> Int? {
        let chunk = scanner.prefix(count)
        guard chunk.count == count, chunk.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        scanner = scanner.dropFirst(count)
        return chunk.reduce(0) { $0 * 10 + Int($1 - 48) }
    }

    private static func skip(_ scanner: inout ArraySlice<UInt8>, _ character: Character, required: Bool) -> Bool {
        if scanner.first == character.asciiValue {
            scanner = scanner.dropFirst()
            return true
        }
        return !required
    }

    private static func readDate(_ scanner: inout ArraySlice<UInt8>) -> (year: Int, month: Int, day: Int)? {
        guard let year = digits(&scanner, 4) else { return nil }
        let extended = skip(&scanner, "-", required: true)
        guard let month = digits(&scanner, 2), skip(&scanner, "-", required: extended) || !extended,
              let day = digits(&scanner, 2) else { return nil }
        return (year, month, day)
    }

    private static func readTime(_ scanner: inout ArraySlice<UInt8>) -> (hour: Int, minute: Int, second: Int, fraction: Double)? {
        guard let hour = digits(&scanner, 2), hour < 24 else { return nil }
        var minute = 0, second = 0, fraction = 0.0
        let extended = scanner.first == UInt8(ascii: ":")
        if extended { scanner = scanner.dropFirst() }
        if let value = digits(&scanner, 2) {
            minute = value
            if extended ? skip(&scanner, ":", required: true) : true, let value = digits(&scanner, 2) {
                second = value
                if let mark = scanner.first, mark == UInt8(ascii: ".") || mark == UInt8(ascii: ",") {
                    scanner = scanner.dropFirst()
                    let decimals = scanner.prefix { $0 >= 48 && $0 <= 57 }
                    guard !decimals.isEmpty else { return nil }
                    fraction = Double("0." + String(decoding: decimals.prefix(6), as: UTF8.self)) ?? 0
                    scanner = scanner.dropFirst(decimals.count)
                }
            } else if extended && scanner.first == UInt8(ascii: ":") {
                return nil
            }
        } else if extended {
            return nil
        }
        guard minute < 60, second < 60 else { return nil }
        return (hour, minute, second, fraction)
    }
}
