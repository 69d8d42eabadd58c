import Foundation
import GRDB
import Workflow

extension SQLiteStore {
    public func createPersona(_ d: PersonaData, by op: Operatore, at: Date) async throws -> (persona: Persona, created: Bool) {
        try await write { db in
            if let existing = try Row.fetchOne(db, sql: "SELECT * FROM persona WHERE ente_id = ? AND codice_fiscale = ?", arguments: [op.enteID, d.codiceFiscale]) {
                return (try Self.persona(existing), false)
            }
            try db.execute(
                sql: """
                    INSERT INTO persona (ente_id, codice_fiscale, cognome, nome, sesso, data_nascita, luogo_nascita,
                        res_indirizzo, res_comune, res_provincia, res_cap, telefono, email, pec, created_at, created_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    op.enteID, d.codiceFiscale, d.cognome, d.nome, d.sesso.rawValue, d.dataNascita.description, d.luogoNascita,
                    d.residenza?.indirizzo, d.residenza?.comune, d.residenza?.provincia, d.residenza?.cap,
                    d.contatti?.telefono, d.contatti?.email, d.contatti?.pec, at, op.userID,
                ])
            let id = db.lastInsertedRowID
            try Self.appendAudit(db, AuditEvent(action: "persona.create", objectType: "persona", objectID: String(id), detail: ["codiceFiscale": d.codiceFiscale]), by: op, actor: op.username, at: at)
            return (Persona(id: id, enteID: op.enteID, data: d, createdAt: at), true)
        }
    }

    public func persona(id: Int64, for op: Operatore) async throws -> Persona {
        try await read { db in try Self.persona(db, id: id, enteID: op.enteID) }
    }

    public func searchPersone(_ query: String, for op: Operatore, limit: Int) async throws -> [Persona] {
        let q = query.trimmingCharacters(in: .whitespaces)
        let escaped = q.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        return try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM persona WHERE ente_id = ?
                    AND (? = '' OR codice_fiscale LIKE ? ESCAPE '\\' OR (cognome || ' ' || nome) LIKE ? ESCAPE '\\')
                    ORDER BY cognome, nome, id LIMIT ?
                    """,
                arguments: [op.enteID, q, escaped.uppercased() + "%", escaped + "%", limit]
            ).map(Self.persona)
        }
    }

    public func createNucleo(membri: [Nucleo.Membro], by op: Operatore, at: Date) async throws -> Nucleo {
        try Nucleo.validate(membri)
        return try await write { db in
            for m in membri {
                _ = try Self.persona(db, id: m.personaID, enteID: op.enteID)
                if try Int.fetchOne(db, sql: "SELECT nucleo_id FROM nucleo_membro WHERE persona_id = ?", arguments: [m.personaID]) != nil {
                    throw StorageError.conflict("La persona \(m.personaID) appartiene già a un nucleo familiare.")
                }
            }
            try db.execute(sql: "INSERT INTO nucleo (ente_id, created_at) VALUES (?, ?)", arguments: [op.enteID, at])
            let id = db.lastInsertedRowID
            for (i, m) in membri.enumerated() {
                try db.execute(
                    sql: "INSERT INTO nucleo_membro (nucleo_id, persona_id, relazione, position) VALUES (?, ?, ?, ?)",
                    arguments: [id, m.personaID, m.relazione.rawValue, i])
            }
            try Self.appendAudit(db, AuditEvent(action: "nucleo.create", objectType: "nucleo", objectID: String(id), detail: ["membri": membri.map { "\($0.personaID):\($0.relazione.rawValue)" }.joined(separator: ",")]), by: op, actor: op.username, at: at)
            return Nucleo(id: id, enteID: op.enteID, membri: membri)
        }
    }

    public func nucleo(id: Int64, for op: Operatore) async throws -> Nucleo {
        try await read { db in
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM nucleo WHERE id = ? AND ente_id = ?", arguments: [id, op.enteID]) != nil else {
                throw StorageError.notFound("Nucleo familiare")
            }
            return Nucleo(id: id, enteID: op.enteID, membri: try Self.membri(db, nucleoID: id))
        }
    }

    public func nucleo(ofPersona personaID: Int64, for op: Operatore) async throws -> Nucleo? {
        try await read { db in
            _ = try Self.persona(db, id: personaID, enteID: op.enteID)
            guard let id = try Int64.fetchOne(db, sql: "SELECT nucleo_id FROM nucleo_membro WHERE persona_id = ?", arguments: [personaID]) else { return nil }
            return Nucleo(id: id, enteID: op.enteID, membri: try Self.membri(db, nucleoID: id))
        }
    }

    public func addLegame(personaID: Int64, tipo: LegameRete.Tipo, altraPersonaID: Int64?, descrizione: String?, note: String?, by op: Operatore, at: Date) async throws -> LegameRete {
        try LegameRete.validate(personaID: personaID, altraPersonaID: altraPersonaID, descrizione: descrizione)
        return try await write { db in
            _ = try Self.persona(db, id: personaID, enteID: op.enteID)
            if let altra = altraPersonaID { _ = try Self.persona(db, id: altra, enteID: op.enteID) }
            try db.execute(
                sql: "INSERT INTO legame_rete (ente_id, persona_id, tipo, altra_persona_id, descrizione, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [op.enteID, personaID, tipo.rawValue, altraPersonaID, descrizione, note, at])
            let id = db.lastInsertedRowID
            try Self.appendAudit(db, AuditEvent(action: "rete.add", objectType: "persona", objectID: String(personaID), detail: ["legame": String(id), "tipo": tipo.rawValue]), by: op, actor: op.username, at: at)
            return LegameRete(id: id, personaID: personaID, tipo: tipo, altraPersonaID: altraPersonaID, descrizione: descrizione, note: note)
        }
    }

    public func rete(ofPersona personaID: Int64, for op: Operatore) async throws -> [LegameRete] {
        try await read { db in
            _ = try Self.persona(db, id: personaID, enteID: op.enteID)
            return try Row.fetchAll(db, sql: "SELECT * FROM legame_rete WHERE persona_id = ? AND ente_id = ? ORDER BY id", arguments: [personaID, op.enteID]).map { row in
                LegameRete(
                    id: row["id"], personaID: row["persona_id"], tipo: LegameRete.Tipo(rawValue: row["tipo"]) ?? .altro,
                    altraPersonaID: row["altra_persona_id"], descrizione: row["descrizione"], note: row["note"])
            }
        }
    }

    static func membri(_ db: Database, nucleoID: Int64) throws -> [Nucleo.Membro] {
        try Row.fetchAll(db, sql: "SELECT persona_id, relazione FROM nucleo_membro WHERE nucleo_id = ? ORDER BY position", arguments: [nucleoID]).map {
            Nucleo.Membro(personaID: $0["persona_id"], relazione: RelazioneNucleo(rawValue: $0["relazione"]) ?? .altro)
        }
    }

    /// A persona of the given ente; another ente's id reads as "not found".
    static func persona(_ db: Database, id: Int64, enteID: Int64) throws -> Persona {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM persona WHERE id = ? AND ente_id = ?", arguments: [id, enteID]) else {
            throw StorageError.notFound("Persona \(id)")
        }
        return try persona(row)
    }

    static func persona(_ row: Row) throws -> Persona {
        let residenza = Residenza(indirizzo: row["res_indirizzo"], comune: row["res_comune"], provincia: row["res_provincia"], cap: row["res_cap"])
        let contatti = Contatti(telefono: row["telefono"], email: row["email"], pec: row["pec"])
        guard let sesso = Sesso(rawValue: row["sesso"]), let birth = CivilDate(iso: row["data_nascita"]) else {
            throw StorageError(code: "database", message: "Dati anagrafici non leggibili nel database.")
        }
        let data = PersonaData(
            codiceFiscale: row["codice_fiscale"], cognome: row["cognome"], nome: row["nome"], sesso: sesso, dataNascita: birth,
            luogoNascita: row["luogo_nascita"], residenza: residenza == Residenza() ? nil : residenza, contatti: contatti == Contatti() ? nil : contatti)
        return Persona(id: row["id"], enteID: row["ente_id"], data: data, createdAt: row["created_at"])
    }
}
