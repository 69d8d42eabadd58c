import Foundation
import GRDB
import Workflow

extension SQLiteStore: DirectoryStore {
    public func createEnte(code: String, name: String, aooCode: String, at: Date) async throws -> Ente {
        try await write { db in
            if try Int.fetchOne(db, sql: "SELECT 1 FROM ente WHERE code = ?", arguments: [code]) != nil {
                throw StorageError.conflict("Esiste già un ente con codice \(code).")
            }
            try db.execute(sql: "INSERT INTO ente (code, name, aoo_code, created_at) VALUES (?, ?, ?, ?)", arguments: [code, name, aooCode, at])
            let ente = Ente(id: db.lastInsertedRowID, code: code, name: name, aooCode: aooCode)
            try Self.appendAudit(db, AuditEvent(action: "ente.create", objectType: "ente", objectID: String(ente.id), detail: ["code": code, "aoo": aooCode]), by: nil, actor: "sistema", at: at)
            return ente
        }
    }

    public func ente(code: String) async throws -> Ente? {
        try await read { db in try Row.fetchOne(db, sql: "SELECT * FROM ente WHERE code = ?", arguments: [code]).map(Self.ente) }
    }

    public func ente(id: Int64) async throws -> Ente? {
        try await read { db in try Row.fetchOne(db, sql: "SELECT * FROM ente WHERE id = ?", arguments: [id]).map(Self.ente) }
    }

    public func createUser(enteCode: String, username: String, displayName: String, role: Role, passwordHash: String, functions: Set<String>, by admin: Operatore?, at: Date) async throws -> Operatore {
        try await write { db in
            guard let ente = try Row.fetchOne(db, sql: "SELECT * FROM ente WHERE code = ?", arguments: [enteCode]).map(Self.ente) else {
                throw StorageError.notFound("Ente \(enteCode)")
            }
            if try Int.fetchOne(db, sql: "SELECT 1 FROM user WHERE username = ?", arguments: [username]) != nil {
                throw StorageError.conflict("Il nome utente «\(username)» è già in uso.")
            }
            try db.execute(
                sql: "INSERT INTO user (ente_id, username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [ente.id, username, displayName, role.rawValue, passwordHash, at])
            let op = Operatore(userID: db.lastInsertedRowID, username: username, displayName: displayName, enteID: ente.id, enteCode: ente.code, role: role)
            for f in functions.sorted() {
                try db.execute(sql: "INSERT INTO ente_funzione (ente_id, funzione, user_id) VALUES (?, ?, ?)", arguments: [ente.id, f, op.userID])
            }
            try Self.appendAudit(db, AuditEvent(action: "utente.create", objectType: "utente", objectID: String(op.userID), detail: ["username": username, "ruolo": role.rawValue, "funzioni": functions.sorted().joined(separator: ",")]), by: admin ?? op, actor: admin?.username ?? "sistema", at: at)
            return op
        }
    }

    public func account(username: String) async throws -> UserAccount? {
        try await read { db in
            try Row.fetchOne(db, sql: Self.userSelect + " WHERE u.username = ?", arguments: [username]).map {
                UserAccount(operatore: try Self.operatore($0), passwordHash: $0["password_hash"], active: $0["active"])
            }
        }
    }

    public func createSession(token: String, csrfToken: String, userID: Int64, expiresAt: Date, at: Date) async throws {
        let hash = SHA256Hex.of(Array(token.utf8))
        try await write { db in
            try db.execute(sql: "DELETE FROM session WHERE expires_at < ?", arguments: [at])
            try db.execute(
                sql: "INSERT INTO session (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [hash, userID, csrfToken, at, expiresAt])
        }
    }

    public func session(token: String, at: Date) async throws -> SessionInfo? {
        let hash = SHA256Hex.of(Array(token.utf8))
        return try await read { db in
            guard let row = try Row.fetchOne(
                db, sql: """
                    SELECT \(Self.userColumns), s.csrf_token, s.expires_at FROM session s
                    JOIN user u ON u.id = s.user_id JOIN ente e ON e.id = u.ente_id
                    WHERE s.token_hash = ? AND u.active = 1 AND s.expires_at > ?
                    """,
                arguments: [hash, at])
            else { return nil }
            return SessionInfo(operatore: try Self.operatore(row), csrfToken: row["csrf_token"], expiresAt: row["expires_at"])
        }
    }

    public func deleteSession(token: String) async throws {
        let hash = SHA256Hex.of(Array(token.utf8))
        try await write { db in try db.execute(sql: "DELETE FROM session WHERE token_hash = ?", arguments: [hash]) }
    }

    public func createAPIToken(token: String, name: String, userID: Int64, at: Date) async throws {
        let hash = SHA256Hex.of(Array(token.utf8))
        try await write { db in
            try db.execute(sql: "INSERT INTO api_token (token_hash, user_id, name, created_at) VALUES (?, ?, ?, ?)", arguments: [hash, userID, name, at])
            try Self.appendAudit(db, AuditEvent(action: "token.create", objectType: "utente", objectID: String(userID), detail: ["nome": name]), by: nil, actor: "sistema", at: at)
        }
    }

    public func operatore(apiToken: String, at: Date) async throws -> Operatore? {
        let hash = SHA256Hex.of(Array(apiToken.utf8))
        return try await read { db in
            try Row.fetchOne(
                db, sql: Self.userSelect + " JOIN api_token t ON t.user_id = u.id WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.active = 1",
                arguments: [hash]
            ).map(Self.operatore)
        }
    }

    public func record(_ event: AuditEvent, by operatore: Operatore?, actor: String, at: Date) async throws {
        try await write { db in try Self.appendAudit(db, event, by: operatore, actor: actor, at: at) }
    }

    public func users(for op: Operatore) async throws -> [UserSummary] {
        try await read { db in
            try Row.fetchAll(db, sql: Self.userSelect + " WHERE u.ente_id = ? ORDER BY u.username", arguments: [op.enteID]).map { try Self.summary(db, $0) }
        }
    }

    public func updateUser(id: Int64, active: Bool?, passwordHash: String?, functions: Set<String>?, by op: Operatore, at: Date) async throws -> UserSummary {
        try await write { db in
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM user WHERE id = ? AND ente_id = ?", arguments: [id, op.enteID]) != nil else {
                throw StorageError.notFound("Utente \(id)")
            }
            var detail: [String: String] = [:]
            if let active {
                try db.execute(sql: "UPDATE user SET active = ? WHERE id = ?", arguments: [active, id])
                if !active { try db.execute(sql: "DELETE FROM session WHERE user_id = ?", arguments: [id]) }
                detail["attivo"] = active ? "si" : "no"
            }
            if let passwordHash {
                try db.execute(sql: "UPDATE user SET password_hash = ? WHERE id = ?", arguments: [passwordHash, id])
                try db.execute(sql: "DELETE FROM session WHERE user_id = ?", arguments: [id])
                detail["password"] = "reimpostata"
            }
            if let functions {
                try db.execute(sql: "DELETE FROM ente_funzione WHERE user_id = ?", arguments: [id])
                for f in functions.sorted() {
                    try db.execute(sql: "INSERT INTO ente_funzione (ente_id, funzione, user_id) VALUES (?, ?, ?)", arguments: [op.enteID, f, id])
                }
                detail["funzioni"] = functions.sorted().joined(separator: ",")
            }
            try Self.appendAudit(db, AuditEvent(action: "utente.update", objectType: "utente", objectID: String(id), detail: detail), by: op, actor: op.username, at: at)
            return try Self.summary(db, try Row.fetchOne(db, sql: Self.userSelect + " WHERE u.id = ?", arguments: [id])!)
        }
    }

    static func summary(_ db: Database, _ row: Row) throws -> UserSummary {
        let op = try operatore(row)
        let functions = Set(try String.fetchAll(db, sql: "SELECT funzione FROM ente_funzione WHERE user_id = ?", arguments: [op.userID]))
        return UserSummary(operatore: op, active: row["active"], functions: functions)
    }

    public func failedLogins(username: String, since: Date) async throws -> (count: Int, latest: Date?) {
        let from = Self.timestamp(since)
        return try await read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) AS n, MAX(at) AS latest FROM audit_entry
                    WHERE action = 'sessione.login_fallito' AND object_id = ? AND at >= ?
                      AND seq > COALESCE((SELECT MAX(seq) FROM audit_entry WHERE action = 'sessione.login' AND actor = ?), 0)
                    """, arguments: [username, from, username])
            let latest = (row?["latest"] as String?).flatMap { try? Date($0, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) }
            return (row?["n"] ?? 0, latest)
        }
    }

    static let userColumns = "u.id AS user_id, u.username, u.display_name, u.role, u.password_hash, u.active, e.id AS ente_id, e.code AS ente_code"
    static let userSelect = "SELECT \(userColumns) FROM user u JOIN ente e ON e.id = u.ente_id"

    static func operatore(_ row: Row) throws -> Operatore {
        guard let role = Role(rawValue: row["role"]) else { throw StorageError(code: "database", message: "Ruolo sconosciuto nel database.") }
        return Operatore(userID: row["user_id"], username: row["username"], displayName: row["display_name"], enteID: row["ente_id"], enteCode: row["ente_code"], role: role)
    }

    static func ente(_ row: Row) -> Ente {
        Ente(id: row["id"], code: row["code"], name: row["name"], aooCode: row["aoo_code"])
    }
}
