import Testing
import Workflow

@Suite("Validazione dell'anagrafica")
struct PersonaInputTests {
    let today = CatalogFixture.date("2026-11-23")

    func validate(_ input: PersonaInput) throws(WorkflowError) -> (PersonaData, [FieldIssue]) {
        try input.validated(catalog: CatalogFixture.catalog, today: today)
    }

    @Test func derivesSexDateAndPlaceFromTheCode() throws {
        let (data, warnings) = try validate(PersonaInput(codiceFiscale: "bncnna52s42f205g", cognome: " Bianchi ", nome: "Anna"))
        #expect(data.codiceFiscale == "BNCNNA52S42F205G")
        #expect(data.cognome == "Bianchi")
        #expect(data.sesso == .femmina)
        #expect(data.dataNascita == CatalogFixture.date("1952-11-02"))
        #expect(data.luogoNascita == "F205")
        #expect(warnings.isEmpty)
    }

    @Test func namesEveryMissingField() {
        do {
            _ = try validate(PersonaInput(codiceFiscale: nil, cognome: "", nome: nil))
            Issue.record("validation should fail")
        } catch {
            #expect(Set(error.fields.map(\.field)) == ["codiceFiscale", "cognome", "nome"])
        }
    }

    @Test func reportsInvalidDateAndContactsTogether() {
        let input = PersonaInput(
            codiceFiscale: "BNCNNA52S42F205G", cognome: "Bianchi", nome: "Anna", dataNascita: "1952-02-30",
            residenza: Residenza(cap: "2010"), contatti: Contatti(email: "anna@"))
        do {
            _ = try validate(input)
            Issue.record("validation should fail")
        } catch {
            #expect(Set(error.fields.map(\.field)) == ["dataNascita", "residenza.cap", "contatti.email"])
            #expect(error.fields.allSatisfy { !$0.message.isEmpty })
        }
    }

    @Test func rejectsFutureBirthDate() {
        #expect(throws: WorkflowError.self) {
            try validate(PersonaInput(codiceFiscale: "BNCNNA52S42F205G", cognome: "Bianchi", nome: "Anna", dataNascita: "2052-11-02"))
        }
    }

    @Test func rejectsDeclaredDataContradictingTheCode() {
        do {
            _ = try validate(PersonaInput(codiceFiscale: "BNCNNA52S42F205G", cognome: "Bianchi", nome: "Anna", sesso: "M", dataNascita: "1952-11-03", luogoNascita: "L219"))
            Issue.record("validation should fail")
        } catch {
            #expect(Set(error.fields.map(\.field)) == ["sesso", "dataNascita", "luogoNascita"])
        }
    }

    @Test func rejectsUnknownSexValue() {
        do {
            _ = try validate(PersonaInput(codiceFiscale: "BNCNNA52S42F205G", cognome: "Bianchi", nome: "Anna", sesso: "X"))
            Issue.record("validation should fail")
        } catch {
            #expect(error.fields.map(\.field) == ["sesso"])
        }
    }
}
