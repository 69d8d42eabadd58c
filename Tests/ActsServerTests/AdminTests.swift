import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Storage
import Testing
import Workflow

@testable import ActsServer

@Suite("Amministrazione: utenti e verifica dell'audit")
struct AdminTests {
    @Test func amministratoreManagesTheEntesUsers() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let admin = try await client.login("amministratore")
            let list = try await client.request(.get, "/api/v1/utenti", as: admin).json([JSONValue].self)
            #expect(list.compactMap { $0["username"]?.string } == ["amministratore", "assistente_sociale", "dirigente", "protocollo", "sportello"])
            #expect(list.first { $0["username"]?.string == "dirigente" }?["funzioni"]?.array.compactMap(\.string) == ["responsabile_servizio", "titolare_potere_sostitutivo"])

            let bad = try await client.request(.post, "/api/v1/utenti", raw: #"{"username":"X","ruolo":"capo","password":"corta","funzioni":["rdp"]}"#, as: admin)
            #expect(bad.status == .unprocessableContent)
            #expect(Set(try bad.json([String: JSONValue].self)["campi"]?.array.compactMap { $0["campo"]?.string } ?? []) == ["username", "ruolo", "password", "funzioni"])

            let created = try await client.request(.post, "/api/v1/utenti", raw: #"{"username":"m.bianchi","nome":"Maria Bianchi","ruolo":"assistente_sociale","password":"una-password-lunga"}"#, as: admin)
            #expect(created.status == .created)
            let id = try #require(try created.json([String: JSONValue].self)["id"]?.int)
            let maria = try await client.login("m.bianchi", password: "una-password-lunga")
            #expect(try await client.request(.get, "/api/v1/pratiche", as: maria).status == .ok)
            #expect(try await client.request(.post, "/api/v1/utenti", raw: #"{"username":"m.bianchi","ruolo":"sportello","password":"una-password-lunga"}"#, as: admin).status == .conflict)

            // Disabling ends the session at once and blocks new logins.
            let off = try await client.request(.patch, "/api/v1/utenti/\(id)", raw: #"{"attivo":false}"#, as: admin)
            #expect(try off.json([String: JSONValue].self)["attivo"] == .bool(false))
            #expect(try await client.request(.get, "/api/v1/pratiche", as: maria).status == .unauthorized)
            #expect(try await client.request(.post, "/api/v1/session", json: ["username": "m.bianchi", "password": "una-password-lunga"]).status == .unauthorized)
            #expect(try await client.request(.patch, "/api/v1/utenti/\(id)", raw: #"{"attivo":true,"password":"nuova-password-lunga","funzioni":["responsabile_servizio"]}"#, as: admin).status == .ok)
            #expect(try await client.request(.post, "/api/v1/session", json: ["username": "m.bianchi", "password": "nuova-password-lunga"]).status == .created)

            let selfDisable = try await client.request(.patch, "/api/v1/utenti/\(try #require(list.first { $0["username"]?.string == "amministratore" }?["id"]?.int))", raw: #"{"attivo":false}"#, as: admin)
            #expect(selfDisable.status == .unprocessableContent)
        }
        #expect(try await app.store.verifyAudit().isIntact)
    }

    @Test func onlyTheAmministratoreAndOnlyInItsEnte() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let sportello = try await client.login("sportello")
            #expect(try await client.request(.get, "/api/v1/utenti", as: sportello).status == .forbidden)
            #expect(try await client.request(.get, "/api/v1/audit/verifica", as: sportello).status == .forbidden)
            let admin = try await client.login("amministratore")
            let other = try #require(try await app.store.account(username: "sportello_prova")).operatore.userID
            #expect(try await client.request(.patch, "/api/v1/utenti/\(other)", raw: #"{"attivo":false}"#, as: admin).status == .notFound)
            let audit = try await client.request(.get, "/api/v1/audit/verifica", as: admin).json([String: JSONValue].self)
            #expect(audit["integro"] == .bool(true))
            #expect((audit["voci"]?.int ?? 0) > 20)
        }
    }
}
