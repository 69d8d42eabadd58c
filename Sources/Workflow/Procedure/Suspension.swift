/// A period in which the term does not run: the single integrazione request (art. 2 c.7) or a preavviso
/// di rigetto (art. 10-bis). Start day S is counted; days S+1 … E are not; the term resumes on E+1.
struct Suspension: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// Ends when the documents arrive, or on S + 30 at the latest.
        case integrazione(received: CivilDate?)
        /// Ends 10 days after timely observations, or at the end of the 10-day window W.
        case preavviso(window: CivilDate, observations: CivilDate?)
    }

    var kind: Kind
    let start: CivilDate
    /// Whether the phase has already been returned to `istruttoria` at the restart.
    var restarted = false

    /// The state the phase shows while this suspension runs.
    var phaseState: ProcedureState {
        if case .integrazione = kind { return .sospesaIntegrazione }
        return .preavviso10bis
    }

    /// The restart day E as known on day `ref`, or `nil` while still unknown.
    func end(knownOn ref: CivilDate) -> CivilDate? {
        switch kind {
        case .integrazione(let received):
            let cap = start.adding(days: 30)
            if let received, received < cap { return received }
            return ref >= cap ? cap : nil
        case .preavviso(let window, let observations):
            if let o = observations, o <= window { return o.adding(days: 10) }
            return ref > window ? window : nil
        }
    }

    /// Days S+1 … min(E, ref) that do not count on day `ref`.
    func suspendedDays(asOf ref: CivilDate) -> Int {
        let last = min(end(knownOn: ref) ?? ref, ref)
        return max(0, last.days(since: start))
    }

    /// Whether the clock is stopped on day `d` by this suspension.
    func isRunning(on d: CivilDate) -> Bool {
        guard start <= d else { return false }
        guard let e = end(knownOn: d) else { return true }
        return d < e
    }
}
