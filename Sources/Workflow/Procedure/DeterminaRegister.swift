/// The yearly series of determinazioni numbers: each adoption takes the next number of its year.
public struct DeterminaRegister: Sendable, Hashable {
    /// Last number used per year.
    public private(set) var lastUsed: [Int: Int]

    public init(lastUsed: [Int: Int] = [:]) {
        self.lastUsed = lastUsed
    }

    /// Takes the next number for the year of `day`, as `N/YYYY`.
    public mutating func next(on day: CivilDate) -> String {
        let n = (lastUsed[day.year] ?? 0) + 1
        lastUsed[day.year] = n
        return "\(n)/\(day.year)"
    }
}
