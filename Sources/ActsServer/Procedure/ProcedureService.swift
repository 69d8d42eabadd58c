import Foundation
import Storage
import Workflow

/// Runs the procedure engine for the server: rebuilds a pratica's procedure from its event log, applies the
/// operator's event with the roles they hold for that pratica, and records it atomically.
struct ProcedureService: Sendable {
    let store: any ActsStore
    let catalog: ProcedureCatalog
    let clock: AppClock

    static let zone = TimeZone(identifier: "Europe/Rome")!

    /// Today in Italy.
    func today() -> CivilDate { Self.civilDate(clock.now()) }

    /// The Gregorian calendar in Italian civil time.
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }()

    static func civilDate(_ date: Date) -> CivilDate {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return CivilDate(year: c.year!, month: c.month!, day: c.day!)!
    }

    func configuration(for op: Operatore) -> ProcedureConfiguration { catalog.configuration(forEnte: op.enteCode) }

    /// The configured type of a pratica; a type removed from the configuration is a clear error.
    func tipo(of pratica: Pratica, for op: Operatore) throws -> ProcedureConfiguration.TipoConfig {
        try Self.tipo(of: pratica, in: configuration(for: op))
    }

    static func tipo(of pratica: Pratica, in config: ProcedureConfiguration) throws -> ProcedureConfiguration.TipoConfig {
        guard let t = config.tipi[pratica.tipo] else {
            throw WorkflowError(code: "tipo_non_configurato", message: "Il tipo di procedimento «\(pratica.tipo)» non è più nella configurazione dell'ente: ripristinarlo in config/procedimenti.")
        }
        return t
    }

    /// The roles an operator holds for a pratica: the user role, the ente functions, and `rdp` when responsabile
    /// del procedimento. Until one is assigned, the head of the unit (`responsabile_servizio`) is the
    /// responsabile (L. 241/1990 art. 5 c.2).
    func roles(of op: Operatore, for pratica: Pratica?) async throws -> Set<String> {
        var roles: Set<String> = [op.role.rawValue]
        roles.formUnion(try await store.functions(userID: op.userID))
        return pratica.map { Self.roles(roles, of: op.userID, for: $0) } ?? roles
    }

    /// `base` plus `rdp` when the user is the pratica's responsabile (or heads the unit while none is assigned).
    static func roles(_ base: Set<String>, of userID: Int64, for pratica: Pratica) -> Set<String> {
        guard pratica.rdpUserID == userID || (pratica.rdpUserID == nil && base.contains("responsabile_servizio")) else { return base }
        return base.union(["rdp"])
    }

    /// Opens a pratica: the istanza is presented today by the operator and starts the clock.
    func open(_ input: PraticaInput, by op: Operatore) async throws -> Pratica {
        let config = configuration(for: op)
        let valid = try input.validated(types: Set(config.tipi.keys))
        let tipo = config.tipi[valid.tipo]!
        var procedure = Procedure(type: tipo.type, calendar: config.calendar)
        var register = DeterminaRegister()
        let now = clock.now()
        let event = ProcedureEvent(kind: .istanzaPresentata, day: Self.civilDate(now), roles: try await roles(of: op, for: nil))
        let outcome = procedure.apply(event, register: &register)
        if let error = outcome.error { throw error }
        let recorded = RecordedProcedureEvent(seq: 1, event: event, at: now, userID: op.userID, determina: nil)
        return try await store.createPratica(valid, istanza: recorded, state: outcome.snapshot.state, by: op, at: now)
    }

    /// Applies one event to a pratica's procedure; refusals come back in the outcome and record nothing.
    /// The log is read, the engine run and the event recorded in one store transaction, so concurrent events
    /// and determinazioni are serialised (no lost update, no duplicate or skipped number).
    func apply(_ kind: ProcedureEventKind, data: ProcedureEvent.Data, praticaID: Int64, by op: Operatore) async throws -> ProcedureOutcome {
        let config = configuration(for: op)
        let baseRoles = try await roles(of: op, for: nil)
        let now = clock.now()
        let day = Self.civilDate(now)
        let userID = op.userID
        // The pratica (type, responsabile) is read inside the transaction, so a concurrent reassignment cannot
        // let a former responsabile act.
        return try await store.recordProcedureEvent(praticaID: praticaID, by: op, year: day.year) { pratica, log, lastDetermina in
            let tipo = try Self.tipo(of: pratica, in: config)
            let event = ProcedureEvent(kind: kind, day: day, roles: Self.roles(baseRoles, of: userID, for: pratica), data: data)
            var procedure = Procedure.rebuild(type: tipo.type, calendar: config.calendar, from: log)
            var register = DeterminaRegister(lastUsed: [day.year: lastDetermina])
            let outcome = procedure.apply(event, register: &register)
            guard outcome.accepted, kind != .verifica else { return (nil, outcome.snapshot.state, outcome) }
            let recorded = RecordedProcedureEvent(seq: log.count + 1, event: event, at: now, userID: userID, determina: outcome.determina)
            return (recorded, outcome.snapshot.state, outcome)
        }
    }

    /// The procedure of a pratica as of today, with its log.
    func status(praticaID: Int64, for op: Operatore) async throws -> (Pratica, ProcedureSnapshot?, [RecordedProcedureEvent]) {
        let pratica = try await store.pratica(id: praticaID, for: op)
        let log = try await store.procedureEvents(praticaID: praticaID, for: op)
        guard !log.isEmpty else { return (pratica, nil, log) }
        let procedure = Procedure.rebuild(type: try tipo(of: pratica, for: op).type, calendar: configuration(for: op).calendar, from: log)
        return (pratica, procedure.snapshot(on: today()), log)
    }

    /// Computes the alerts of every pratica of an ente on `day`; `dueWithin` overrides the per-type setting.
    func computeAlerts(ente: Ente, on day: CivilDate, dueWithin: Int? = nil) async throws -> [StoredAlert] {
        try await survey(ente: ente, on: day, dueWithin: dueWithin).alerts
    }

    /// Alerts and current states of every pratica of an ente on `day`.
    func survey(ente: Ente, on day: CivilDate, dueWithin: Int? = nil) async throws -> (alerts: [StoredAlert], states: [Int64: ProcedureState]) {
        let config = catalog.configuration(forEnte: ente.code)
        let now = clock.now()
        var out: [StoredAlert] = []
        var changed: [Int64: ProcedureState] = [:]
        for (pratica, log) in try await store.procedureLogs(enteID: ente.id) where !log.isEmpty {
            guard let tipo = config.tipi[pratica.tipo] else { continue }
            let procedure = Procedure.rebuild(type: tipo.type, calendar: config.calendar, from: log)
            let state = procedure.snapshot(on: day).state
            if state != pratica.stato { changed[pratica.id] = state }
            for alert in DeadlineAlert.alerts(for: procedure, on: day, dueWithin: dueWithin ?? tipo.avvisoGiorni, maxSuspensionDays: config.sospensioneMaxGiorni) {
                out.append(StoredAlert(praticaID: pratica.id, numero: pratica.numero, tipo: pratica.tipo, rdpUserID: pratica.rdpUserID, alert: alert, computedAt: now))
            }
        }
        return (out, changed)
    }

    /// Recomputes and stores the alerts of every ente, and refreshes the cached states that time has changed
    /// (the background service calls this).
    func refreshAlerts() async throws {
        let day = today()
        for ente in try await store.allEnti() {
            let (alerts, states) = try await survey(ente: ente, on: day)
            try await store.refreshStates(states, enteID: ente.id)
            try await store.replaceAlerts(enteID: ente.id, with: alerts, at: clock.now())
        }
    }

    /// Which stored alerts an operator sees: all for dirigente and responsabile_servizio; the potere sostitutivo
    /// ones for its titolare; otherwise those of the pratiche where they are responsabile del procedimento.
    func visibleAlerts(for op: Operatore) async throws -> [StoredAlert] {
        let roles = try await roles(of: op, for: nil)
        let all = try await store.alerts(enteID: op.enteID)
        if roles.contains("dirigente") || roles.contains("responsabile_servizio") { return all }
        return all.filter { a in
            a.rdpUserID == op.userID
                || (roles.contains("titolare_potere_sostitutivo") && [.potereSostitutivoDovuto, .potereSostitutivoInScadenza, .scaduta].contains(a.alert.kind))
        }
    }

    /// Durations against the legal term per type (art. 2 c.4-bis).
    func timingReport(for op: Operatore) async throws -> TimingReport {
        let config = configuration(for: op)
        var procedures: [(tipo: String, procedure: Procedure)] = []
        for (pratica, log) in try await store.procedureLogs(enteID: op.enteID) where !log.isEmpty {
            guard let tipo = config.tipi[pratica.tipo] else { continue }
            procedures.append((pratica.tipo, Procedure.rebuild(type: tipo.type, calendar: config.calendar, from: log)))
        }
        return TimingReport.compute(types: config.ordered.map(\.type), procedures: procedures, on: today())
    }
}
