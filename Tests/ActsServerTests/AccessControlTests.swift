import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Storage
import Testing
import Workflow

@testable import ActsServer

@Suite("Ruoli, isolamento fra enti, CSRF e token")
struct AccessControlTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let user: String?
        let method: HTTPRequest.Method
        let path: String
        let body: String?
        let status: HTTPResponse.Status
        var testDescription: String { "\(user ?? "anonimo") \(method) \(path) → \(status.code)" }
    }

    static let persona = #"{"codiceFiscale":"GLLFNC61D58B157X","cognome":"Gallo","nome":"Franca"}"#
    static let pratica = #"{"personaId":1,"tipo":"misura_b2","oggetto":"Buono sociale"}"#

    @Test(arguments: [
        Case(user: nil, method: .get, path: "/api/v1/pratiche", body: nil, status: .unauthorized),
        Case(user: nil, method: .get, path: "/api/v1/persone/1", body: nil, status: .unauthorized),
        Case(user: "amministratore", method: .get, path: "/api/v1/persone", body: nil, status: .forbidden),
        Case(user: "amministratore", method: .get, path: "/api/v1/pratiche", body: nil, status: .forbidden),
        Case(user: "amministratore", method: .get, path: "/api/v1/documenti/1/contenuto", body: nil, status: .forbidden),
        Case(user: "dirigente", method: .get, path: "/api/v1/persone/1", body: nil, status: .ok),
        Case(user: "dirigente", method: .post, path: "/api/v1/persone", body: persona, status: .forbidden),
        Case(user: "dirigente", method: .post, path: "/api/v1/pratiche", body: pratica, status: .forbidden),
        Case(user: "protocollo", method: .get, path: "/api/v1/persone", body: nil, status: .forbidden),
        Case(user: "protocollo", method: .get, path: "/api/v1/pratiche/1", body: nil, status: .ok),
        Case(user: "protocollo", method: .get, path: "/api/v1/documenti/1/contenuto", body: nil, status: .ok),
        Case(user: "protocollo", method: .post, path: "/api/v1/pratiche", body: pratica, status: .forbidden),
        Case(user: "sportello", method: .post, path: "/api/v1/persone", body: persona, status: .created),
        Case(user: "assistente_sociale", method: .post, path: "/api/v1/pratiche", body: pratica, status: .created),
        Case(user: "sportello", method: .get, path: "/api/v1/documenti/1/contenuto", body: nil, status: .ok),
    ])
    func roleChecksOnEveryRoute(_ c: Case) async throws {
        let app = try await TestApp()
        try await app.run { client in
            let login = try await c.user.asyncMap { try await client.login($0) }
            let response = try await client.request(c.method, c.path, raw: c.body, as: login)
            #expect(response.status == c.status, "\(c.testDescription): \(response.text)")
            if c.status == .forbidden {
                #expect(try response.json([String: JSONValue].self)["code"]?.string == "non_autorizzato")
            }
        }
    }

    @Test func anotherEntesDataReadsAsNotFound() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let other = try await client.login("sportello_prova")  // Comune di Prova (c_x001)
            for path in ["/api/v1/persone/1", "/api/v1/pratiche/1", "/api/v1/documenti/1", "/api/v1/documenti/1/contenuto", "/api/v1/persone/1/nucleo", "/api/v1/persone/1/rete", "/api/v1/nuclei/1", "/api/v1/pratiche/1/documenti"] {
                let r = try await client.request(.get, path, as: other)
                #expect(r.status == .notFound, "\(path)")
                #expect(try r.json([String: JSONValue].self)["code"]?.string == "non_trovato")
            }
            #expect(try await client.request(.post, "/api/v1/pratiche", raw: Self.pratica, as: other).status == .notFound)
            #expect(try await client.request(.post, "/api/v1/persone/1/rete", raw: #"{"tipo":"altro","descrizione":"x"}"#, as: other).status == .notFound)
            #expect(try await client.request(.post, "/api/v1/nuclei", raw: #"{"membri":[{"personaId":1,"relazione":"intestatario"}]}"#, as: other).status == .notFound)
            var h = other.headers
            h[.contentType] = "text/plain"
            let upload = try await client.executeRequest(uri: "/api/v1/pratiche/1/documenti?nome=x.txt", method: .post, headers: h, body: ByteBuffer(string: "intruso"))
            #expect(upload.status == .notFound)
            let mine = try await client.request(.get, "/api/v1/persone", as: other).json([JSONValue].self)
            #expect(mine.compactMap { $0["cognome"]?.string } == ["Neri"])
            #expect(try await client.request(.get, "/api/v1/pratiche", as: other).json([JSONValue].self).isEmpty)
            // Same codice fiscale in the other ente is a separate persona: it never links across entes.
            let rossi = CodiceFiscale.compute(cognome: "Rossi", nome: "Mario", sesso: .maschio, dataNascita: CivilDate(iso: "1948-03-15")!, belfiore: "F205")
            let created = try await client.request(.post, "/api/v1/persone", json: ["codiceFiscale": rossi, "cognome": "Rossi", "nome": "Mario"], as: other)
            #expect(created.status == .created)
        }
        #expect(try await app.store.documenti(praticaID: 1, for: try await app.store.account(username: "sportello")!.operatore).count == 1)
    }

    @Test func cookieWritesNeedTheCSRFToken() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let s = try await client.login("sportello")
            var h = HTTPFields()
            h[.cookie] = s.cookie
            h[.contentType] = "application/json"
            let missing = try await client.executeRequest(uri: "/api/v1/persone", method: .post, headers: h, body: ByteBuffer(string: Self.persona))
            #expect(missing.status == .forbidden)
            #expect(try missing.json([String: JSONValue].self)["code"]?.string == "csrf_non_valido")
            h[AuthMiddleware.csrfHeader] = "sbagliato"
            #expect(try await client.executeRequest(uri: "/api/v1/persone", method: .post, headers: h, body: ByteBuffer(string: Self.persona)).status == .forbidden)
            // Reads need no token.
            h[AuthMiddleware.csrfHeader] = nil
            #expect(try await client.executeRequest(uri: "/api/v1/pratiche", method: .get, headers: h, body: nil).status == .ok)
        }
    }

    @Test func sessionCookieAttributes() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let plain = try await client.request(.post, "/api/v1/session", json: ["username": "sportello", "password": DemoData.password])
            let cookie = plain.headers[.setCookie] ?? ""
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"))
            var h = HTTPFields()
            h[HTTPField.Name("X-Forwarded-Proto")!] = "https"
            let tls = try await client.request(.post, "/api/v1/session", json: ["username": "sportello", "password": DemoData.password], headers: h)
            #expect((tls.headers[.setCookie] ?? "").contains("Secure"))
        }
    }

    @Test func wrongPasswordIsRefusedAndAudited() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let r = try await client.request(.post, "/api/v1/session", json: ["username": "sportello", "password": "sbagliata-davvero"])
            #expect(r.status == .unauthorized)
            #expect(try r.json([String: JSONValue].self)["code"]?.string == "credenziali_non_valide")
            let unknown = try await client.request(.post, "/api/v1/session", json: ["username": "nessuno", "password": "x"])
            #expect(unknown.status == .unauthorized)
        }
        #expect(try await app.store.recentAudit(limit: 2).map(\.action) == ["sessione.login_fallito", "sessione.login_fallito"])
    }

    @Test func bearerTokensForMachineClients() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let s = try await client.login("sportello")
            let t = try await client.request(.post, "/api/v1/tokens", json: ["nome": "integrazione protocollo"], as: s)
            #expect(t.status == .created)
            let token = try #require(try t.json([String: String].self)["token"])
            var h = HTTPFields()
            h[.authorization] = "Bearer \(token)"
            #expect(try await client.request(.get, "/api/v1/pratiche", headers: h).status == .ok)
            // No cookie, no CSRF: a bearer client writes directly.
            #expect(try await client.request(.post, "/api/v1/persone", raw: Self.persona, headers: h).status == .created)
            h[.authorization] = "Bearer acts_non_esiste"
            let bad = try await client.request(.get, "/api/v1/pratiche", headers: h)
            #expect(bad.status == .unauthorized)
            #expect(try bad.json([String: JSONValue].self)["code"]?.string == "token_non_valido")
        }
    }
}

extension Optional {
    func asyncMap<U>(_ transform: (Wrapped) async throws -> U) async rethrows -> U? {
        switch self {
        case .some(let w): try await transform(w)
        case .none: nil
        }
    }
}

@Suite("Durata della sessione")
struct SessionExpiryTests {
    @Test func sessionExpiresAfterTheConfiguredHours() async throws {
        let app = try await TestApp(sessionHours: 8)
        let clock = app.clock
        try await app.run { client in
            let s = try await client.login("sportello")
            #expect(try await client.request(.get, "/api/v1/pratiche", as: s).status == .ok)
            clock.advance(days: 1)
            #expect(try await client.request(.get, "/api/v1/pratiche", as: s).status == .unauthorized)
        }
    }
}

@Suite("Protezione dai tentativi ripetuti")
struct LoginThrottlingTests {
    @Test func repeatedFailuresLockTheUsernameForAWhile() async throws {
        let app = try await TestApp()
        let clock = app.clock
        try await app.run { client in
            for _ in 0..<5 {
                #expect(try await client.request(.post, "/api/v1/session", json: ["username": "dirigente", "password": "sbagliata-123"]).status == .unauthorized)
            }
            // Even the right password is refused now, with a clear message.
            let locked = try await client.request(.post, "/api/v1/session", json: ["username": "dirigente", "password": DemoData.password])
            #expect(locked.status == .tooManyRequests)
            #expect(try locked.json([String: JSONValue].self)["code"]?.string == "troppi_tentativi")
            // Other users are not affected.
            #expect(try await client.request(.post, "/api/v1/session", json: ["username": "sportello", "password": DemoData.password]).status == .created)
            clock.advance(days: 1)
            #expect(try await client.request(.post, "/api/v1/session", json: ["username": "dirigente", "password": DemoData.password]).status == .created)
            // A success resets the count.
            #expect(try await client.request(.post, "/api/v1/session", json: ["username": "dirigente", "password": "sbagliata-123"]).status == .unauthorized)
            #expect(try await client.request(.post, "/api/v1/session", json: ["username": "dirigente", "password": DemoData.password]).status == .created)
        }
    }
}
