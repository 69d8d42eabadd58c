/// The days on which a conclusion deadline may not fall: Sundays, national public holidays and the
/// ente's patron saint (L. 241/1990 terms; c.c. art. 2963 c.3). Saturday is a working day.
public struct WorkingCalendar: Sendable, Hashable {
    /// Public holidays (national) as explicit dates.
    public let holidays: Set<CivilDate>
    /// The patron saint's day (month, day), a non-working day every year for this ente.
    public let patrono: MonthDay?

    /// A recurring day of the year.
    public struct MonthDay: Sendable, Hashable {
        public let month: Int
        public let day: Int

        public init(month: Int, day: Int) {
            self.month = month
            self.day = day
        }

        /// Parses `MM-DD`.
        public init?(_ text: String) {
            let parts = text.split(separator: "-")
            guard parts.count == 2, let m = Int(parts[0]), let d = Int(parts[1]), CivilDate(year: 2000, month: m, day: d) != nil else { return nil }
            self.init(month: m, day: d)
        }
    }

    public init(holidays: Set<CivilDate>, patrono: MonthDay?) {
        self.holidays = holidays
        self.patrono = patrono
    }

    /// The national calendar of ``ItalianHolidays`` for `years`, plus the patron saint.
    public static func italian(years: ClosedRange<Int>, patrono: MonthDay?) -> WorkingCalendar {
        WorkingCalendar(holidays: Set(years.flatMap(ItalianHolidays.national(year:))), patrono: patrono)
    }

    /// Whether no deadline may fall on `date`.
    public func isNonWorking(_ date: CivilDate) -> Bool {
        date.isoWeekday == 7 || holidays.contains(date) || (patrono.map { $0.month == date.month && $0.day == date.day } ?? false)
    }

    /// `date`, or the first following day that is a working day.
    public func shift(_ date: CivilDate) -> CivilDate {
        var d = date
        while isNonWorking(d) { d = d.adding(days: 1) }
        return d
    }
}
