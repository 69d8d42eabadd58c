import Foundation
import GRDB
import Workflow

extension SQLiteStore: CaseStore {
    public func createPratica(_ input: PraticaInput.Valid, istanza: RecordedProcedureEvent, state: ProcedureState, by op: Operatore, at: Date) async throws -> Pratica {
        let year = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Europe/Rome")!, from: at).year!
        return try await write { db in
            _ = try Self.persona(db, id: input.personaID, enteID: op.enteID)
            if let r = input.richiedenteID { _ = try Self.persona(db, id: r, enteID: op.enteID) }
            let n = try Self.nextCounter(db, enteID: op.enteID, name: "pratica", year: year)
            let numero = "\(year)/" + String(repeating: "0", count: max(0, 6 - String(n).count)) + String(n)
            try db.execute(
                sql: "INSERT INTO pratica (ente_id, numero, persona_id, richiedente_id, tipo, oggetto, stato, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [op.enteID, numero, input.personaID, input.richiedenteID, input.tipo, input.oggetto, state.rawValue, at, op.userID])
            let id = db.lastInsertedRowID
            try Self.appendAudit(db, AuditEvent(action: "pratica.create", objectType: "pratica", objectID: String(id), detail: ["numero": numero, "tipo": input.tipo, "persona": String(input.personaID)]), by: op, actor: op.username, at: at)
            try Self.insertEvent(db, istanza, praticaID: id)
            return Pratica(
                id: id, enteID: op.enteID, numero: numero, personaID: input.personaID, richiedenteID: input.richiedenteID, tipo: input.tipo,
                oggetto: input.oggetto, stato: state, rdpUserID: nil, createdAt: at, createdBy: op.userID)
        }
    }

    public func pratica(id: Int64, for op: Operatore) async throws -> Pratica {
        try await read { db in try Self.pratica(db, id: id, enteID: op.enteID) }
    }

    public func pratiche(for op: Operatore, stato: ProcedureState?, personaID: Int64?, limit: Int) async throws -> [Pratica] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM pratica WHERE ente_id = ? AND (? IS NULL OR stato = ?) AND (? IS NULL OR persona_id = ?) ORDER BY id DESC LIMIT ?",
                arguments: [op.enteID, stato?.rawValue, stato?.rawValue, personaID, personaID, limit]
            ).map(Self.pratica)
        }
    }

    public func addDocumento(praticaID: Int64, nome: String, mimeType: String, content: [UInt8], by op: Operatore, at: Date) async throws -> Documento {
        try await addDocumento(praticaID: praticaID, nome: nome, mimeType: mimeType, staged: try await stage(Self.single(content), limit: .max), by: op, at: at)
    }

    public func stage(_ chunks: some AsyncSequence<[UInt8], any Error>, limit: Int) async throws -> StagedDocument {
        try await archive.stage(chunks, limit: limit)
    }

    public func addDocumento(praticaID: Int64, nome: String, mimeType: String, staged: StagedDocument, by op: Operatore, at: Date) async throws -> Documento {
        do {
            try Documento.validateName(nome)
            if staged.size == 0 { throw WorkflowError.invalid([FieldIssue(field: "contenuto", message: "Il file è vuoto.")]) }
            // Check access before touching the archive, so a refused request writes nothing.
            _ = try await pratica(id: praticaID, for: op)
        } catch {
            try? FileManager.default.removeItem(at: staged.url)
            throw error
        }
        // Content first (idempotent, content-addressed), metadata after: a failure in between leaves at most an
        // unreferenced file that the next upload of the same bytes reuses.
        try archive.commit(staged)
        let impronta = staged.impronta, size = staged.size
        return try await write { db in
            _ = try Self.pratica(db, id: praticaID, enteID: op.enteID)
            try db.execute(
                sql: "INSERT INTO documento (ente_id, pratica_id, nome, mime_type, dimensione, impronta, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [op.enteID, praticaID, nome, mimeType, size, impronta, op.userID, at])
            let id = db.lastInsertedRowID
            try Self.appendAudit(db, AuditEvent(action: "documento.add", objectType: "documento", objectID: String(id), detail: ["pratica": String(praticaID), "impronta": impronta, "nome": nome]), by: op, actor: op.username, at: at)
            return Documento(id: id, enteID: op.enteID, praticaID: praticaID, nome: nome, mimeType: mimeType, dimensione: size, impronta: impronta, addedBy: op.userID, addedAt: at)
        }
    }

    /// A one-chunk stream, for content already in memory.
    static func single(_ bytes: [UInt8]) -> AsyncThrowingStream<[UInt8], any Error> {
        AsyncThrowingStream { continuation in
            continuation.yield(bytes)
            continuation.finish()
        }
    }

    public func documento(id: Int64, for op: Operatore) async throws -> Documento {
        try await read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM documento WHERE id = ? AND ente_id = ?", arguments: [id, op.enteID]) else {
                throw StorageError.notFound("Documento \(id)")
            }
            return Self.documento(row)
        }
    }

    public func documenti(praticaID: Int64, for op: Operatore) async throws -> [Documento] {
        try await read { db in
            _ = try Self.pratica(db, id: praticaID, enteID: op.enteID)
            return try Row.fetchAll(db, sql: "SELECT * FROM documento WHERE pratica_id = ? AND ente_id = ? ORDER BY id", arguments: [praticaID, op.enteID]).map(Self.documento)
        }
    }

    public func content(of documento: Documento) async throws -> [UInt8] {
        try archive.read(impronta: documento.impronta)
    }

    static func nextCounter(_ db: Database, enteID: Int64, name: String, year: Int) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO contatore (ente_id, nome, anno, valore) VALUES (?, ?, ?, 1) ON CONFLICT(ente_id, nome, anno) DO UPDATE SET valore = valore + 1",
            arguments: [enteID, name, year])
        return try Int64.fetchOne(db, sql: "SELECT valore FROM contatore WHERE ente_id = ? AND nome = ? AND anno = ?", arguments: [enteID, name, year]) ?? 1
    }

    static func pratica(_ db: Database, id: Int64, enteID: Int64) throws -> Pratica {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM pratica WHERE id = ? AND ente_id = ?", arguments: [id, enteID]) else {
            throw StorageError.notFound("Pratica \(id)")
        }
        return try pratica(row)
    }

    static func pratica(_ row: Row) throws -> Pratica {
        Pratica(
            id: row["id"], enteID: row["ente_id"], numero: row["numero"], personaID: row["persona_id"], richiedenteID: row["richiedente_id"],
            tipo: row["tipo"], oggetto: row["oggetto"], stato: ProcedureState(rawValue: row["stato"]) ?? .presentata, rdpUserID: row["rdp_user_id"], createdAt: row["created_at"],
            createdBy: row["created_by"])
    }

    static func documento(_ row: Row) -> Documento {
        Documento(
            id: row["id"], enteID: row["ente_id"], praticaID: row["pratica_id"], nome: row["nome"], mimeType: row["mime_type"],
            dimensione: row["dimensione"], impronta: row["impronta"], addedBy: row["added_by"], addedAt: row["added_at"])
    }
}
