import Foundation
import HTTPTypes
import Hummingbird
import Storage
import Workflow

/// Resolves the caller's identity from `Authorization: Bearer <token>` or the session cookie, and enforces
/// CSRF on cookie-authenticated API writes (header `X-CSRF-Token`). HTML forms check their `_csrf` field.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let store: any ActsStore
    let clock: AppClock

    static let sessionCookie = "acts_sessione"
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let now = clock.now()
        if let auth = request.headers[.authorization] {
            let parts = auth.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer",
                let op = try await store.operatore(apiToken: String(parts[1]).trimmingCharacters(in: .whitespaces), at: now)
            else { throw APIError(status: .unauthorized, code: "token_non_valido", message: "Token di accesso non valido o revocato.") }
            context.operatore = op
            context.viaBearerToken = true
        } else if let token = request.cookies[Self.sessionCookie]?.value, !token.isEmpty,
            let session = try await store.session(token: token, at: now)
        {
            context.operatore = session.operatore
            context.csrfToken = session.csrfToken
            let safe = [HTTPRequest.Method.get, .head, .options].contains(request.method)
            let isLogin = request.uri.path == "/api/v1/session" && request.method == .post
            if !safe, !isLogin, request.uri.path.hasPrefix("/api/"), request.headers[Self.csrfHeader] != session.csrfToken {
                throw APIError.csrf
            }
        }
        return try await next(request, context)
    }
}
