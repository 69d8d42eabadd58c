import Testing
import Workflow

@Suite("Calendario dei termini")
struct CalendarTests {
    @Test(arguments: [(2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"), (2000, "2000-04-23"), (2038, "2038-04-25"), (1954, "1954-04-18")])
    func easterSunday(year: Int, date: String) {
        #expect(ItalianHolidays.easterSunday(year: year) == CivilDate(iso: date))
    }

    /// The national list must equal the one the scenario corpus ships (README §2).
    @Test func nationalHolidaysMatchTheScenarioCorpus() {
        let y2025 = ["2025-01-01", "2025-01-06", "2025-04-21", "2025-04-25", "2025-05-01", "2025-06-02", "2025-08-15", "2025-11-01", "2025-12-08", "2025-12-25", "2025-12-26"]
        let y2026 = ["2026-01-01", "2026-01-06", "2026-04-06", "2026-04-25", "2026-05-01", "2026-06-02", "2026-08-15", "2026-10-04", "2026-11-01", "2026-12-08", "2026-12-25", "2026-12-26"]
        #expect(ItalianHolidays.national(year: 2025).map(\.description) == y2025)
        #expect(ItalianHolidays.national(year: 2026).map(\.description) == y2026)
    }

    @Test func dayArithmeticRoundTrips() {
        for n in stride(from: -700_000, through: 2_000_000, by: 997) {
            let d = CivilDate(dayNumber: n)
            #expect(d.dayNumber == n)
            #expect(d.adding(days: 1).days(since: d) == 1)
        }
        #expect(CivilDate(iso: "2025-09-08")!.isoWeekday == 1)
        #expect(CivilDate(iso: "2025-04-20")!.isoWeekday == 7)
        #expect(CivilDate(iso: "2024-02-28")!.adding(days: 1) == CivilDate(iso: "2024-02-29"))
    }

    @Test func shiftRules() {
        let cal = WorkingCalendar.italian(years: 2025...2026, patrono: .init(month: 12, day: 7))
        #expect(cal.shift(CivilDate(iso: "2025-04-20")!) == CivilDate(iso: "2025-04-22"))  // Sunday → Easter Monday → Tuesday
        #expect(cal.shift(CivilDate(iso: "2025-12-25")!) == CivilDate(iso: "2025-12-27"))  // Saturday is a working day
        #expect(cal.shift(CivilDate(iso: "2026-04-25")!) == CivilDate(iso: "2026-04-27"))  // holiday on Saturday, then Sunday
        #expect(cal.shift(CivilDate(iso: "2025-12-07")!) == CivilDate(iso: "2025-12-09"))  // patron (Sunday too), 8 Dec, then 9
    }

    /// Property: a shifted deadline is never a Sunday, a holiday or the patron saint, never earlier than the
    /// input, and at most a few days later.
    @Test(arguments: [WorkingCalendar.MonthDay(month: 6, day: 24), WorkingCalendar.MonthDay(month: 12, day: 7), nil])
    func shiftedDayIsAlwaysWorking(patrono: WorkingCalendar.MonthDay?) {
        let cal = WorkingCalendar.italian(years: 2024...2030, patrono: patrono)
        var d = CivilDate(iso: "2024-01-01")!
        while d.year <= 2029 {
            let s = cal.shift(d)
            #expect(!cal.isNonWorking(s))
            #expect(s >= d && s.days(since: d) <= 4)
            #expect(s.isoWeekday != 7)
            d = d.adding(days: 1)
        }
    }
}
