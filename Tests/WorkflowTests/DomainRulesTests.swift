import Testing
import Workflow

@Suite("Regole di dominio")
struct DomainRulesTests {
    @Test func civilDateRejectsImpossibleDays() {
        #expect(CivilDate(iso: "2024-02-29") != nil)
        #expect(CivilDate(iso: "2023-02-29") == nil)
        #expect(CivilDate(iso: "1900-02-29") == nil)
        #expect(CivilDate(iso: "2000-02-29") != nil)
        #expect(CivilDate(iso: "2026-13-01") == nil)
        #expect(CivilDate(iso: "26-01-01") == nil)
        #expect(CivilDate(iso: "2026-01-05")?.italian == "05/01/2026")
    }

    @Test func nucleoNeedsExactlyOneIntestatarioAndNoDuplicates() {
        #expect(throws: WorkflowError.self) { try Nucleo.validate([.init(personaID: 1, relazione: .coniuge)]) }
        #expect(throws: WorkflowError.self) {
            try Nucleo.validate([.init(personaID: 1, relazione: .intestatario), .init(personaID: 1, relazione: .figlio)])
        }
        #expect(throws: Never.self) {
            try Nucleo.validate([.init(personaID: 1, relazione: .intestatario), .init(personaID: 2, relazione: .figlio)])
        }
    }

    @Test func praticaInputNamesMissingFieldsAndUnknownType() {
        do {
            _ = try PraticaInput(personaId: nil, tipo: "bonus_inventato", oggetto: " ").validated(types: ["contributo_economico"])
            Issue.record("validation should fail")
        } catch {
            #expect(Set(error.fields.map(\.field)) == ["personaId", "tipo", "oggetto"])
        }
        #expect(throws: Never.self) { try PraticaInput(personaId: 1, tipo: "contributo_economico", oggetto: "Affitto").validated(types: ["contributo_economico"]) }
    }

    @Test(arguments: Role.allCases)
    func rolePermissionsFollowTheMatrix(role: Role) {
        let readsCases = role.allows(.readPratiche)
        #expect(readsCases == (role != .amministratore))
        #expect(role.allows(.manageUsers) == (role == .amministratore))
        #expect(role.allows(.writePersone) == [.sportello, .assistenteSociale].contains(role))
        #expect(role.allows(.readPersone) == [.sportello, .assistenteSociale, .dirigente].contains(role))
    }

    @Test func documentNamesAreChecked() {
        #expect(throws: WorkflowError.self) { try Documento.validateName("../segreto") }
        #expect(throws: WorkflowError.self) { try Documento.validateName("") }
        #expect(throws: WorkflowError.self) { try Documento.validateName("a\u{0}b") }
        #expect(throws: Never.self) { try Documento.validateName("Domanda contributo – Rossi.pdf") }
    }
}
