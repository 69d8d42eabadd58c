import Testing
import Workflow

@Suite("Verifica della catena di audit")
struct AuditVerificationTests {
    /// A deterministic stand-in digest for the chain logic (the store uses SHA-256; see StorageTests).
    static func digest(_ bytes: [UInt8]) -> String {
        var h: UInt64 = 1_469_598_103_934_665_603
        for b in bytes { h = (h ^ UInt64(b)) &* 1_099_511_628_211 }
        return String(h, radix: 16)
    }

    static func chain(_ n: Int) -> [AuditEntry] {
        var out: [AuditEntry] = []
        var prev = AuditEntry.genesisHash
        for i in 1...n {
            let e = AuditEntry(seq: Int64(i), at: "2026-11-23T10:00:0\(i).000Z", enteID: 1, userID: 1, actor: "sportello", action: "persona.create", objectType: "persona", objectID: String(i), detail: "{}", prevHash: prev, hash: "")
            let h = digest(e.canonicalBytes)
            out.append(AuditEntry(seq: e.seq, at: e.at, enteID: 1, userID: 1, actor: e.actor, action: e.action, objectType: e.objectType, objectID: e.objectID, detail: e.detail, prevHash: prev, hash: h))
            prev = h
        }
        return out
    }

    @Test func intactChainVerifies() {
        let c = Self.chain(4)
        #expect(AuditVerification.check(c, head: (4, c[3].hash), sha256Hex: Self.digest).isIntact)
    }

    @Test func alteredFieldIsDetected() {
        var c = Self.chain(4)
        let e = c[1]
        c[1] = AuditEntry(seq: e.seq, at: e.at, enteID: e.enteID, userID: e.userID, actor: "intruso", action: e.action, objectType: e.objectType, objectID: e.objectID, detail: e.detail, prevHash: e.prevHash, hash: e.hash)
        let r = AuditVerification.check(c, head: (4, c[3].hash), sha256Hex: Self.digest)
        #expect(r.problems.map(\.seq) == [2])
    }

    @Test func deletedMiddleEntryIsDetected() {
        var c = Self.chain(4)
        c.remove(at: 1)
        let r = AuditVerification.check(c, head: (4, c[2].hash), sha256Hex: Self.digest)
        #expect(!r.isIntact)
        #expect(r.problems.contains { $0.seq == 3 })
    }

    @Test func truncatedTailIsDetected() {
        let c = Self.chain(4)
        let r = AuditVerification.check(Array(c.prefix(3)), head: (4, c[3].hash), sha256Hex: Self.digest)
        #expect(!r.isIntact)
    }

    @Test func canonicalBytesSeparateFieldsUnambiguously() {
        let a = AuditEntry(seq: 1, at: "x", enteID: nil, userID: nil, actor: "ab", action: "c", objectType: "", objectID: "", detail: "", prevHash: "", hash: "")
        let b = AuditEntry(seq: 1, at: "x", enteID: nil, userID: nil, actor: "a", action: "bc", objectType: "", objectID: "", detail: "", prevHash: "", hash: "")
        #expect(a.canonicalBytes != b.canonicalBytes)
    }
}
