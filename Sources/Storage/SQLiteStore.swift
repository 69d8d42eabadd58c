import Foundation
import GRDB
import Workflow

/// The embedded SQLite backend (GRDB on the system libsqlite3): WAL journal, `synchronous=FULL`,
/// foreign keys on, one writer. Documents live in a content-addressed folder beside the database.
public struct SQLiteStore: Sendable {
    let writer: any DatabaseWriter
    let archive: DocumentArchive

    /// Opens (creating if needed) the database at `path` and the document archive at `documentsDirectory`.
    ///
    /// - Parameter migrate: apply pending migrations now (the server and `acts migrate` do; read-only tools need not).
    public init(path: String, documentsDirectory: String, migrate: Bool = true) throws {
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let pool = try DatabasePool(path: path, configuration: config)
        // GRDB switches a pool's writer to synchronous=NORMAL when it enables WAL (after `prepareDatabase`):
        // a commit would then reach the disk only at the next checkpoint. Registrations and audit entries must
        // be durable before the caller is told their number, so the writer goes back to FULL (fsync per commit).
        try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
        writer = pool
        archive = try DocumentArchive(root: URL(fileURLWithPath: documentsDirectory))
        if migrate { try Self.migrator.migrate(writer) }
    }

    /// Applies pending migrations; returns the identifiers applied now.
    @discardableResult
    public func migrate() throws -> [String] {
        let before = try writer.read { try Self.migrator.appliedIdentifiers($0) }
        try Self.migrator.migrate(writer)
        return Self.migrator.migrations.filter { !before.contains($0) }
    }

    /// The writer connection's journal mode and `synchronous` level (2 = FULL), for diagnostics and tests.
    public func durability() async throws -> (journalMode: String, synchronous: Int) {
        try await writer.writeWithoutTransaction { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "", try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1)
        }
    }

    /// Whether the database has no ente yet (a new installation).
    public func isEmpty() async throws -> Bool {
        try await writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM ente") ?? 0 } == 0
    }

    /// SQLite's own integrity check plus the foreign-key check; empty when healthy.
    public func integrityProblems() async throws -> [String] {
        try await writer.read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let fk = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { "chiave esterna non valida in \($0[0] as String? ?? "?")" }
            return integrity + fk
        }
    }

    /// Writes a consistent copy of the database to `path` (online backup; safe while the server runs).
    public func backup(to path: String) throws {
        let destination = try DatabaseQueue(path: path)
        try writer.backup(to: destination)
    }

    /// Runs `body` in a write transaction; `StorageError`/`WorkflowError` thrown inside roll it back.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await writer.write(body)
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await writer.read(body)
    }
}
