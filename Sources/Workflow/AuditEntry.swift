/// One entry of the tamper-evident audit log: who did what to which object, when, chained by SHA-256 to
/// the previous entry. This type defines the canonical bytes that are hashed; the hashing itself
/// happens in the store.
public struct AuditEntry: Sendable, Hashable, Codable {
    /// Position in the chain, starting at 1, without gaps.
    public let seq: Int64
    /// UTC timestamp, ISO 8601 with milliseconds (`2026-11-23T10:15:00.123Z`).
    public let at: String
    public let enteID: Int64?
    public let userID: Int64?
    /// Login name, or `sistema` for CLI and background work.
    public let actor: String
    /// What happened, e.g. `persona.create`, `documento.add`, `sessione.login`.
    public let action: String
    public let objectType: String
    public let objectID: String
    /// Compact JSON with the salient data of the change.
    public let detail: String
    /// Hex hash of the previous entry (64 zeros for the first).
    public let prevHash: String
    /// Hex SHA-256 of ``canonicalBytes``.
    public let hash: String

    public init(
        seq: Int64, at: String, enteID: Int64?, userID: Int64?, actor: String, action: String, objectType: String,
        objectID: String, detail: String, prevHash: String, hash: String
    ) {
        self.seq = seq
        self.at = at
        self.enteID = enteID
        self.userID = userID
        self.actor = actor
        self.action = action
        self.objectType = objectType
        self.objectID = objectID
        self.detail = detail
        self.prevHash = prevHash
        self.hash = hash
    }

    /// The hash of the (virtual) entry before the first.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// Unambiguous serialization of every field but `hash`: each field is written as its UTF-8 length, `:`,
    /// the bytes, and `;`, so no choice of values can make two different entries serialize alike.
    public var canonicalBytes: [UInt8] {
        let fields = [
            "acts-audit-v1", String(seq), at, enteID.map(String.init) ?? "", userID.map(String.init) ?? "", actor, action,
            objectType, objectID, detail, prevHash,
        ]
        var out: [UInt8] = []
        for f in fields {
            let bytes = Array(f.utf8)
            out += Array(String(bytes.count).utf8) + [UInt8(ascii: ":")] + bytes + [UInt8(ascii: ";")]
        }
        return out
    }
}
