import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import Workflow

@testable import ActsServer

@Suite("Registro di protocollo via HTTP", .serialized)
struct RegisterAPITests {
    static func arrivo(_ oggetto: String, riservato: Bool = false, files: [[String: String]] = []) -> RegistrationBody {
        RegistrationBody(direzione: "arrivo", oggetto: oggetto, mittenti: [["denominazione": "Mario Rossi", "codiceFiscale": "RSSMRA48C15F205X"]],
                         classifica: "7.1", riservato: riservato, allegati: files)
    }

    struct RegistrationBody: Encodable {
        let direzione: String
        let oggetto: String
        let mittenti: [[String: String]]
        let classifica: String
        let riservato: Bool
        let allegati: [[String: String]]
    }

    @Test func eightConcurrentWritersGetNumbersOneToTwoThousandInTimeOrder() async throws {
        let app = try await TestApp()
        let (writers, each) = (8, 250)
        try await app.run(live: true) { client in
            let protocollo = try await client.login("protocollo")
            try await withThrowingTaskGroup(of: [Int].self) { group in
                for writer in 0..<writers {
                    group.addTask {
                        var numbers: [Int] = []
                        for index in 0..<each {
                            let response = try await client.request(.post, "/api/v1/registro", json: Self.arrivo("Istanza \(writer)-\(index)"), as: protocollo)
                            guard response.status == .created else { throw TestFailure("registrazione rifiutata: \(response.status)") }
                            numbers.append(Int(try response.json([String: JSONValue].self)["numero"]?.int ?? -1))
                        }
                        return numbers
                    }
                }
                var all: [Int] = []
                for try await numbers in group {
                    #expect(numbers == numbers.sorted(), "i numeri di uno stesso scrittore crescono")
                    all += numbers
                }
                #expect(all.sorted() == Array(1...writers * each))
            }
            let list = try await client.request(.get, "/api/v1/registro/PG/2026", as: protocollo)
            let entries = try list.json([[String: JSONValue]].self)
            #expect(entries.map { Int($0["numero"]?.int ?? 0) } == Array(1...writers * each))
            let times = entries.map { $0["registrataIl"]?.string ?? "" }
            #expect(times == times.sorted(), "l'ordine dei numeri è quello delle date e ore")
            let check = try await client.request(.get, "/api/v1/registro/verifica", as: protocollo)
            #expect(try check.json([String: JSONValue].self)["esito"]?.string == "integro")
        }
    }

    @Test func yearChangesAtMidnightInRomeNotInUTC() async throws {
        let app = try await TestApp()
        try await app.run { client in
            app.clock.set(try Date.ISO8601FormatStyle().parse("2026-12-31T22:59:59Z"))  // 23:59:59 in Rome
            let protocollo = try await client.login("protocollo")
            let last = try await client.request(.post, "/api/v1/registro", json: Self.arrivo("Ultima del 2026"), as: protocollo).json([String: JSONValue].self)
            app.clock.set(try Date.ISO8601FormatStyle().parse("2026-12-31T23:00:01Z"))  // 00:00:01 of 1 January in Rome
            let first = try await client.request(.post, "/api/v1/registro", json: Self.arrivo("Prima del 2027"), as: protocollo).json([String: JSONValue].self)
            #expect(last["anno"]?.int == 2026 && last["data"]?.string == "2026-12-31")
            #expect(first["anno"]?.int == 2027 && first["numero"]?.int == 1 && first["data"]?.string == "2027-01-01")
            #expect(first["numeroFormattato"]?.string == "0000001")
        }
    }

    @Test func rolesAnnulmentAndReservedEntries() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let protocollo = try await client.login("protocollo")
            let sportello = try await client.login("sportello")
            let assistente = try await client.login("assistente_sociale")
            #expect(try await client.request(.post, "/api/v1/registro", json: Self.arrivo("x"), as: sportello).status == .forbidden)
            let content = Data("Istanza firmata".utf8).base64EncodedString()
            let created = try await client.request(.post, "/api/v1/registro", json: Self.arrivo("Relazione sociale riservata", riservato: true,
                files: [["nome": "istanza.txt", "mimeType": "text/plain", "contenutoBase64": content]]), as: protocollo)
            #expect(created.status == .created)
            let entry = try created.json([String: JSONValue].self)
            let numero = Int(entry["numero"]?.int ?? 0)
            // The protocol office sees number and date of a reserved entry, not its subject; the social worker sees all.
            let seen = try await client.request(.get, "/api/v1/registro/PG/2026/\(numero)", as: try await client.login("dirigente")).json([String: JSONValue].self)
            #expect(seen["oggetto"]?.string == "Relazione sociale riservata")
            let other = try await client.request(.get, "/api/v1/registro/PG/2026", as: assistente).json([[String: JSONValue]].self)
            #expect(other.first?["oggetto"]?.string == "Relazione sociale riservata")
            let missing = try await client.request(.post, "/api/v1/registro", json: ["direzione": "arrivo"], as: protocollo)
            #expect(missing.status == .unprocessableContent)
            let noReason = try await client.request(.post, "/api/v1/registro/PG/2026/\(numero)/annullamento", json: ["motivo": "Errore"], as: protocollo)
            #expect(noReason.status == .unprocessableContent)
            let annulled = try await client.request(.post, "/api/v1/registro/PG/2026/\(numero)/annullamento",
                json: ["motivo": "Documento registrato due volte", "provvedimento": "Disposizione del responsabile n. 4 del 23/11/2026"], as: protocollo)
            #expect(annulled.status == .ok)
            #expect(try annulled.json([String: JSONValue].self)["annullata"]?.bool == true)
            let again = try await client.request(.post, "/api/v1/registro", json: Self.arrivo("Altra istanza"), as: protocollo)
            #expect(try again.json([String: JSONValue].self)["numero"]?.int == Int64(numero + 1))
        }
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
