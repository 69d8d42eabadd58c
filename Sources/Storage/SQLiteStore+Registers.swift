import Foundation
import GRDB
import Workflow

extension SQLiteStore: RegisterStore {
    public func register(_ input: RegistrationInput, files: [RegistrationFile], by op: Operatore,
                         time: @escaping @Sendable () -> (at: Date, day: CivilDate)) async throws -> Registration {
        try op.require(.registerDocuments)
        var checked = try input.validated()
        for file in files {
            try Documento.validateName(file.nome)
            try archive.commit(file.staged)
            checked.allegati.append(RegisteredFile(nome: file.nome, mimeType: file.mimeType, impronta: file.staged.impronta, dimensione: file.staged.size))
        }
        let input = checked
        return try await write { db in
            if let praticaID = input.praticaID { _ = try Self.pratica(db, id: praticaID, enteID: op.enteID) }
            let aoo = try Self.aooCode(db, enteID: op.enteID)
            let (at, day) = time()
            let last = try Int.fetchOne(db, sql: "SELECT ultimo FROM registro_contatore WHERE aoo = ? AND registro = ? AND anno = ?",
                                        arguments: [aoo, input.registro.rawValue, day.year]) ?? 0
            let numero = last + 1
            try db.execute(
                sql: """
                    INSERT INTO registro_contatore (aoo, registro, anno, ultimo) VALUES (?, ?, ?, ?)
                    ON CONFLICT(aoo, registro, anno) DO UPDATE SET ultimo = excluded.ultimo
                    """,
                arguments: [aoo, input.registro.rawValue, day.year, numero])
            // The record digest is computed on the instant as stored (milliseconds), read back from its text.
            let stamp = Self.timestamp(at)
            let draft = Registration(id: 0, enteID: op.enteID, aoo: aoo, registro: input.registro, anno: day.year, numero: numero,
                                     registrataIl: Self.parseTimestamp(stamp), data: day, input: input, operatoreID: op.userID)
            try db.execute(
                sql: """
                    INSERT INTO registrazione (ente_id, aoo, registro, anno, numero, registrata_il, data, direzione, oggetto, mittenti,
                        destinatari, doc_numero, doc_data, classifica, fascicolo, riservato, allegati, pratica_id, user_id, impronta_record)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [op.enteID, aoo, input.registro.rawValue, day.year, numero, stamp, day.description,
                            input.direzione.rawValue, input.oggetto, try Self.json(input.mittenti), try Self.json(input.destinatari),
                            input.documentoRicevutoNumero, input.documentoRicevutoData?.description, input.classifica, input.fascicolo,
                            input.riservato, try Self.json(input.allegati), input.praticaID, op.userID, SHA256Hex.of(Array(draft.canonicalRecord.utf8))])
            let id = db.lastInsertedRowID
            try Self.appendAudit(db, AuditEvent(action: "registro.registra", objectType: "registrazione", objectID: String(id),
                                                detail: ["registro": input.registro.rawValue, "anno": String(day.year), "numero": String(numero)]),
                                 by: op, actor: op.username, at: at)
            return try Self.registration(db, id: id)
        }
    }

    public func annul(registrationID: Int64, motivo: String, provvedimento: String, by op: Operatore, at: Date) async throws -> Registration {
        try op.require(.annulRegistrations)
        try Annulment.validate(motivo: motivo, provvedimento: provvedimento)
        return try await write { db in
            let entry = try Self.registration(db, id: registrationID)
            guard entry.enteID == op.enteID else { throw StorageError.notFound("Registrazione") }
            if entry.annullamento != nil {
                throw StorageError.conflict("La registrazione \(entry.segnatura) è già annullata.")
            }
            try db.execute(sql: "INSERT INTO registrazione_annullamento (registrazione_id, motivo, provvedimento, user_id, il) VALUES (?, ?, ?, ?, ?)",
                           arguments: [registrationID, motivo.trimmingCharacters(in: .whitespacesAndNewlines),
                                       provvedimento.trimmingCharacters(in: .whitespacesAndNewlines), op.userID, Self.timestamp(at)])
            try Self.appendAudit(db, AuditEvent(action: "registro.annulla", objectType: "registrazione", objectID: String(registrationID),
                                                detail: ["segnatura": entry.segnatura, "provvedimento": provvedimento]),
                                 by: op, actor: op.username, at: at)
            return try Self.registration(db, id: registrationID)
        }
    }

    public func registration(registro: RegisterCode, anno: Int, numero: Int, for reader: Operatore) async throws -> Registration {
        try reader.require(.readRegister)
        return try await read { db in
            let aoo = try Self.aooCode(db, enteID: reader.enteID)
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM registrazione WHERE aoo = ? AND registro = ? AND anno = ? AND numero = ?",
                                              arguments: [aoo, registro.rawValue, anno, numero]) else {
                throw StorageError.notFound("Registrazione \(registro.rawValue) \(registro.format(numero))/\(anno)")
            }
            return Self.visible(try Self.registration(db, id: id), to: reader)
        }
    }

    public func registrations(registro: RegisterCode, anno: Int, day: CivilDate?, for reader: Operatore) async throws -> [Registration] {
        try reader.require(.readRegister)
        return try await read { db in
            let aoo = try Self.aooCode(db, enteID: reader.enteID)
            var sql = "SELECT id FROM registrazione WHERE aoo = ? AND registro = ? AND anno = ?"
            var arguments: StatementArguments = [aoo, registro.rawValue, anno]
            if let day {
                sql += " AND data = ?"
                _ = arguments.append(contentsOf: [day.description])
            }
            return try Int64.fetchAll(db, sql: sql + " ORDER BY numero", arguments: arguments).map { Self.visible(try Self.registration(db, id: $0), to: reader) }
        }
    }

    public func registrationsAnnulled(registro: RegisterCode, from: Date, to: Date, for reader: Operatore) async throws -> [Registration] {
        try reader.require(.readRegister)
        return try await read { db in
            let aoo = try Self.aooCode(db, enteID: reader.enteID)
            let ids = try Int64.fetchAll(db, sql: """
                SELECT r.id FROM registrazione r JOIN registrazione_annullamento a ON a.registrazione_id = r.id
                WHERE r.aoo = ? AND r.registro = ? AND a.il >= ? AND a.il < ? ORDER BY r.anno, r.numero
                """, arguments: [aoo, registro.rawValue, Self.timestamp(from), Self.timestamp(to)])
            return try ids.map { Self.visible(try Self.registration(db, id: $0), to: reader) }
        }
    }

    /// Redacts reserved entries for readers without access to reserved registrations.
    static func visible(_ entry: Registration, to reader: Operatore) -> Registration {
        reader.role.allows(.readReservedRegistrations) || entry.operatoreID == reader.userID ? entry : entry.redacted()
    }

    static func aooCode(_ db: Database, enteID: Int64) throws -> String {
        guard let code = try String.fetchOne(db, sql: "SELECT aoo_code FROM ente WHERE id = ?", arguments: [enteID]) else {
            throw StorageError.notFound("Ente")
        }
        return code
    }

    static func registration(_ db: Database, id: Int64) throws -> Registration {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM registrazione WHERE id = ?", arguments: [id]) else {
            throw StorageError.notFound("Registrazione")
        }
        return try registration(row, annulment: try Row.fetchOne(db, sql: "SELECT * FROM registrazione_annullamento WHERE registrazione_id = ?", arguments: [id]))
    }

    static func registration(_ row: Row, annulment: Row?) throws -> Registration {
        let decoder = JSONDecoder()
        guard let registro = RegisterCode(rawValue: row["registro"]), let data = CivilDate(iso: row["data"]),
              let direzione = FlowDirection(rawValue: row["direzione"]) else {
            throw StorageError(code: "database", message: "Registrazione \(row["id"] as Int64) illeggibile nel database.")
        }
        let input = RegistrationInput(
            registro: registro, direzione: direzione, oggetto: row["oggetto"],
            mittenti: try decoder.decode([Correspondent].self, from: Data((row["mittenti"] as String).utf8)),
            destinatari: try decoder.decode([Correspondent].self, from: Data((row["destinatari"] as String).utf8)),
            documentoRicevutoNumero: row["doc_numero"], documentoRicevutoData: (row["doc_data"] as String?).flatMap(CivilDate.init(iso:)),
            classifica: row["classifica"], fascicolo: row["fascicolo"], riservato: row["riservato"],
            allegati: try decoder.decode([RegisteredFile].self, from: Data((row["allegati"] as String).utf8)), praticaID: row["pratica_id"])
        let annullamento = annulment.map {
            Annulment(motivo: $0["motivo"], provvedimento: $0["provvedimento"], operatoreID: $0["user_id"], il: parseTimestamp($0["il"]))
        }
        return Registration(id: row["id"], enteID: row["ente_id"], aoo: row["aoo"], registro: registro, anno: row["anno"], numero: row["numero"],
                            registrataIl: parseTimestamp(row["registrata_il"]), data: data, input: input, operatoreID: row["user_id"],
                            annullamento: annullamento)
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func parseTimestamp(_ text: String) -> Date {
        (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!).parse(text)) ?? .distantPast
    }
}
