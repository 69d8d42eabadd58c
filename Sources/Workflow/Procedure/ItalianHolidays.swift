/// National public holidays (L. 260/1949 art. 2 as amended; 2 June by L. 336/2000; 4 October from 2026 by L. 151/2025).
public enum ItalianHolidays {
    /// Every national public holiday of `year`, Easter Monday included.
    public static func national(year: Int) -> [CivilDate] {
        var days: [(Int, Int)] = [(1, 1), (1, 6), (4, 25), (5, 1), (6, 2), (8, 15), (11, 1), (12, 8), (12, 25), (12, 26)]
        if year >= 2026 { days.append((10, 4)) }
        var out = days.compactMap { CivilDate(year: year, month: $0.0, day: $0.1) }
        out.append(easterSunday(year: year).adding(days: 1))
        return out.sorted()
    }

    /// Easter Sunday (Gregorian computus, anonymous algorithm of Meeus/Jones/Butcher).
    public static func easterSunday(year: Int) -> CivilDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate(year: year, month: month, day: day)!
    }
}
