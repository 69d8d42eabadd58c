/// How a procedure stands on a reference day (scenario README §1 output fields).
public struct ProcedureSnapshot: Sendable, Hashable {
    public let state: ProcedureState
    /// The day by which the procedure must be concluded; `nil` while a suspension's end is unknown.
    public let deadline: CivilDate?
    /// Days of the term consumed, suspended days excluded.
    public let daysElapsed: Int
    /// `deadline` minus the reference day; negative when late.
    public let daysRemaining: Int?
    public let suspended: Bool
    public let late: Bool
}

/// The result of applying one event: accepted or refused (with the error), and the snapshot as of the event's day.
public struct ProcedureOutcome: Sendable, Hashable {
    public let accepted: Bool
    public let error: WorkflowError?
    public let snapshot: ProcedureSnapshot
    /// The determinazione number this event obtained, `N/YYYY`.
    public let determina: String?
}
