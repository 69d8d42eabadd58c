import Foundation
import GRDB
import Workflow

extension SQLiteStore: ProcedureStore {
    public func procedureEvents(praticaID: Int64, for op: Operatore) async throws -> [RecordedProcedureEvent] {
        try await read { db in
            _ = try Self.pratica(db, id: praticaID, enteID: op.enteID)
            return try Self.events(db, praticaID: praticaID)
        }
    }

    public func procedureLogs(enteID: Int64) async throws -> [(pratica: Pratica, events: [RecordedProcedureEvent])] {
        try await read { db in
            let pratiche = try Row.fetchAll(db, sql: "SELECT * FROM pratica WHERE ente_id = ? ORDER BY id", arguments: [enteID]).map(Self.pratica)
            var byPratica: [Int64: [RecordedProcedureEvent]] = [:]
            let rows = try Row.fetchAll(
                db, sql: "SELECT e.* FROM procedura_evento e JOIN pratica p ON p.id = e.pratica_id WHERE p.ente_id = ? ORDER BY e.pratica_id, e.seq", arguments: [enteID])
            for row in rows { byPratica[row["pratica_id"], default: []].append(try Self.recorded(row)) }
            return pratiche.map { ($0, byPratica[$0.id] ?? []) }
        }
    }

    public func recordProcedureEvent<T: Sendable>(
        praticaID: Int64, by op: Operatore, year: Int,
        decide: @escaping @Sendable (Pratica, [RecordedProcedureEvent], Int) throws -> (append: RecordedProcedureEvent?, state: ProcedureState, result: T)
    ) async throws -> T {
        try await write { db in
            let pratica = try Self.pratica(db, id: praticaID, enteID: op.enteID)
            let log = try Self.events(db, praticaID: praticaID)
            let last = try Int.fetchOne(db, sql: "SELECT valore FROM contatore WHERE ente_id = ? AND nome = 'determina' AND anno = ?", arguments: [op.enteID, year]) ?? 0
            let decision = try decide(pratica, log, last)
            guard let event = decision.append else { return decision.result }
            guard event.seq == log.count + 1 else { throw StorageError.conflict("Sequenza degli eventi non valida per la pratica \(pratica.numero).") }
            if let determina = event.determina {
                let parts = determina.split(separator: "/")
                guard parts.count == 2, let n = Int(parts[0]), let y = Int(parts[1]) else { throw StorageError.conflict("Numero di determinazione non valido: \(determina).") }
                let next = try Self.nextCounter(db, enteID: op.enteID, name: "determina", year: y)
                guard next == n else { throw StorageError.conflict("Numero di determinazione \(determina) non consecutivo (atteso \(next)/\(y)).") }
            }
            try Self.insertEvent(db, event, praticaID: praticaID)
            try db.execute(sql: "UPDATE pratica SET stato = ? WHERE id = ?", arguments: [decision.state.rawValue, praticaID])
            var detail = ["evento": event.event.kind.rawValue, "seq": String(event.seq), "stato": decision.state.rawValue]
            if let d = event.determina { detail["determina"] = d }
            try Self.appendAudit(db, AuditEvent(action: "procedimento.evento", objectType: "pratica", objectID: String(praticaID), detail: detail), by: op, actor: op.username, at: event.at)
            return decision.result
        }
    }

    public func assignRDP(praticaID: Int64, userID: Int64, by op: Operatore, at: Date) async throws {
        try await write { db in
            _ = try Self.pratica(db, id: praticaID, enteID: op.enteID)
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM user WHERE id = ? AND ente_id = ? AND active = 1", arguments: [userID, op.enteID]) != nil else {
                throw StorageError.notFound("Utente \(userID)")
            }
            try db.execute(sql: "UPDATE pratica SET rdp_user_id = ? WHERE id = ?", arguments: [userID, praticaID])
            try Self.appendAudit(db, AuditEvent(action: "pratica.rdp", objectType: "pratica", objectID: String(praticaID), detail: ["rdp": String(userID)]), by: op, actor: op.username, at: at)
        }
    }

    public func functions(userID: Int64) async throws -> Set<String> {
        try await read { db in Set(try String.fetchAll(db, sql: "SELECT funzione FROM ente_funzione WHERE user_id = ?", arguments: [userID])) }
    }

    public func allEnti() async throws -> [Ente] {
        try await read { db in try Row.fetchAll(db, sql: "SELECT * FROM ente ORDER BY id").map(Self.ente) }
    }

    public func replaceAlerts(enteID: Int64, with alerts: [StoredAlert], at: Date) async throws {
        try await write { db in
            try db.execute(sql: "DELETE FROM avviso_scadenza WHERE ente_id = ?", arguments: [enteID])
            for a in alerts {
                try db.execute(
                    sql: "INSERT INTO avviso_scadenza (ente_id, pratica_id, tipo, scadenza, giorni_rimanenti, messaggio, calcolato_il) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    arguments: [enteID, a.praticaID, a.alert.kind.rawValue, a.alert.deadline?.description, a.alert.daysRemaining, a.alert.message, at])
            }
        }
    }

    public func refreshStates(_ states: [Int64: ProcedureState], enteID: Int64) async throws {
        guard !states.isEmpty else { return }
        try await write { db in
            for (id, state) in states {
                try db.execute(sql: "UPDATE pratica SET stato = ? WHERE id = ? AND ente_id = ?", arguments: [state.rawValue, id, enteID])
            }
        }
    }

    public func alerts(enteID: Int64) async throws -> [StoredAlert] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.*, p.numero, p.tipo AS tipo_pratica, p.rdp_user_id FROM avviso_scadenza a JOIN pratica p ON p.id = a.pratica_id
                    WHERE a.ente_id = ? ORDER BY a.giorni_rimanenti, a.pratica_id
                    """, arguments: [enteID]
            ).compactMap { row in
                guard let kind = DeadlineAlert.Kind(rawValue: row["tipo"]) else { return nil }
                let alert = DeadlineAlert(kind: kind, deadline: (row["scadenza"] as String?).flatMap(CivilDate.init(iso:)), daysRemaining: row["giorni_rimanenti"], message: row["messaggio"])
                return StoredAlert(praticaID: row["pratica_id"], numero: row["numero"], tipo: row["tipo_pratica"], rdpUserID: row["rdp_user_id"], alert: alert, computedAt: row["calcolato_il"])
            }
        }
    }

    static func insertEvent(_ db: Database, _ e: RecordedProcedureEvent, praticaID: Int64) throws {
        let json = String(decoding: try JSONEncoder().encode(e.event), as: UTF8.self)
        try db.execute(
            sql: "INSERT INTO procedura_evento (pratica_id, seq, tipo, giorno, at, user_id, evento, determina) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [praticaID, e.seq, e.event.kind.rawValue, e.event.day.description, e.at, e.userID, json, e.determina])
    }

    static func events(_ db: Database, praticaID: Int64) throws -> [RecordedProcedureEvent] {
        try Row.fetchAll(db, sql: "SELECT * FROM procedura_evento WHERE pratica_id = ? ORDER BY seq", arguments: [praticaID]).map(recorded)
    }

    static func recorded(_ row: Row) throws -> RecordedProcedureEvent {
        let event = try JSONDecoder().decode(ProcedureEvent.self, from: Data((row["evento"] as String).utf8))
        return RecordedProcedureEvent(seq: row["seq"], event: event, at: row["at"], userID: row["user_id"], determina: row["determina"])
    }
}
