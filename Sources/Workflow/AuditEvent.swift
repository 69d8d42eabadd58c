/// A change to record in the audit log, before it is sequenced and chained.
public struct AuditEvent: Sendable, Hashable {
    public let action: String
    public let objectType: String
    public let objectID: String
    /// Salient data, written as a JSON object with sorted keys.
    public let detail: [String: String]

    public init(action: String, objectType: String, objectID: String, detail: [String: String] = [:]) {
        self.action = action
        self.objectType = objectType
        self.objectID = objectID
        self.detail = detail
    }
}
