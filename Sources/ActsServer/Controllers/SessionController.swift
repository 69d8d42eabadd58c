import Foundation
import HTTPTypes
import Hummingbird
import Storage
import Workflow

/// Login, logout, current identity and API tokens under `/api/v1`.
struct SessionController {
    let store: any ActsStore
    let settings: AppSettings
    let clock: AppClock
    let passwords: Passwords

    struct LoginRequest: Decodable {
        let username: String
        let password: String
    }

    struct TokenRequest: Decodable {
        let nome: String?
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("/api/v1/session") { request, context in
            let body = try await JSONResponse.decode(LoginRequest.self, from: request)
            let (op, token, csrf) = try await login(username: body.username, password: body.password)
            var response = JSONResponse.make(IdentityDTO(op, csrfToken: csrf), status: .created)
            response.setCookie(sessionCookie(token, secure: isSecure(request)))
            return response
        }
        router.get("/api/v1/session") { _, context in
            JSONResponse.make(IdentityDTO(try context.authenticated(), csrfToken: context.csrfToken))
        }
        router.delete("/api/v1/session") { request, context in
            let op = try context.authenticated()
            if let token = request.cookies[AuthMiddleware.sessionCookie]?.value { try await store.deleteSession(token: token) }
            try await store.record(AuditEvent(action: "sessione.logout", objectType: "utente", objectID: String(op.userID)), by: op, actor: op.username, at: clock.now())
            var response = Response(status: .noContent)
            response.setCookie(Cookie(name: AuthMiddleware.sessionCookie, value: "", maxAge: 0, path: "/", secure: isSecure(request), httpOnly: true, sameSite: .lax))
            return response
        }
        router.post("/api/v1/tokens") { request, context in
            let op = try context.authenticated()
            let body = try await JSONResponse.decode(TokenRequest.self, from: request)
            let token = "acts_" + SecureToken.make()
            let nome = (body.nome ?? "").trimmingCharacters(in: .whitespaces)
            try await store.createAPIToken(token: token, name: nome.isEmpty ? "token API" : nome, userID: op.userID, at: clock.now())
            return JSONResponse.make(["token": token, "avviso": "Conservare il token: non sarà più mostrato."], status: .created)
        }
    }

    /// Failed attempts that lock a username out for ``lockoutMinutes`` (counted since the last success).
    static let maxFailures = 5
    static let lockoutMinutes = 15

    /// Checks credentials and opens a session; failed attempts are audited, and after ``maxFailures`` failures
    /// within ``lockoutMinutes`` the username is refused (429) until that time has passed since the latest.
    func login(username: String, password: String) async throws -> (Operatore, token: String, csrf: String) {
        let now = clock.now()
        let window = Double(Self.lockoutMinutes * 60)
        let failures = try await store.failedLogins(username: username, since: now.addingTimeInterval(-window))
        if failures.count >= Self.maxFailures, let latest = failures.latest {
            let wait = max(1, Int((latest.addingTimeInterval(window).timeIntervalSince(now) / 60).rounded(.up)))
            throw APIError(status: .tooManyRequests, code: "troppi_tentativi", message: "Troppi tentativi di accesso non riusciti: riprovare fra \(wait) minuti o rivolgersi all'amministratore.")
        }
        let account = try await store.account(username: username)
        let ok = try await passwords.verify(password, hash: account?.passwordHash)
        guard ok, let account, account.active else {
            try await store.record(
                AuditEvent(action: "sessione.login_fallito", objectType: "utente", objectID: username), by: nil, actor: username, at: now)
            throw APIError.badCredentials
        }
        let token = SecureToken.make(), csrf = SecureToken.make()
        try await store.createSession(token: token, csrfToken: csrf, userID: account.operatore.userID, expiresAt: now.addingTimeInterval(Double(settings.sessionHours) * 3600), at: now)
        try await store.record(AuditEvent(action: "sessione.login", objectType: "utente", objectID: String(account.operatore.userID)), by: account.operatore, actor: username, at: now)
        return (account.operatore, token, csrf)
    }

    func sessionCookie(_ token: String, secure: Bool) -> Cookie {
        Cookie(name: AuthMiddleware.sessionCookie, value: token, maxAge: settings.sessionHours * 3600, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    /// Secure cookies when configured, or when a TLS-terminating proxy says the client used HTTPS.
    func isSecure(_ request: Request) -> Bool {
        settings.cookieSecure || request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https" || request.uri.scheme == .https
    }
}
