import Foundation
import Testing
import Workflow

@testable import ActsServer

/// The development scenarios (copied from shared/procedure-scenarios/dev) replayed through the engine the
/// server uses; every field of every event must match the scenario's `expected`.
@Suite("Scenari dei procedimenti (L. 241/1990)")
struct ProcedureScenarioTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/procedure-scenarios")
    static let files: [String] = (try? FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted()) ?? []

    @Test func fixturesArePresent() {
        #expect(Self.files.count >= 17)
    }

    @Test(arguments: files)
    func scenarioReplaysAsExpected(file: String) throws {
        let data = try Data(contentsOf: Self.directory.appendingPathComponent(file))
        let lines = try ScenarioReplayer.replay(data)
        let scenario = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let events = scenario["events"] as! [[String: Any]]
        #expect(lines.count == events.count)
        for (line, event) in zip(lines, events) {
            let expected = event["expected"] as! [String: Any]
            let got = try JSONSerialization.jsonObject(with: Data(line.json.utf8)) as! [String: Any]
            for key in ["accepted", "error", "state", "deadline", "days_elapsed", "days_remaining", "suspended", "late", "determina"] {
                #expect(String(describing: got[key] ?? "∅") == String(describing: expected[key] ?? "∅"), "\(file) evento \(line.index) (\(line.event.rawValue)): \(key)")
            }
        }
    }

    /// A minimal valid scenario to mutate.
    static func scenario(events: String) -> Data {
        Data("""
            {"format":"procedure-scenario/1","calendar":{"timezone":"Europe/Rome","years":[2025],"holidays":["2025-01-01"],"patrono":null},
             "procedure_type":{"codice":"X","term_days":30,"silenzio_assenso":false,"decisione_accelerata":false,"documenti_d_ufficio":[],
               "roles":{"istanza_presentata":["sportello"],"protocollata":["sportello"],"preavviso_10bis_inviato":["rdp"],"proposta_redatta":["rdp"]}},
             "events":[\(events)]}
            """.utf8)
    }

    static let istanza = #"{"type":"istanza_presentata","at":"2025-03-03T09:00:00+01:00","actor":{"id":"a","role":"sportello"},"data":{}}"#

    @Test(arguments: [
        #"{"type":"istanza_inventata","at":"2025-03-03T09:00:00+01:00","actor":{"role":"sportello"}}"#,  // unknown type
        #"{"type":"istanza_presentata","at":"2025-03-03T09:00:00","actor":{"role":"sportello"}}"#,  // no offset
        #"{"type":"protocollata","at":"2025-03-03T09:00:00+01:00","actor":{"role":"sportello"}}"#,  // first is not the istanza
        #"{"type":"istanza_presentata","at":"2025-03-03T09:00:00+01:00","actor":{"role":"rdp"}}"#,  // first refused (role)
        istanza + #",{"type":"protocollata","at":"2025-03-02T09:00:00+01:00","actor":{"role":"sportello"}}"#,  // backwards
        istanza + #",{"type":"preavviso_10bis_inviato","at":"2025-03-04T09:00:00+01:00","actor":{"role":"rdp"},"data":{}}"#,  // no consegnato_il
        istanza + #",{"type":"proposta_redatta","at":"2025-03-04T09:00:00+01:00","actor":{"role":"rdp"},"data":{"esito":"forse"}}"#,  // bad esito
    ])
    func invalidFilesAreRejected(events: String) {
        #expect(throws: ScenarioReplayer.InvalidScenario.self) { try ScenarioReplayer.replay(Self.scenario(events: events)) }
    }

    @Test func dayIsTheDateInRome() throws {
        // 22:40 UTC on 30 June is 1 July in Rome: the term runs from 1 July.
        let lines = try ScenarioReplayer.replay(Self.scenario(events: #"{"type":"istanza_presentata","at":"2025-06-30T22:40:00Z","actor":{"role":"sportello"}}"#))
        #expect(lines[0].outcome.snapshot.deadline == CivilDate(iso: "2025-07-31"))
    }
}
