/// One pratica's procedure as a value: built by applying events in order (event sourcing), with every
/// counter derived from the recorded facts, never stored. Pure: the caller supplies each event's day.
public struct Procedure: Sendable, Hashable {
    public let type: ProcedureType
    public let calendar: WorkingCalendar

    var presentation: CivilDate?
    var protocolled = false
    var avviata = false
    var phase: ProcedureState = .presentata
    var suspensions: [Suspension] = []
    var integrazioneRequested = false
    var integrazioneReceived = false
    /// Preavvisi sent: window end W and whether observations arrived.
    var preavvisi: [Preavviso] = []
    var proposta: Esito?
    var accelerataAdopted = false
    var potereSostitutivo: CivilDate?
    var conclusion: Conclusion?
    var communicated = false

    public init(type: ProcedureType, calendar: WorkingCalendar) {
        self.type = type
        self.calendar = calendar
    }

    struct Preavviso: Sendable, Hashable {
        /// Last day for observations: delivery + 10.
        let window: CivilDate
        var observed = false
    }

    struct Conclusion: Sendable, Hashable {
        let state: ProcedureState
        let day: CivilDate
        let byDetermina: Bool
    }

    /// Whether the procedure has ended (determinazione, rinuncia, silenzio-assenso).
    public var isConcluded: Bool { conclusion != nil }

    /// The day the potere sostitutivo was activated, if it was.
    public var potereSostitutivoDay: CivilDate? { potereSostitutivo }

    /// The start day of the suspension that stops the clock on `day`, if any.
    public func runningSuspensionStart(on day: CivilDate) -> CivilDate? {
        suspensions.last { $0.isRunning(on: day) }?.start
    }

    /// The conclusion deadline of the term as known on `ref` (§6.4), `nil` while a suspension's end is unknown.
    func termDeadline(knownOn ref: CivilDate) -> CivilDate? {
        guard let presentation else { return nil }
        var extra = 0
        for s in suspensions {
            guard let e = s.end(knownOn: ref) else { return nil }
            extra += e.days(since: s.start)
        }
        return calendar.shift(presentation.adding(days: type.termDays + extra))
    }

    /// The potere sostitutivo deadline: half the original term, rounded up, from activation (§6.8).
    var substituteDeadline: CivilDate? {
        potereSostitutivo.map { calendar.shift($0.adding(days: (type.termDays + 1) / 2)) }
    }

    /// Whether the term has expired on `day` (the deadline day itself is still in time).
    func isExpired(on day: CivilDate) -> Bool {
        guard let d = termDeadline(knownOn: day) else { return false }
        return day > d
    }

    /// Whether any suspension stops the clock on `day`.
    func suspensionRunning(on day: CivilDate) -> Bool {
        suspensions.contains { $0.isRunning(on: day) }
    }

    /// Whether the latest preavviso's 10-day window is open without observations.
    func windowOpen(on day: CivilDate) -> Bool {
        guard let last = preavvisi.last else { return false }
        return !last.observed && day <= last.window
    }

    /// Whether an integrazione suspension runs on `day`.
    func integrazioneRunning(on day: CivilDate) -> Bool {
        suspensions.contains { s in
            if case .integrazione = s.kind { return s.isRunning(on: day) }
            return false
        }
    }

    /// Brings time forward to `day`: suspensions reaching their end restart the clock, and on a
    /// silenzio-assenso type the expiry concludes the procedure (§6.1, §6.5-6.7).
    mutating func advance(to day: CivilDate) {
        if conclusion == nil {
            for i in suspensions.indices where !suspensions[i].restarted {
                if let e = suspensions[i].end(knownOn: day), day >= e {
                    if phase == suspensions[i].phaseState { phase = .istruttoria }
                    suspensions[i].restarted = true
                }
            }
        }
        guard type.silenzioAssenso, let deadline = termDeadline(knownOn: day), day > deadline else { return }
        if let c = conclusion {
            let negative = c.byDetermina && (c.state == .decisaRespinta || c.state == .decisaParziale || c.state == .revocata)
            guard negative, !communicated, c.day <= deadline else { return }
        }
        conclusion = Conclusion(state: .conclusaSilenzioAssenso, day: deadline, byDetermina: false)
    }

    /// The snapshot as of `day` (or as of the conclusion day once concluded).
    public func snapshot(on day: CivilDate) -> ProcedureSnapshot {
        guard let presentation else {
            return ProcedureSnapshot(state: phase, deadline: nil, daysElapsed: 0, daysRemaining: nil, suspended: false, late: false)
        }
        let ref = conclusion?.day ?? day
        let suspendedDays = suspensions.reduce(0) { $0 + $1.suspendedDays(asOf: ref) }
        let term = termDeadline(knownOn: ref)
        let deadline = substituteDeadline ?? term
        let late = term.map { ref > $0 } ?? false
        let state: ProcedureState
        if let c = conclusion {
            state = c.state
        } else if potereSostitutivo != nil {
            state = .potereSostitutivo
        } else if late {
            state = .inadempiente
        } else {
            state = phase
        }
        return ProcedureSnapshot(
            state: state, deadline: deadline, daysElapsed: ref.days(since: presentation) - suspendedDays,
            daysRemaining: deadline.map { $0.days(since: ref) }, suspended: conclusion == nil && suspensionRunning(on: ref), late: late)
    }
}
