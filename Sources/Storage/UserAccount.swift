import Workflow

/// A login account with its password hash, for authentication only.
public struct UserAccount: Sendable, Hashable {
    public let operatore: Operatore
    /// bcrypt hash (`$2b$…`).
    public let passwordHash: String
    /// Disabled accounts cannot log in.
    public let active: Bool

    public init(operatore: Operatore, passwordHash: String, active: Bool) {
        self.operatore = operatore
        self.passwordHash = passwordHash
        self.active = active
    }
}
