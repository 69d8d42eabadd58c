/// A deadline alert for one pratica: what needs attention and by when. Computed from the event log on a given
/// day; never stored as the source of truth.
public struct DeadlineAlert: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The conclusion deadline falls within the configured number of days.
        case inScadenza = "in_scadenza"
        /// The term (or the potere sostitutivo term) has expired without a decision.
        case scaduta
        /// The clock has been suspended for longer than allowed by the ente.
        case sospesaDaTroppo = "sospesa_da_troppo"
        /// The term expired: the titolare del potere sostitutivo should take over (art. 2 c.9-bis).
        case potereSostitutivoDovuto = "potere_sostitutivo_dovuto"
        /// The potere sostitutivo deadline falls within the configured number of days.
        case potereSostitutivoInScadenza = "potere_sostitutivo_in_scadenza"

        /// Italian label.
        public var label: String {
            switch self {
            case .inScadenza: "In scadenza"
            case .scaduta: "Termine scaduto"
            case .sospesaDaTroppo: "Sospesa da troppo tempo"
            case .potereSostitutivoDovuto: "Potere sostitutivo da attivare"
            case .potereSostitutivoInScadenza: "Termine del potere sostitutivo in scadenza"
            }
        }
    }

    public let kind: Kind
    public let deadline: CivilDate?
    public let daysRemaining: Int?
    /// Italian explanation for the operator.
    public let message: String

    public init(kind: Kind, deadline: CivilDate?, daysRemaining: Int?, message: String) {
        self.kind = kind
        self.deadline = deadline
        self.daysRemaining = daysRemaining
        self.message = message
    }

    /// The alerts of a procedure on `today`.
    ///
    /// - Parameters:
    ///   - dueWithin: days before a deadline from which it is "in scadenza".
    ///   - maxSuspensionDays: days of suspension after which it is "sospesa da troppo".
    public static func alerts(for procedure: Procedure, on today: CivilDate, dueWithin: Int, maxSuspensionDays: Int = 30) -> [DeadlineAlert] {
        guard !procedure.isConcluded else { return [] }
        let s = procedure.snapshot(on: today)
        var out: [DeadlineAlert] = []
        if procedure.potereSostitutivoDay != nil {
            if let r = s.daysRemaining, r < 0 {
                out.append(DeadlineAlert(kind: .scaduta, deadline: s.deadline, daysRemaining: r, message: "Anche il termine del potere sostitutivo è scaduto da \(-r) giorni."))
            } else if let r = s.daysRemaining, r <= dueWithin {
                out.append(DeadlineAlert(kind: .potereSostitutivoInScadenza, deadline: s.deadline, daysRemaining: r, message: "Il potere sostitutivo deve concludere entro \(r) giorni (\(s.deadline!.italian))."))
            }
            return out
        }
        if s.late {
            let r = s.daysRemaining ?? 0
            out.append(DeadlineAlert(kind: .scaduta, deadline: s.deadline, daysRemaining: r, message: "Termine di conclusione scaduto il \(s.deadline?.italian ?? "?"), \(-r) giorni fa."))
            out.append(DeadlineAlert(kind: .potereSostitutivoDovuto, deadline: s.deadline, daysRemaining: r, message: "Termine scaduto: il titolare del potere sostitutivo può concludere entro la metà del termine (art. 2 c.9-bis)."))
            return out
        }
        if s.suspended, let start = procedure.runningSuspensionStart(on: today), today.days(since: start) > maxSuspensionDays {
            out.append(DeadlineAlert(kind: .sospesaDaTroppo, deadline: s.deadline, daysRemaining: s.daysRemaining, message: "Procedimento sospeso dal \(start.italian), da \(today.days(since: start)) giorni."))
        }
        if let r = s.daysRemaining, r >= 0, r <= dueWithin {
            out.append(DeadlineAlert(kind: .inScadenza, deadline: s.deadline, daysRemaining: r, message: r == 0 ? "Il termine scade oggi." : "Il termine scade fra \(r) giorni, il \(s.deadline!.italian)."))
        }
        return out
    }
}
