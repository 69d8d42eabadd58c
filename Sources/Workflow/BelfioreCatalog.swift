/// The Belfiore (codice catastale) codes of Italian comuni, ceased ones included, and of foreign States,
/// each with the periods in which it was valid.
///
/// The catalog is plain data: the caller reads the shipped table (`belfiore.tsv`) and hands its text to
/// ``init(tsv:)``, so this module stays free of I/O.
public struct BelfioreCatalog: Sendable {
    /// One denomination period of a code.
    public struct Period: Sendable, Hashable {
        /// Official name in that period (upper case, as ANPR writes it).
        public let name: String
        /// Province abbreviation, or `EE` for a foreign State.
        public let province: String
        /// First day of validity, `nil` when unknown.
        public let from: CivilDate?
        /// Last day of validity, `nil` while still valid.
        public let to: CivilDate?

        /// Whether `date` falls within the period.
        public func contains(_ date: CivilDate) -> Bool {
            (from.map { $0 <= date } ?? true) && (to.map { date <= $0 } ?? true)
        }

        /// Whether the code designates a foreign State.
        public var isForeign: Bool { province == "EE" }
    }

    private var periods: [String: [Period]] = [:]

    /// Number of distinct codes.
    public var count: Int { periods.count }

    /// Parses the tab-separated table: code, name, province, from (ISO), to (ISO); `#` starts a comment line.
    public init(tsv: String) {
        for line in tsv.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cols.count >= 5, cols[0].count == 4 else { continue }
            let period = Period(name: cols[1], province: cols[2], from: CivilDate(iso: cols[3]), to: CivilDate(iso: cols[4]))
            periods[cols[0].uppercased(), default: []].append(period)
        }
    }

    /// All periods of a code, oldest first; empty when the code is unknown.
    public func periods(of code: String) -> [Period] {
        (periods[code.uppercased()] ?? []).sorted { ($0.from ?? CivilDate(year: 1, month: 1, day: 1)!) < ($1.from ?? CivilDate(year: 1, month: 1, day: 1)!) }
    }

    /// The period valid on `date`, or `nil` when the code did not exist then (or is unknown).
    public func period(of code: String, on date: CivilDate) -> Period? {
        periods(of: code).first { $0.contains(date) }
    }

    /// The most recent name of a code, e.g. `MILANO (MI)` or `CECOSLOVACCHIA`.
    public func displayName(of code: String) -> String? {
        guard let last = periods(of: code).last else { return nil }
        return last.isForeign ? last.name : "\(last.name) (\(last.province))"
    }
}
