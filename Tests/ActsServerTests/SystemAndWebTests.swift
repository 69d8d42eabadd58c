import ArgumentParser
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Storage
import Testing

@testable import ActsServer

@Suite("Sistema, OpenAPI, pagine HTML e CLI")
struct SystemAndWebTests {
    @Test func healthAndMetrics() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let health = try await client.request(.get, "/healthz")
            #expect(health.status == .ok)
            #expect(health.headers[HTTPField.Name("X-Request-Id")!]?.isEmpty == false)
            _ = try await client.request(.get, "/api/v1/pratiche")
            let metrics = try await client.request(.get, "/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.text.contains("hb_requests"))
            #expect(metrics.text.contains("/api/v1/pratiche"))
        }
    }

    /// The served OpenAPI document is valid OpenAPI 3.1 (checked by `openapi-spec-validator`) and documents every route.
    @Test func openAPIIsValidAndCoversTheRoutes() async throws {
        let app = try await TestApp()
        let yaml = try await app.run { client in
            let r = try await client.request(.get, "/api/v1/openapi.yaml")
            #expect(r.status == .ok)
            return r.text
        }
        #expect(yaml.hasPrefix("openapi: 3.1.0"))
        for path in [
            "/api/v1/session:", "/api/v1/tokens:", "/api/v1/persone:", "/api/v1/persone/{id}:", "/api/v1/persone/{id}/nucleo:", "/api/v1/persone/{id}/rete:",
            "/api/v1/nuclei:", "/api/v1/nuclei/{id}:", "/api/v1/pratiche:", "/api/v1/pratiche/{id}:", "/api/v1/pratiche/{id}/documenti:",
            "/api/v1/documenti/{id}:", "/api/v1/documenti/{id}/contenuto:", "/api/v1/openapi.yaml:", "/healthz:", "/metrics:",
            "/api/v1/pratiche/{id}/eventi:", "/api/v1/pratiche/{id}/procedimento:", "/api/v1/pratiche/{id}/responsabile:",
            "/api/v1/tipi-procedimento:", "/api/v1/scadenze:", "/api/v1/report/tempi:", "/api/v1/utenti:", "/api/v1/utenti/{id}:", "/api/v1/audit/verifica:",
            "/api/v1/registro:", "/api/v1/registro/verifica:", "/api/v1/registro/{registro}/{anno}:", "/api/v1/registro/{registro}/{anno}/{numero}:",
            "/api/v1/registro/{registro}/{anno}/{numero}/annullamento:", "/api/v1/registro/{registro}/{anno}/{numero}/segnatura:",
        ] {
            #expect(yaml.contains("\n  \(path)\n"), "\(path) non documentato")
        }
        let file = app.dir.appendingPathComponent("openapi.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        // scripts/test.sh sets ACTS_PYTHON to a venv with openapi-spec-validator.
        let python = ProcessInfo.processInfo.environment["ACTS_PYTHON"] ?? "python3"
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, "-m", "openapi_spec_validator", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        process.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "openapi-spec-validator: \(output)")
    }

    @Test func htmlLoginAndCaseList() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let page = try await client.request(.get, "/login")
            #expect(page.status == .ok)
            #expect(page.text.contains("<html lang=\"it\">"))
            let csrfCookie = String((page.headers[.setCookie] ?? "").split(separator: ";")[0])
            let csrf = String(csrfCookie.split(separator: "=", maxSplits: 1)[1])
            #expect(page.text.contains("value=\"\(csrf)\""))
            var h = HTTPFields()
            h[.cookie] = csrfCookie
            h[.contentType] = "application/x-www-form-urlencoded"
            let forged = try await client.executeRequest(uri: "/login", method: .post, headers: h, body: ByteBuffer(string: "username=sportello&password=\(DemoData.password)&_csrf=altro"))
            #expect(forged.status == .forbidden)
            let login = try await client.executeRequest(uri: "/login", method: .post, headers: h, body: ByteBuffer(string: "username=sportello&password=\(DemoData.password)&_csrf=\(csrf)"))
            #expect(login.status == .seeOther || login.status == .found)
            #expect(login.headers[.location] == "/")
            let session = String((login.headers[.setCookie] ?? "").split(separator: ";")[0])
            var s = HTTPFields()
            s[.cookie] = session
            let list = try await client.executeRequest(uri: "/", method: .get, headers: s, body: nil)
            #expect(list.status == .ok)
            #expect(list.text.contains("2026/000001"))
            #expect(list.text.contains("Rossi Mario"))
            #expect(list.text.contains("Sospesa per integrazione"))
            let anonymous = try await client.request(.get, "/")
            #expect(anonymous.headers[.location] == "/login")
            let wrong = try await client.executeRequest(uri: "/login", method: .post, headers: h, body: ByteBuffer(string: "username=sportello&password=errata&_csrf=\(csrf)"))
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("Nome utente o password non corretti"))
        }
    }

    @Test func cliParsesCommandsAndRejectsBadRoles() throws {
        let parsed = try ActsCommand.parseAsRoot(["user", "add", "--ente", "c_x000", "--role", "dirigente", "--password-env", "PW", "--database", "/tmp/x.sqlite", "m.rossi"])
        let add = try #require(parsed as? ActsCommand.UserCommand.Add)
        #expect(add.username == "m.rossi")
        #expect(add.options.settings().databasePath == "/tmp/x.sqlite")
        #expect(throws: (any Error).self) {
            try ActsCommand.parseAsRoot(["user", "add", "--ente", "c_x000", "--role", "capo", "--password-env", "PW", "m.rossi"])
        }
        #expect(try ActsCommand.parseAsRoot(["serve", "--port", "9000"]) is ActsCommand.Serve)
        #expect(try ActsCommand.parseAsRoot(["audit", "verify"]) is ActsCommand.AuditCommand.Verify)
    }

    @Test func settingsComeFromTheEnvironment() {
        let s = AppSettings(environment: ["ACTS_HTTP_PORT": "9191", "ACTS_DATABASE": "/srv/acts/db.sqlite", "ACTS_UPLOAD_MAX_BYTES": "1000"])
        #expect(s.port == 9191)
        #expect(s.databasePath == "/srv/acts/db.sqlite")
        #expect(s.documentsPath == "/srv/acts/documenti")
        #expect(s.maxUploadBytes == 1000)
        let d = AppSettings(environment: [:])
        #expect(d.host == "127.0.0.1" && d.port == 8080 && d.maxUploadBytes == 50 * 1024 * 1024)
    }
}
