import HTTPTypes
import Hummingbird
import Storage
import Workflow

/// Per-request state: Hummingbird's core storage plus the authenticated operator, if any.
struct AppRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// Set by ``AuthMiddleware`` from a session cookie or a bearer token.
    var operatore: Operatore?
    /// The session's CSRF token, when authenticated by cookie.
    var csrfToken: String?
    /// Whether the identity came from a bearer token (no CSRF check then).
    var viaBearerToken = false

    init(source: Source) {
        coreContext = .init(source: source)
    }

    /// The operator, or 401 when the request is not authenticated.
    func authenticated() throws -> Operatore {
        guard let operatore else { throw APIError.unauthenticated }
        return operatore
    }

    /// The operator, if the role allows `permission`; 401 or 403 otherwise.
    func require(_ permission: Permission) throws -> Operatore {
        let op = try authenticated()
        try op.require(permission)
        return op
    }
}
