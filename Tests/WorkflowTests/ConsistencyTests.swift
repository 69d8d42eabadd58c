import Testing
import Workflow

@Suite("Coerenza del codice fiscale con l'anagrafica")
struct ConsistencyTests {
    let catalog = CatalogFixture.catalog

    func check(_ cf: String, _ cognome: String, _ nome: String, _ sex: Sesso, _ birth: String, _ place: String) throws -> CodiceFiscale.Consistency {
        try CodiceFiscale(cf).consistency(cognome: cognome, nome: nome, sesso: sex, dataNascita: CatalogFixture.date(birth), luogoNascita: place, catalog: catalog)
    }

    @Test func consistentDataHasNoIssues() throws {
        let r = try check("BNCNNA52S42F205G", "Bianchi", "Anna", .femmina, "1952-11-02", "F205")
        #expect(r.errors.isEmpty && r.warnings.isEmpty)
    }

    @Test func sexMismatchIsAnError() throws {
        let r = try check("BNCNNA52S42F205G", "Bianchi", "Anna", .maschio, "1952-11-02", "F205")
        #expect(r.errors.map(\.field) == ["sesso"])
    }

    @Test func birthDateMismatchIsAnError() throws {
        let r = try check("BNCNNA52S42F205G", "Bianchi", "Anna", .femmina, "1952-11-03", "F205")
        #expect(r.errors.map(\.field) == ["dataNascita"])
        let century = try check("BNCNNA52S42F205G", "Bianchi", "Anna", .femmina, "1962-11-02", "F205")
        #expect(century.errors.map(\.field) == ["dataNascita"])
    }

    @Test func birthplaceMismatchIsAnError() throws {
        let r = try check("BNCNNA52S42F205G", "Bianchi", "Anna", .femmina, "1952-11-02", "L219")
        #expect(r.errors.map(\.field) == ["luogoNascita"])
        #expect(r.errors[0].message.contains("MILANO"))
    }

    @Test func comuneThatDidNotYetExistIsAnError() throws {
        // Valsamoggia (M320) was instituted on 2014-01-01.
        let cf1990 = CodiceFiscale.compute(cognome: "Neri", nome: "Ada", sesso: .femmina, dataNascita: CatalogFixture.date("1990-06-01"), belfiore: "M320")
        #expect(try check(cf1990, "Neri", "Ada", .femmina, "1990-06-01", "M320").errors.map(\.field) == ["luogoNascita"])
        let cf2015 = CodiceFiscale.compute(cognome: "Neri", nome: "Ada", sesso: .femmina, dataNascita: CatalogFixture.date("2015-06-01"), belfiore: "M320")
        #expect(try check(cf2015, "Neri", "Ada", .femmina, "2015-06-01", "M320").errors.isEmpty)
    }

    @Test func ceasedComuneIsValidForBirthsWhileItExisted() throws {
        // Abbadia Sopra Adda (A002) ceased on 1928-03-06.
        let before = CodiceFiscale.compute(cognome: "Riva", nome: "Pietro", sesso: .maschio, dataNascita: CatalogFixture.date("1920-05-05"), belfiore: "A002")
        #expect(try check(before, "Riva", "Pietro", .maschio, "1920-05-05", "A002").errors.isEmpty)
        let after = CodiceFiscale.compute(cognome: "Riva", nome: "Pietro", sesso: .maschio, dataNascita: CatalogFixture.date("1950-05-05"), belfiore: "A002")
        #expect(try check(after, "Riva", "Pietro", .maschio, "1950-05-05", "A002").errors.map(\.field) == ["luogoNascita"])
    }

    @Test func ceasedForeignStateIsValidBeforeItsEnd() throws {
        #expect(try check("KVCVNI75E70Z118F", "Kovač", "Ivana", .femmina, "1975-05-30", "Z118").errors.isEmpty)
        let late = CodiceFiscale.compute(cognome: "Kovač", nome: "Ivana", sesso: .femmina, dataNascita: CatalogFixture.date("2010-05-30"), belfiore: "Z118")
        #expect(try check(late, "Kovač", "Ivana", .femmina, "2010-05-30", "Z118").errors.map(\.field) == ["luogoNascita"])
    }

    @Test func unknownBelfioreCodeIsAnError() throws {
        let cf = CodiceFiscale.compute(cognome: "Neri", nome: "Ada", sesso: .femmina, dataNascita: CatalogFixture.date("1990-06-01"), belfiore: "Z999")
        #expect(try check(cf, "Neri", "Ada", .femmina, "1990-06-01", "Z999").errors.map(\.field) == ["codiceFiscale"])
    }

    @Test func nameLettersMismatchIsOnlyAWarning() throws {
        let r = try check("BNCNNA52S42F205G", "Bertoni", "Anna", .femmina, "1952-11-02", "F205")
        #expect(r.errors.isEmpty)
        #expect(r.warnings.map(\.field) == ["cognome"])
    }

    @Test func catalogKnowsComuniAndStates() {
        #expect(catalog.count > 9000)
        #expect(catalog.displayName(of: "F205") == "MILANO (MI)")
        #expect(catalog.periods(of: "Z105").first?.isForeign == true)
    }
}
