/// The authenticated person acting on the system: who, for which ente, in which role.
public struct Operatore: Sendable, Hashable {
    /// User id in the store.
    public let userID: Int64
    /// Login name.
    public let username: String
    /// Display name.
    public let displayName: String
    /// The ente (comune) the user belongs to; every read and write is confined to it.
    public let enteID: Int64
    /// The ente's code (e.g. `c_x000`).
    public let enteCode: String
    /// The user's role.
    public let role: Role

    /// Creates an operator identity.
    public init(userID: Int64, username: String, displayName: String, enteID: Int64, enteCode: String, role: Role) {
        self.userID = userID
        self.username = username
        self.displayName = displayName
        self.enteID = enteID
        self.enteCode = enteCode
        self.role = role
    }

    /// Throws `non_autorizzato` unless the role allows `permission`.
    public func require(_ permission: Permission) throws(WorkflowError) {
        guard role.allows(permission) else { throw .forbidden(permission.action) }
    }
}
