#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An accepted procedure event as stored: the event log from which every state and deadline is derived.
public struct RecordedProcedureEvent: Sendable, Hashable, Codable {
    /// Position in the pratica's log, from 1.
    public let seq: Int
    public let event: ProcedureEvent
    /// The instant it was recorded.
    public let at: Date
    /// Who performed it.
    public let userID: Int64
    /// The determinazione number it obtained (`N/YYYY`), if any.
    public let determina: String?

    public init(seq: Int, event: ProcedureEvent, at: Date, userID: Int64, determina: String?) {
        self.seq = seq
        self.event = event
        self.at = at
        self.userID = userID
        self.determina = determina
    }
}


extension Procedure {
    /// Rebuilds a procedure from its recorded events (they were accepted when recorded; they are re-applied
    /// with a scratch register because their numbers are already assigned).
    public static func rebuild(type: ProcedureType, calendar: WorkingCalendar, from events: [RecordedProcedureEvent]) -> Procedure {
        var p = Procedure(type: type, calendar: calendar)
        var scratch = DeterminaRegister()
        for e in events { _ = p.apply(e.event, register: &scratch, checkRoles: false) }
        return p
    }
}
