import Foundation
import GRDB
import Storage
import Testing
import Workflow

@Suite("Registro di audit a catena")
struct AuditStoreTests {
    /// A store with some history: ente, user, persone, a pratica.
    func populated() async throws -> TestStore {
        let t = try TestStore()
        let op = try await t.operatore()
        let p = try await t.persona(op)
        _ = try await t.persona(op, cognome: "Bianchi", nome: "Anna", birth: "1950-01-01")
        _ = try await t.store.createPratica(try PraticaInput(personaId: p.id, tipo: "misura_b2", oggetto: "Buono").validated(types: TestStore.types), istanza: t.istanza(op), state: .presentata, by: op, at: t.now)
        return t
    }

    /// Drops the append-only triggers, as someone with direct file access could.
    func tamper(_ t: TestStore, _ sql: String) throws {
        try t.rawConnection().write { db in
            try db.execute(sql: "DROP TRIGGER audit_append_only_update; DROP TRIGGER audit_append_only_delete;")
            try db.execute(sql: sql)
        }
    }

    @Test func everyWriteIsRecordedAndTheChainVerifies() async throws {
        let t = try await populated()
        let result = try await t.store.verifyAudit()
        #expect(result.isIntact)
        #expect(result.entries == 5)  // ente, utente, 2 persone, pratica
        let actions = try await t.store.recentAudit(limit: 10).map(\.action)
        #expect(actions == ["pratica.create", "persona.create", "persona.create", "utente.create", "ente.create"])
    }

    @Test func triggersRefuseUpdateAndDelete() async throws {
        let t = try await populated()
        #expect(throws: (any Error).self) { try t.rawConnection().write { try $0.execute(sql: "UPDATE audit_entry SET actor = 'x'") } }
        #expect(throws: (any Error).self) { try t.rawConnection().write { try $0.execute(sql: "DELETE FROM audit_entry WHERE seq = 2") } }
    }

    @Test func alteredEntryIsDetected() async throws {
        let t = try await populated()
        try tamper(t, "UPDATE audit_entry SET detail = '{\"codiceFiscale\":\"XXXXXX00A00X000X\"}' WHERE seq = 3")
        let r = try await t.store.verifyAudit()
        #expect(!r.isIntact)
        #expect(r.problems.map(\.seq) == [3])
    }

    @Test func entryRehashedByTheIntruderBreaksTheNextLink() async throws {
        let t = try await populated()
        // Change entry 2 and give it a self-consistent (but new) hash: entry 3 no longer points to it.
        try tamper(t, "UPDATE audit_entry SET actor = 'intruso', hash = '\(String(repeating: "a", count: 64))' WHERE seq = 2")
        let r = try await t.store.verifyAudit()
        #expect(r.problems.contains { $0.seq == 3 })
    }

    @Test func deletedEntryIsDetected() async throws {
        let t = try await populated()
        try tamper(t, "DELETE FROM audit_entry WHERE seq = 2")
        #expect(try await !t.store.verifyAudit().isIntact)
    }

    @Test func deletedTailIsDetected() async throws {
        let t = try await populated()
        try tamper(t, "DELETE FROM audit_entry WHERE seq = 5")
        let r = try await t.store.verifyAudit()
        #expect(!r.isIntact)
        #expect(r.problems.contains { $0.seq == 5 })
    }
}
