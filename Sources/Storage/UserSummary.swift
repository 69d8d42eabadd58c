import Workflow

/// A user as the amministratore sees it: identity, role, state and procedural functions.
public struct UserSummary: Sendable, Hashable {
    public let operatore: Operatore
    public let active: Bool
    public let functions: Set<String>

    public init(operatore: Operatore, active: Bool, functions: Set<String>) {
        self.operatore = operatore
        self.active = active
        self.functions = functions
    }
}
