import Foundation
import HTTPTypes
import Hummingbird
import Mustache
import Storage
import Workflow

/// The minimal HTML pages: login form and case list (the full web UI is a later issue).
struct WebController {
    let store: any ActsStore
    let sessions: SessionController
    let clock: AppClock
    let procedures: ProcedureService

    static let loginCSRFCookie = "acts_csrf_login"

    struct LoginForm: Decodable {
        let username: String?
        let password: String?
        let _csrf: String?
    }

    struct LogoutForm: Decodable {
        let _csrf: String?
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        let library = Self.templates()
        router.get("/login") { request, _ in
            try loginPage(library, request: request, errore: nil, username: "")
        }
        router.post("/login") { request, _ in
            let form = try await Self.form(LoginForm.self, request)
            guard let sent = form._csrf, let expected = request.cookies[Self.loginCSRFCookie]?.value, sent == expected else {
                return try loginPage(library, request: request, errore: "La pagina è scaduta: riprovare.", username: form.username ?? "", status: .forbidden)
            }
            do {
                let (_, token, _) = try await sessions.login(username: form.username ?? "", password: form.password ?? "")
                var response = Response.redirect(to: "/", type: .normal)
                response.setCookie(sessions.sessionCookie(token, secure: sessions.isSecure(request)))
                return response
            } catch let error as APIError where error.code == APIError.badCredentials.code {
                return try loginPage(library, request: request, errore: error.message, username: form.username ?? "", status: .unauthorized)
            }
        }
        router.post("/logout") { request, context in
            let form = try await Self.form(LogoutForm.self, request)
            if let op = context.operatore, form._csrf == context.csrfToken, let token = request.cookies[AuthMiddleware.sessionCookie]?.value {
                try await store.deleteSession(token: token)
                try await store.record(AuditEvent(action: "sessione.logout", objectType: "utente", objectID: String(op.userID)), by: op, actor: op.username, at: clock.now())
            }
            var response = Response.redirect(to: "/login", type: .normal)
            response.setCookie(Cookie(name: AuthMiddleware.sessionCookie, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .lax))
            return response
        }
        router.get("/") { _, context in
            guard let op = context.operatore else { return Response.redirect(to: "/login", type: .normal) }
            let canRead = op.role.allows(.readPratiche)
            var rows: [[String: String]] = []
            var persone: [Int64: Persona] = [:]  // one read per beneficiary, not per pratica
            if canRead {
                for p in try await store.pratiche(for: op, stato: nil, personaID: nil, limit: 200) {
                    if persone[p.personaID] == nil { persone[p.personaID] = try? await store.persona(id: p.personaID, for: op) }
                    let persona = persone[p.personaID]
                    rows.append([
                        "numero": p.numero, "beneficiario": persona.map { "\($0.data.cognome) \($0.data.nome)" } ?? "—",
                        "tipo": procedures.configuration(for: op).tipi[p.tipo]?.type.descrizione ?? p.tipo, "oggetto": p.oggetto, "stato": p.stato.label,
                        "data": ProcedureService.civilDate(p.createdAt).italian,
                    ])
                }
            }
            let ente = try await store.ente(id: op.enteID)
            let html = library.render(
                ["ente": ente?.name ?? op.enteCode, "nome": op.displayName, "ruolo": op.role.label, "csrf": context.csrfToken ?? "",
                 "puoVedere": canRead, "haPratiche": !rows.isEmpty, "pratiche": rows] as [String: Any],
                withTemplate: "pratiche") ?? ""
            return Self.html(html)
        }
    }

    func loginPage(_ library: MustacheLibrary, request: Request, errore: String?, username: String, status: HTTPResponse.Status = .ok) throws -> Response {
        let csrf = request.cookies[Self.loginCSRFCookie]?.value ?? SecureToken.make()
        var context: [String: Any] = ["csrf": csrf, "username": username]
        if let errore { context["errore"] = errore }
        var response = Self.html(library.render(context, withTemplate: "login") ?? "", status: status)
        response.setCookie(Cookie(name: Self.loginCSRFCookie, value: csrf, path: "/login", secure: sessions.isSecure(request), httpOnly: true, sameSite: .strict))
        return response
    }

    static func templates() -> MustacheLibrary {
        var library = MustacheLibrary()
        for name in ["login", "pratiche"] {
            if let text = try? ResourceFiles.text("Views/\(name).mustache"), let template = try? MustacheTemplate(string: text) {
                library.register(template, named: name)
            }
        }
        return library
    }

    static func form<T: Decodable>(_ type: T.Type, _ request: Request) async throws -> T {
        var request = request
        let buffer = try await request.collectBody(upTo: 64 * 1024)
        do {
            return try URLEncodedFormDecoder().decode(T.self, from: String(buffer: buffer))
        } catch {
            throw APIError.badRequest("Modulo non valido.")
        }
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentSecurityPolicy] = "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
