import Foundation
import GRDB
import Storage
import Testing
import Workflow

@Suite("Archivio SQLite: anagrafica, pratiche, documenti")
struct CaseStoreTests {
    @Test func databaseRunsInWALAndMigrationsAreIdempotent() async throws {
        let t = try TestStore()
        let mode = try await t.rawConnection().read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        // Every commit is flushed to disk before it returns (GRDB's pool default would be NORMAL).
        let durability = try await t.store.durability()
        #expect(durability.journalMode == "wal" && durability.synchronous == 2)
        #expect(try await t.store.integrityProblems().isEmpty)
        #expect(try t.store.migrate().isEmpty)  // already current: nothing applied twice
    }

    @Test func knownCodiceFiscaleLinksToTheExistingPersona() async throws {
        let t = try TestStore()
        let op = try await t.operatore()
        let first = try await t.persona(op)
        let data = first.data
        let again = try await t.store.createPersona(data, by: op, at: t.now)
        #expect(!again.created)
        #expect(again.persona.id == first.id)
        #expect(try t.count("persona") == 1)
    }

    @Test func entiAreIsolated() async throws {
        let t = try TestStore()
        let a = try await t.operatore(ente: "c_a001")
        let b = try await t.operatore(ente: "c_b001")
        let p = try await t.persona(a)
        await #expect(throws: StorageError.notFound("Persona \(p.id)")) { try await t.store.persona(id: p.id, for: b) }
        #expect(try await t.store.searchPersone("", for: b, limit: 10).isEmpty)
        // The same person may be known to both entes, separately.
        let pb = try await t.persona(b)
        #expect(pb.id != p.id)
        let input = try PraticaInput(personaId: p.id, tipo: "contributo_economico", oggetto: "x").validated(types: TestStore.types)
        await #expect(throws: StorageError.self) { try await t.store.createPratica(input, istanza: t.istanza(b), state: .presentata, by: b, at: t.now) }
    }

    @Test func searchMatchesCodePrefixAndSurname() async throws {
        let t = try TestStore()
        let op = try await t.operatore()
        let rossi = try await t.persona(op)
        _ = try await t.persona(op, cognome: "Bianchi", nome: "Luca", birth: "1970-01-01")
        #expect(try await t.store.searchPersone("ross", for: op, limit: 10).map(\.id) == [rossi.id])
        #expect(try await t.store.searchPersone(String(rossi.data.codiceFiscale.prefix(9)).lowercased(), for: op, limit: 10).map(\.id) == [rossi.id])
        #expect(try await t.store.searchPersone("%", for: op, limit: 10).isEmpty)
        #expect(try await t.store.searchPersone("", for: op, limit: 10).count == 2)
    }

    @Test func failedWriteLeavesNothingBehind() async throws {
        let t = try TestStore()
        let op = try await t.operatore()
        let p = try await t.persona(op)
        let auditBefore = try t.count("audit_entry")
        await #expect(throws: StorageError.self) {
            try await t.store.createNucleo(membri: [.init(personaID: p.id, relazione: .intestatario), .init(personaID: 9999, relazione: .figlio)], by: op, at: t.now)
        }
        #expect(try t.count("nucleo") == 0)
        #expect(try t.count("nucleo_membro") == 0)
        #expect(try t.count("audit_entry") == auditBefore)
    }

    @Test func personaBelongsToOneNucleoOnly() async throws {
        let t = try TestStore()
        let op = try await t.operatore()
        let a = try await t.persona(op), b = try await t.persona(op, cognome: "Bianchi", nome: "Anna", birth: "1950-01-01")
        let n = try await t.store.createNucleo(membri: [.init(personaID: a.id, relazione: .intestatario), .init(personaID: b.id, relazione: .coniuge)], by: op, at: t.now)
        #expect(try await t.store.nucleo(ofPersona: b.id, for: op)?.id == n.id)
        await #expect(throws: StorageError.conflict("La persona \(b.id) appartiene già a un nucleo familiare.")) {
            try await t.store.createNucleo(membri: [.init(personaID: b.id, relazione: .intestatario)], by: op, at: t.now)
        }
    }

    @Test func praticaNumbersAreSequentialPerEnteAndYear() async throws {
        let t = try TestStore()
        let a = try await t.operatore(ente: "c_a001"), b = try await t.operatore(ente: "c_b001")
        let pa = try await t.persona(a), pb = try await t.persona(b)
        let input = { (id: Int64) in try PraticaInput(personaId: id, tipo: "contributo_economico", oggetto: "Affitto").validated(types: TestStore.types) }
        let n1 = try await t.store.createPratica(try input(pa.id), istanza: t.istanza(a), state: .presentata, by: a, at: t.now).numero
        let n2 = try await t.store.createPratica(try input(pa.id), istanza: t.istanza(a), state: .presentata, by: a, at: t.now).numero
        let m1 = try await t.store.createPratica(try input(pb.id), istanza: t.istanza(b), state: .presentata, by: b, at: t.now).numero
        #expect([n1, n2, m1] == ["2026/000001", "2026/000002", "2026/000001"])
    }

    @Test func documentsAreContentAddressedStoredOnceAndImmutable() async throws {
        let t = try TestStore()
        let op = try await t.operatore()
        let p = try await t.persona(op)
        let pratica = try await t.store.createPratica(try PraticaInput(personaId: p.id, tipo: "contributo_economico", oggetto: "x").validated(types: TestStore.types), istanza: t.istanza(op), state: .presentata, by: op, at: t.now)
        let bytes = Array("contenuto di prova àèì\n".utf8)
        let d1 = try await t.store.addDocumento(praticaID: pratica.id, nome: "a.txt", mimeType: "text/plain", content: bytes, by: op, at: t.now)
        let d2 = try await t.store.addDocumento(praticaID: pratica.id, nome: "b.txt", mimeType: "text/plain", content: bytes, by: op, at: t.now)
        #expect(d1.impronta == d2.impronta)
        #expect(d1.impronta == "a663397f40a83609254b1cf4644d1602c1af3a385e9b7016e0be766e2943af48")  // sha256sum of the same bytes
        let files = try FileManager.default.subpathsOfDirectory(atPath: t.dir.appendingPathComponent("documenti").path).filter { $0.hasSuffix(d1.impronta) }
        #expect(files.count == 1)
        #expect(try await t.store.content(of: d2) == bytes)
        #expect(throws: (any Error).self) {
            try t.rawConnection().write { try $0.execute(sql: "UPDATE documento SET nome = 'altro' WHERE id = ?", arguments: [d1.id]) }
        }
    }

    @Test func streamedUploadOverTheLimitLeavesNothing() async throws {
        let t = try TestStore()
        let chunks = AsyncThrowingStream<[UInt8], any Error> { c in
            for _ in 0..<10 { c.yield([UInt8](repeating: 1, count: 1000)) }
            c.finish()
        }
        await #expect(throws: StorageError.self) { try await t.store.stage(chunks, limit: 5000) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: t.dir.appendingPathComponent("documenti/tmp").path).isEmpty)
        let ok = AsyncThrowingStream<[UInt8], any Error> { c in
            for _ in 0..<5 { c.yield([UInt8](repeating: 1, count: 1000)) }
            c.finish()
        }
        let staged = try await t.store.stage(ok, limit: 5000)
        #expect(staged.size == 5000)
        #expect(staged.impronta == Self.sha5000ones)
    }

    /// SHA-256 of 5000 bytes 0x01, from `head -c 5000 /dev/zero | tr '\000' '\001' | sha256sum`.
    static let sha5000ones = "e53130831c13dabff71d5d1797e3aaa467b4b7d32b3b8782c4ff03d76976f2aa"

    @Test func alteredDocumentFileIsRefusedOnRead() async throws {
        let t = try TestStore()
        let op = try await t.operatore()
        let p = try await t.persona(op)
        let pratica = try await t.store.createPratica(try PraticaInput(personaId: p.id, tipo: "contributo_economico", oggetto: "x").validated(types: TestStore.types), istanza: t.istanza(op), state: .presentata, by: op, at: t.now)
        let doc = try await t.store.addDocumento(praticaID: pratica.id, nome: "a.txt", mimeType: "text/plain", content: Array("originale".utf8), by: op, at: t.now)
        let path = try FileManager.default.subpathsOfDirectory(atPath: t.dir.appendingPathComponent("documenti").path).first { $0.hasSuffix(doc.impronta) }!
        let full = t.dir.appendingPathComponent("documenti").appendingPathComponent(path).path
        chmod(full, 0o644)
        try Data("alterato".utf8).write(to: URL(fileURLWithPath: full))
        await #expect(throws: StorageError.self) { try await t.store.content(of: doc) }
        // Uploading the genuine content again repairs the archive.
        _ = try await t.store.addDocumento(praticaID: pratica.id, nome: "a.txt", mimeType: "text/plain", content: Array("originale".utf8), by: op, at: t.now)
        #expect(try await t.store.content(of: doc) == Array("originale".utf8))
    }
}
