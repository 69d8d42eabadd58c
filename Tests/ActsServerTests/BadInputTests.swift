import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Storage
import Testing
import Workflow

@testable import ActsServer

@Suite("Input errato: errori chiari, niente scritto a metà")
struct BadInputTests {
    @Test func invalidCodiceFiscaleAndDateAre422NamingEachField() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let s = try await client.login("sportello")
            let r = try await client.request(.post, "/api/v1/persone", raw: #"{"codiceFiscale":"RSSMRA48C15F205A","cognome":"","nome":"Mario","dataNascita":"1948-02-30","residenza":{"cap":"abc"}}"#, as: s)
            #expect(r.status == .unprocessableContent)
            let body = try r.json([String: JSONValue].self)
            #expect(body["code"]?.string == "dati_non_validi")
            let fields = Set(body["campi"]?.array.compactMap { $0["campo"]?.string } ?? [])
            #expect(fields == ["codiceFiscale", "cognome", "dataNascita", "residenza.cap"])
            #expect(body["campi"]?.array.allSatisfy { ($0["messaggio"]?.string ?? "").count > 10 } == true)
            // Consistent code but contradictory declared data.
            let wrong = try await client.request(.post, "/api/v1/persone", raw: #"{"codiceFiscale":"GLLFNC61D58B157X","cognome":"Gallo","nome":"Franca","sesso":"M","dataNascita":"1961-04-19"}"#, as: s)
            #expect(wrong.status == .unprocessableContent)
            let wrongFields = try wrong.json([String: JSONValue].self)["campi"]?.array.compactMap { $0["campo"]?.string }
            #expect(Set(wrongFields ?? []) == ["sesso", "dataNascita"])
        }
        #expect(try await app.store.searchPersone("GALLO", for: try await app.store.account(username: "sportello")!.operatore, limit: 5).isEmpty)
    }

    @Test func malformedJSONAndWrongTypesAre400() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let s = try await client.login("sportello")
            let malformed = try await client.request(.post, "/api/v1/persone", raw: #"{"codiceFiscale": "#, as: s)
            #expect(malformed.status == .badRequest)
            #expect(try malformed.json([String: JSONValue].self)["code"]?.string == "richiesta_non_valida")
            let wrongType = try await client.request(.post, "/api/v1/pratiche", raw: #"{"personaId":"uno","tipo":"misura_b2","oggetto":"x"}"#, as: s)
            #expect(wrongType.status == .badRequest)
            #expect(try wrongType.json([String: JSONValue].self)["message"]?.string?.contains("personaId") == true)
            var h = s.headers
            h[.contentType] = "text/plain"
            let notJSON = try await client.executeRequest(uri: "/api/v1/pratiche", method: .post, headers: h, body: ByteBuffer(string: "ciao"))
            #expect(notJSON.status == .unsupportedMediaType)
            let badLogin = try await client.request(.post, "/api/v1/session", raw: #"{"username": 5}"#)
            #expect(badLogin.status == .badRequest)
        }
    }

    @Test func unknownOrMalformedIdsAre404() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let s = try await client.login("sportello")
            for path in ["/api/v1/persone/999", "/api/v1/persone/abc", "/api/v1/pratiche/0", "/api/v1/documenti/999/contenuto", "/api/v1/non-esiste"] {
                let r = try await client.request(.get, path, as: s)
                #expect(r.status == .notFound, "\(path)")
                #expect(try r.json([String: JSONValue].self)["code"]?.string == "non_trovato")
            }
            let p = try await client.request(.post, "/api/v1/pratiche", raw: #"{"personaId":999,"tipo":"misura_b2","oggetto":"x"}"#, as: s)
            #expect(p.status == .notFound)
        }
    }

    @Test func uploadOverTheLimitIs413AndStoresNothing() async throws {
        let app = try await TestApp(maxUploadBytes: 1024)
        let before = try await app.store.verifyAudit().entries
        try await app.run { client in
            let s = try await client.login("sportello")
            var h = s.headers
            h[.contentType] = "application/pdf"
            let big = try await client.executeRequest(uri: "/api/v1/pratiche/1/documenti?nome=grande.pdf", method: .post, headers: h, body: ByteBuffer(repeating: 7, count: 4096))
            #expect(big.status == .contentTooLarge)
            #expect(try big.json([String: JSONValue].self)["code"]?.string == "file_troppo_grande")
            let noName = try await client.executeRequest(uri: "/api/v1/pratiche/1/documenti", method: .post, headers: h, body: ByteBuffer(repeating: 7, count: 10))
            #expect(noName.status == .unprocessableContent)
            let empty = try await client.executeRequest(uri: "/api/v1/pratiche/1/documenti?nome=vuoto.pdf", method: .post, headers: h, body: ByteBuffer())
            #expect(empty.status == .unprocessableContent)
            let small = try await client.executeRequest(uri: "/api/v1/pratiche/1/documenti?nome=piccolo.pdf", method: .post, headers: h, body: ByteBuffer(repeating: 7, count: 1024))
            #expect(small.status == .created)
        }
        let docs = try await app.store.documenti(praticaID: 1, for: try await app.store.account(username: "sportello")!.operatore)
        #expect(docs.map(\.nome) == ["domanda.txt", "piccolo.pdf"])
        // Refused uploads leave no partial file in the staging area.
        let staging = app.dir.appendingPathComponent("documenti/tmp").path
        #expect(try FileManager.default.contentsOfDirectory(atPath: staging).isEmpty)
        #expect(try await app.store.verifyAudit().entries == before + 2)  // login + the one accepted upload
    }

    @Test func invalidQueryValuesAreNamed() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let s = try await client.login("dirigente")
            let r = try await client.request(.get, "/api/v1/pratiche?stato=chiusa", as: s)
            #expect(r.status == .unprocessableContent)
            let ok = try await client.request(.get, "/api/v1/pratiche?stato=sospesa_integrazione", as: s)
            #expect(try ok.json([JSONValue].self).compactMap { $0["stato"]?.string } == ["sospesa_integrazione"])
        }
    }
}

@Suite("Server reale su loopback")
struct LiveServerTests {
    @Test func declaredOversizeUploadIsRefusedBeforeReading() async throws {
        let app = try await TestApp(maxUploadBytes: 2048)
        try await app.run(live: true) { client in
            let s = try await client.login("sportello")
            var h = s.headers
            h[.contentType] = "application/pdf"
            let big = try await client.executeRequest(uri: "/api/v1/pratiche/1/documenti?nome=grande.pdf", method: .post, headers: h, body: ByteBuffer(repeating: 1, count: 8192))
            #expect(big.status == .contentTooLarge)
            let ok = try await client.executeRequest(uri: "/api/v1/pratiche/1/documenti?nome=ok.pdf", method: .post, headers: h, body: ByteBuffer(repeating: 1, count: 2048))
            #expect(ok.status == .created)
            #expect(try await client.request(.get, "/healthz").status == .ok)
        }
    }
}
