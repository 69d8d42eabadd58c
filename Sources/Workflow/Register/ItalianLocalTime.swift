#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Civil time in Italy (Europe/Rome) computed from the EU summer-time rule, without a time-zone
/// database (the pure domain reads none): UTC+1, and UTC+2 from 01:00 UTC on the last Sunday of
/// March to 01:00 UTC on the last Sunday of October (Directive 2000/84/EC, the rule since 1996).
struct ItalianLocalTime: Equatable {
    let date: CivilDate
    let hour: Int
    let minute: Int
    let second: Int
    /// Offset from UTC in hours (1 or 2).
    let offsetHours: Int

    /// The civil time of `instant`, seconds truncated.
    init(_ instant: Date) {
        let utcSeconds = Int64((instant.timeIntervalSince1970).rounded(.down))
        let offset = Self.isSummerTime(utcSeconds) ? 2 : 1
        let local = utcSeconds + Int64(offset) * 3600
        let day = Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
        let secondOfDay = Int(local - Int64(day) * 86_400)
        date = CivilDate(dayNumber: day)
        hour = secondOfDay / 3600
        minute = secondOfDay % 3600 / 60
        second = secondOfDay % 60
        offsetHours = offset
    }

    /// `HH:MM:SS+01:00` or `…+02:00`, an `xs:time` with its time zone.
    var xsdTime: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(hour)):\(two(minute)):\(two(second))+\(two(offsetHours)):00"
    }

    private static func isSummerTime(_ utcSeconds: Int64) -> Bool {
        let year = CivilDate(dayNumber: Int(utcSeconds >= 0 ? utcSeconds / 86_400 : (utcSeconds - 86_399) / 86_400)).year
        return utcSeconds >= switchInstant(year: year, month: 3) && utcSeconds < switchInstant(year: year, month: 10)
    }

    /// 01:00 UTC of the last Sunday of `month` (March or October, both 31 days long).
    private static func switchInstant(year: Int, month: Int) -> Int64 {
        guard let last = CivilDate(year: year, month: month, day: 31) else { return 0 }
        let sunday = last.adding(days: -(last.isoWeekday % 7))
        return Int64(sunday.dayNumber) * 86_400 + 3600
    }
}
