import Foundation
import Testing
import Workflow

@testable import ActsServer

@Suite("Configurazione dei tipi di procedimento")
struct ProcedureConfigurationTests {
    @Test func shippedConfigurationsLoad() throws {
        let catalog = try ProcedureCatalog.load(directory: TestApp.repository.appendingPathComponent("config/procedimenti").path)
        let demo = catalog.configuration(forEnte: "c_x000")
        #expect(demo.tipi.count == 6)
        #expect(demo.calendar.isNonWorking(CivilDate(iso: "2026-12-07")!))  // Sant'Ambrogio for the demo ente
        #expect(!catalog.configuration(forEnte: "c_x001").calendar.isNonWorking(CivilDate(iso: "2026-12-07")!))  // default: no patron
        #expect(demo.tipi["pasti_domicilio"]?.type.silenzioAssenso == true)
        #expect(demo.tipi["contributo_economico"]?.type.allows(["rdp"], .avvioComunicato) == true)
        #expect(demo.tipi["contributo_economico"]?.type.allows(["sportello"], .determinaFirmata) == false)
    }

    @Test func everyProblemIsNamed() {
        let bad = Data("""
            {"formato":"acts-procedimenti/1","patrono":{"month_day":"13-40"},
             "roles":{"istanza_presentata":["sportello"],"evento_strano":["x"]},
             "tipi":[
               {"codice":"a","descrizione":"A","term_days":0,"silenzio_assenso":false,"decisione_accelerata":false},
               {"codice":"b_ok","descrizione":"B","term_days":30,"silenzio_assenso":false,"decisione_accelerata":false,"roles":{"determina_firmata":["dirigente"]}},
               {"codice":"b_ok","descrizione":"B2","term_days":30,"silenzio_assenso":false,"decisione_accelerata":false}
             ]}
            """.utf8)
        do {
            _ = try ProcedureConfiguration.parse(bad, source: "prova.json")
            Issue.record("la configurazione errata deve essere rifiutata")
        } catch let error as ProcedureConfiguration.Invalid {
            let text = error.description
            for expected in ["13-40", "evento_strano", "codice non valido", "term_days", "codice duplicato", "determina_firmata"] {
                #expect(text.contains(expected), "\(expected) in: \(text)")
            }
        } catch {
            Issue.record("errore inatteso: \(error)")
        }
    }

    @Test func malformedJSONIsReported() {
        #expect(throws: ProcedureConfiguration.Invalid.self) { try ProcedureConfiguration.parse(Data("{\"formato\": 1}".utf8), source: "x.json") }
    }
}
