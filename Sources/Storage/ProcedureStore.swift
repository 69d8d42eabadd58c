import Foundation
import Workflow

/// The event logs of procedures, the procedural functions of users, and the stored deadline alerts.
public protocol ProcedureStore: Sendable {
    /// The accepted events of a pratica, in order.
    func procedureEvents(praticaID: Int64, for: Operatore) async throws -> [RecordedProcedureEvent]
    /// Every pratica of an ente with its event log (system use: alerts, reports).
    func procedureLogs(enteID: Int64) async throws -> [(pratica: Pratica, events: [RecordedProcedureEvent])]
    /// Decides and records one event in a single write transaction, so concurrent events on the same pratica and
    /// determinazioni of the same year are serialised: `decide` gets the pratica, its log and the last
    /// determinazione number of `year`, and returns the event to append (or `nil` for a refusal or a
    /// verifica), the resulting state and a result for the caller. The appended event, the determinazione
    /// counter, the cached state and the audit entry commit together.
    func recordProcedureEvent<T: Sendable>(
        praticaID: Int64, by: Operatore, year: Int,
        decide: @escaping @Sendable (Pratica, [RecordedProcedureEvent], Int) throws -> (append: RecordedProcedureEvent?, state: ProcedureState, result: T)
    ) async throws -> T
    /// Makes a user of the same ente the responsabile del procedimento of a pratica.
    func assignRDP(praticaID: Int64, userID: Int64, by: Operatore, at: Date) async throws
    /// The procedural functions a user holds in its ente.
    func functions(userID: Int64) async throws -> Set<String>
    /// Every ente (system use).
    func allEnti() async throws -> [Ente]
    /// Replaces the stored alerts of an ente with a fresh computation.
    func replaceAlerts(enteID: Int64, with alerts: [StoredAlert], at: Date) async throws
    /// Updates the cached state of pratiche whose state changed with the passing of time (expiry, end of a
    /// suspension, silenzio-assenso): a cache for lists and filters, derived from the event log, not audited.
    func refreshStates(_ states: [Int64: ProcedureState], enteID: Int64) async throws
    /// The stored alerts of an ente.
    func alerts(enteID: Int64) async throws -> [StoredAlert]
}
