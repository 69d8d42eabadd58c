import Foundation
import GRDB
import Workflow

extension SQLiteStore: AuditStore {
    /// Appends one chained entry inside the caller's transaction, so the audit record and the change it
    /// describes commit or roll back together.
    static func appendAudit(_ db: Database, _ event: AuditEvent, by operatore: Operatore?, actor: String, at date: Date) throws {
        let head = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_head WHERE id = 1")
        let seq: Int64 = (head?["seq"] as Int64? ?? 0) + 1
        let prev: String = head?["hash"] ?? AuditEntry.genesisHash
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let detail = String(decoding: try encoder.encode(event.detail), as: UTF8.self)
        let unsigned = AuditEntry(
            seq: seq, at: Self.timestamp(date), enteID: operatore?.enteID, userID: operatore?.userID, actor: actor,
            action: event.action, objectType: event.objectType, objectID: event.objectID, detail: detail, prevHash: prev, hash: "")
        let hash = SHA256Hex.of(unsigned.canonicalBytes)
        try db.execute(
            sql: """
                INSERT INTO audit_entry (seq, at, ente_id, user_id, actor, action, object_type, object_id, detail, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [seq, unsigned.at, unsigned.enteID, unsigned.userID, actor, event.action, event.objectType, event.objectID, detail, prev, hash])
        try db.execute(
            sql: "INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
            arguments: [seq, hash])
    }

    /// UTC ISO 8601 with milliseconds.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!))
    }

    public func verifyAudit() async throws -> AuditVerification {
        try await read { db in
            let entries = try Row.fetchAll(db, sql: "SELECT * FROM audit_entry ORDER BY seq").map(Self.auditEntry)
            let head = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_head WHERE id = 1")
            return AuditVerification.check(
                entries, head: head.map { (seq: $0["seq"] as Int64, hash: $0["hash"] as String) }, sha256Hex: { SHA256Hex.of($0) })
        }
    }

    public func recentAudit(limit: Int) async throws -> [AuditEntry] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_entry ORDER BY seq DESC LIMIT ?", arguments: [limit]).map(Self.auditEntry)
        }
    }

    static func auditEntry(_ row: Row) -> AuditEntry {
        AuditEntry(
            seq: row["seq"], at: row["at"], enteID: row["ente_id"], userID: row["user_id"], actor: row["actor"], action: row["action"],
            objectType: row["object_type"], objectID: row["object_id"], detail: row["detail"], prevHash: row["prev_hash"], hash: row["hash"])
    }
}
