import Crypto
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Storage
import Testing
import Workflow

@testable import ActsServer

@Suite("Percorso completo via API")
struct APIWalkTests {
    @Test func loginPersonaPraticaUploadDownload() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let s = try await client.login("sportello")
            // New persona, fields derived from the codice fiscale.
            let cf = CodiceFiscale.compute(cognome: "Gallo", nome: "Franca", sesso: .femmina, dataNascita: CivilDate(iso: "1961-04-18")!, belfiore: "B157")
            let created = try await client.request(.post, "/api/v1/persone", json: ["codiceFiscale": cf, "cognome": "Gallo", "nome": "Franca"], as: s)
            #expect(created.status == .created)
            let persona = try created.json([String: JSONValue].self)
            #expect(persona["sesso"]?.string == "F")
            #expect(persona["dataNascita"]?.string == "1961-04-18")
            #expect(persona["luogoNascitaDescrizione"]?.string == "BRESCIA (BS)")
            let personaID = try #require(persona["id"]?.int)
            #expect(created.headers[.location] == "/api/v1/persone/\(personaID)")

            // Pratica for that persona.
            let pr = try await client.request(.post, "/api/v1/pratiche", json: PraticaInput(personaId: personaID, tipo: "contributo_economico", oggetto: "Contributo per utenze domestiche"), as: s)
            #expect(pr.status == .created)
            let pratica = try pr.json([String: JSONValue].self)
            #expect(pratica["stato"]?.string == "presentata")
            #expect(pratica["numero"]?.string == "2026/000006")
            let praticaID = try #require(pratica["id"]?.int)

            // Upload binary content (every byte value, plus random bytes).
            var rng = SystemRandomNumberGenerator()
            let content = (0...255).map { UInt8($0) } + (0..<200_000).map { _ in UInt8.random(in: 0...255, using: &rng) }
            var h = s.headers
            h[.contentType] = "application/pdf"
            let up = try await client.executeRequest(uri: "/api/v1/pratiche/\(praticaID)/documenti?nome=Domanda%20Gallo.pdf", method: .post, headers: h, body: ByteBuffer(bytes: content))
            #expect(up.status == .created)
            let doc = try up.json([String: JSONValue].self)
            let expected = SHA256.hash(data: content).map { String(format: "%02x", $0) }.joined()
            #expect(doc["impronta"]?.string == expected)
            #expect(doc["nome"]?.string == "Domanda Gallo.pdf")
            #expect(doc["dimensione"]?.int == Int64(content.count))
            let docID = try #require(doc["id"]?.int)

            // Download: byte-identical, with the impronta in the headers.
            let down = try await client.request(.get, "/api/v1/documenti/\(docID)/contenuto", as: s)
            #expect(down.status == .ok)
            #expect(Array(down.body.readableBytesView) == content)
            #expect(down.headers[.contentType] == "application/pdf")
            #expect(down.headers[HTTPField.Name("X-Impronta")!] == expected)
            #expect(down.headers[HTTPField.Name("Repr-Digest")!] == "sha-256=:\(Data(SHA256.hash(data: content)).base64EncodedString()):")

            let list = try await client.request(.get, "/api/v1/pratiche/\(praticaID)/documenti", as: s)
            #expect(try list.json([JSONValue].self).compactMap { $0["impronta"]?.string } == [expected])

            // Logout ends the session.
            #expect(try await client.request(.delete, "/api/v1/session", as: s).status == .noContent)
            #expect(try await client.request(.get, "/api/v1/pratiche", as: s).status == .unauthorized)
        }
        #expect(try await app.store.verifyAudit().isIntact)
        let actions = try await app.store.recentAudit(limit: 5).map(\.action)
        #expect(actions.starts(with: ["sessione.logout", "documento.add", "pratica.create", "persona.create", "sessione.login"]))
    }

    @Test func knownCodiceFiscaleReturnsTheExistingPersona() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let s = try await client.login("assistente_sociale")
            let mario = CodiceFiscale.compute(cognome: "Rossi", nome: "Mario", sesso: .maschio, dataNascita: CivilDate(iso: "1948-03-15")!, belfiore: "F205")
            let again = try await client.request(.post, "/api/v1/persone", json: ["codiceFiscale": mario.lowercased(), "cognome": "Rossi", "nome": "Mario"], as: s)
            #expect(again.status == .ok)
            #expect(try again.json([String: JSONValue].self)["creata"] == .bool(false))
            let search = try await client.request(.get, "/api/v1/persone?q=\(mario)", as: s)
            #expect(try search.json([JSONValue].self).count == 1)
        }
    }

    @Test func nucleoAndReteThroughTheAPI() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let s = try await client.login("sportello")
            let nucleo = try await client.request(.get, "/api/v1/persone/1/nucleo", as: s)
            #expect(nucleo.status == .ok)
            #expect(try nucleo.json([String: JSONValue].self)["membri"]?.array.count == 2)
            let conflict = try await client.request(.post, "/api/v1/nuclei", json: ["membri": [["personaId": 2, "relazione": "intestatario"]]] as [String: [[String: JSONEncodable]]], as: s)
            #expect(conflict.status == .conflict)
            let ok = try await client.request(.post, "/api/v1/nuclei", json: ["membri": [["personaId": 4, "relazione": "intestatario"], ["personaId": 5, "relazione": "convivente"]]] as [String: [[String: JSONEncodable]]], as: s)
            #expect(ok.status == .created)
            let legame = try await client.request(.post, "/api/v1/persone/4/rete", json: ["tipo": "servizio", "descrizione": "Centro per l'impiego"], as: s)
            #expect(legame.status == .created)
            let rete = try await client.request(.get, "/api/v1/persone/4/rete", as: s)
            #expect(try rete.json([JSONValue].self).first?["descrizione"]?.string == "Centro per l'impiego")
        }
    }
}

/// Heterogeneous JSON values for request bodies in tests.
enum JSONEncodable: Encodable, ExpressibleByIntegerLiteral, ExpressibleByStringLiteral, Sendable {
    case int(Int), string(String), array([String])
    init(integerLiteral value: Int) { self = .int(value) }
    init(stringLiteral value: String) { self = .string(value) }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .int(let i): try c.encode(i)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        }
    }
}
