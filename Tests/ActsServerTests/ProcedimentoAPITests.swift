import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Storage
import Testing
import Workflow

@testable import ActsServer

@Suite("Procedimento via API: dall'istanza all'esito")
struct ProcedimentoAPITests {
    struct Body: Encodable {
        let tipo: String
        let dati: [String: JSONEncodable]
    }

    func event(_ client: some TestClientProtocol, _ s: Login, pratica: Int64, _ tipo: String, _ dati: [String: JSONEncodable] = [:]) async throws -> TestResponse {
        try await client.request(.post, "/api/v1/pratiche/\(pratica)/eventi", json: Body(tipo: tipo, dati: dati), as: s)
    }

    func code(_ r: TestResponse) throws -> String? { try r.json([String: JSONValue].self)["code"]?.string }

    @Test func fromIstanzaToCommunicatedRejection() async throws {
        let app = try await TestApp(sessionHours: 24 * 60)  // the test moves the clock by weeks
        let clock = app.clock
        try await app.run { client in
            let sportello = try await client.login("sportello")
            let protocollo = try await client.login("protocollo")
            let dirigente = try await client.login("dirigente")
            let assistente = try await client.login("assistente_sociale")
            let assistenteID = try #require(try await client.request(.get, "/api/v1/session", as: assistente).json([String: JSONValue].self)["id"]?.int)

            // Istanza at the desk on Monday 23 Nov 2026: 30 days, not counting that day → Wed 23 Dec 2026.
            let created = try await client.request(.post, "/api/v1/pratiche", raw: #"{"personaId":4,"tipo":"contributo_economico","oggetto":"Contributo affitto"}"#, as: sportello)
            #expect(created.status == .created)
            let id = try #require(try created.json([String: JSONValue].self)["id"]?.int)
            var status = try await client.request(.get, "/api/v1/pratiche/\(id)/procedimento", as: sportello).json([String: JSONValue].self)
            #expect(status["procedimento"]?["stato"]?.string == "presentata")
            #expect(status["procedimento"]?["scadenza"]?.string == "2026-12-23")

            #expect(try await event(client, protocollo, pratica: id, "protocollata").status == .created)
            // The avvio belongs to the responsabile del procedimento: until one is assigned, the head of the unit
            // (the demo dirigente is responsabile_servizio), not the assistente sociale.
            let early = try await event(client, assistente, pratica: id, "avvio_comunicato")
            #expect(early.status == .forbidden)
            #expect(try code(early) == "forbidden")
            #expect(try await event(client, dirigente, pratica: id, "verifica").status == .ok)
            let roles = try await app.deps.procedureService.roles(of: try #require(try await app.store.account(username: "dirigente")).operatore, for: try await app.store.pratica(id: id, for: try #require(try await app.store.account(username: "dirigente")).operatore))
            #expect(roles.contains("rdp"))
            #expect(try await client.request(.put, "/api/v1/pratiche/\(id)/responsabile", raw: "{\"userId\":\(assistenteID)}", as: sportello).status == .forbidden)
            #expect(try await client.request(.put, "/api/v1/pratiche/\(id)/responsabile", raw: "{\"userId\":\(assistenteID)}", as: dirigente).status == .ok)
            #expect(try await event(client, assistente, pratica: id, "avvio_comunicato").status == .created)

            // Integrazione: not for documents another PA holds; once only.
            clock.advance(days: 2)
            let held = try await event(client, assistente, pratica: id, "richiesta_integrazione", ["documenti": .array(["attestazione_isee"])])
            #expect(held.status == .conflict)
            #expect(try code(held) == "held_by_pa")
            let asked = try await event(client, assistente, pratica: id, "richiesta_integrazione", ["documenti": .array(["contratto_locazione"])])
            #expect(asked.status == .created)
            #expect(try asked.json([String: JSONValue].self)["procedimento"]?["sospeso"] == .bool(true))
            clock.advance(days: 5)  // received on 30 Nov: 5 suspended days → deadline 28 Dec 2026 (Monday)
            #expect(try await event(client, sportello, pratica: id, "integrazione_ricevuta").status == .created)
            status = try await client.request(.get, "/api/v1/pratiche/\(id)/procedimento", as: sportello).json([String: JSONValue].self)
            #expect(status["procedimento"]?["stato"]?.string == "istruttoria")
            #expect(status["procedimento"]?["scadenza"]?.string == "2026-12-28")
            #expect(try code(try await event(client, assistente, pratica: id, "richiesta_integrazione", ["documenti": .array(["altro"])])) == "suspension_already_used")

            // A rejection needs the preavviso and its 10 days.
            clock.advance(days: 1)
            #expect(try code(try await event(client, assistente, pratica: id, "proposta_redatta", ["esito": "diniego"])) == "preavviso_required")
            let missing = try await event(client, assistente, pratica: id, "preavviso_10bis_inviato")
            #expect(missing.status == .unprocessableContent)
            #expect(try await event(client, assistente, pratica: id, "preavviso_10bis_inviato", ["consegnato_il": "2026-12-01"]).status == .created)
            clock.advance(days: 3)
            #expect(try code(try await event(client, assistente, pratica: id, "proposta_redatta", ["esito": "diniego"])) == "preavviso_window_open")
            clock.advance(days: 8)  // 12 Dec: window (until 11 Dec) closed without observations
            #expect(try await event(client, assistente, pratica: id, "proposta_redatta", ["esito": "diniego"]).status == .created)
            #expect(try code(try await event(client, assistente, pratica: id, "determina_firmata")) == "forbidden")
            let signed = try await event(client, dirigente, pratica: id, "determina_firmata")
            #expect(signed.status == .created)
            let outcome = try signed.json([String: JSONValue].self)
            #expect(outcome["determina"]?.string == "2/2026")  // the demo data adopted n. 1/2026
            #expect(outcome["procedimento"]?["stato"]?.string == "decisa_respinta")
            #expect(try await event(client, assistente, pratica: id, "comunicazione_esito_inviata").status == .created)
            #expect(try code(try await event(client, sportello, pratica: id, "rinuncia")) == "procedure_closed")

            status = try await client.request(.get, "/api/v1/pratiche/\(id)/procedimento", as: dirigente).json([String: JSONValue].self)
            #expect(status["eventi"]?.array.compactMap { $0["tipo"]?.string } == [
                "istanza_presentata", "protocollata", "avvio_comunicato", "richiesta_integrazione", "integrazione_ricevuta",
                "preavviso_10bis_inviato", "proposta_redatta", "determina_firmata", "comunicazione_esito_inviata",
            ])
            let other = try await client.login("sportello_prova")
            #expect(try await event(client, other, pratica: id, "rinuncia").status == .notFound)
            #expect(try await client.request(.get, "/api/v1/pratiche/\(id)/procedimento", as: other).status == .notFound)
        }
        #expect(try await app.store.verifyAudit().isIntact)
    }

    @Test func alertsPerRoleAndTimingReport() async throws {
        let app = try await TestApp()
        try await app.deps.procedureService.refreshAlerts()
        try await app.run { client in
            let dirigente = try await client.login("dirigente")
            let all = try await client.request(.get, "/api/v1/scadenze", as: dirigente).json([JSONValue].self)
            let kinds = Set(all.compactMap { a in a["numero"]?.string.map { "\($0) \(a["avviso"]?.string ?? "")" } })
            #expect(kinds == ["2026/000003 scaduta", "2026/000003 potere_sostitutivo_dovuto", "2026/000005 in_scadenza"])
            // The assistente sociale is responsabile of the demo pratiche; the sportello of none.
            #expect(try await client.request(.get, "/api/v1/scadenze", as: try await client.login("assistente_sociale")).json([JSONValue].self).count == 3)
            #expect(try await client.request(.get, "/api/v1/scadenze", as: try await client.login("sportello")).json([JSONValue].self).isEmpty)
            // The cached state follows time: pratica 3 is now overdue.
            let overdue = try await client.request(.get, "/api/v1/pratiche?stato=inadempiente", as: dirigente).json([JSONValue].self)
            #expect(overdue.compactMap { $0["numero"]?.string } == ["2026/000003"])

            let report = try await client.request(.get, "/api/v1/report/tempi", as: dirigente).json([JSONValue].self)
            let pasti = try #require(report.first { $0["tipo"]?.string == "pasti_domicilio" })
            #expect(pasti["concluse"]?.int == 1)
            #expect(pasti["durataMassima"]?.int == 21)  // presented 25 days ago, decided 4 days ago
            let csv = try await client.request(.get, "/api/v1/report/tempi?formato=csv", as: dirigente)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.text.contains("pasti_domicilio;\"Pasti a domicilio\";30;1;0;21,0;21;0"))
        }
    }

    @Test func eventRequestsAreValidated() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let s = try await client.login("assistente_sociale")
            let unknown = try await event(client, s, pratica: 2, "evento_inventato")
            #expect(unknown.status == .unprocessableContent)
            let noEsito = try await event(client, s, pratica: 2, "proposta_redatta")
            #expect(try noEsito.json([String: JSONValue].self)["campi"]?.array.first?["campo"]?.string == "dati.esito")
            let admin = try await client.login("amministratore")
            #expect(try await event(client, admin, pratica: 2, "verifica").status == .forbidden)
            #expect(try await event(client, s, pratica: 2, "verifica").status == .ok)
        }
    }
}

@Suite("Procedimento: scritture concorrenti")
struct ProcedureConcurrencyTests {
    /// Many determinazioni signed at once on different pratiche get distinct, gap-free numbers.
    @Test func concurrentDeterminazioniAreNumberedWithoutGapsOrDuplicates() async throws {
        let app = try await TestApp()
        let service = app.deps.procedureService
        let store = app.store
        let sportello = try #require(try await store.account(username: "sportello")).operatore
        let protocollo = try #require(try await store.account(username: "protocollo")).operatore
        let dirigente = try #require(try await store.account(username: "dirigente")).operatore
        var ids: [Int64] = []
        for i in 0..<8 {
            let p = try await service.open(PraticaInput(personaId: 1 + Int64(i % 6), tipo: "contributo_economico", oggetto: "Contributo \(i)"), by: sportello)
            _ = try await service.apply(.protocollata, data: .init(), praticaID: p.id, by: protocollo)
            try await store.assignRDP(praticaID: p.id, userID: dirigente.userID, by: dirigente, at: TestApp.now)
            _ = try await service.apply(.avvioComunicato, data: .init(), praticaID: p.id, by: dirigente)
            var esito = ProcedureEvent.Data()
            esito.esito = .accoglimento
            _ = try await service.apply(.propostaRedatta, data: esito, praticaID: p.id, by: dirigente)
            ids.append(p.id)
        }
        let numbers = try await withThrowingTaskGroup(of: String?.self) { group in
            for id in ids { group.addTask { try await service.apply(.determinaFirmata, data: .init(), praticaID: id, by: dirigente).determina } }
            return try await group.reduce(into: [String]()) { if let n = $1 { $0.append(n) } }
        }
        // The demo data adopted 1/2026; these take 2…9 in some order.
        #expect(Set(numbers) == Set((2...9).map { "\($0)/2026" }))
        #expect(numbers.count == 8)
    }
}
