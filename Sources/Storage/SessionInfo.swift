#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Workflow

/// A live browser session: the operator and the CSRF token bound to it.
public struct SessionInfo: Sendable, Hashable {
    public let operatore: Operatore
    /// Token that form posts and cookie-authenticated API writes must echo.
    public let csrfToken: String
    public let expiresAt: Date

    public init(operatore: Operatore, csrfToken: String, expiresAt: Date) {
        self.operatore = operatore
        self.csrfToken = csrfToken
        self.expiresAt = expiresAt
    }
}
