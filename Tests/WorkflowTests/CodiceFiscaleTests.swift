import Testing
import Workflow

@Suite("Codice fiscale")
struct CodiceFiscaleTests {
    // Vectors computed with an independent implementation (PyPI `codicefiscale`).
    @Test(arguments: [
        ("RSSMRA48C15F205N", "RSS", "MRA", 48, 3, 15, Sesso.maschio, "F205"),
        ("BNCNNA52S42F205G", "BNC", "NNA", 52, 11, 2, Sesso.femmina, "F205"),
        ("DNGGCR60B29Z118Q", "DNG", "GCR", 60, 2, 29, Sesso.maschio, "Z118"),
        ("FOXGUO01A01L219Z", "FOX", "GUO", 1, 1, 1, Sesso.maschio, "L219"),
        ("KVCVNI75E70Z118F", "KVC", "VNI", 75, 5, 30, Sesso.femmina, "Z118"),
    ])
    func decodesValidCodes(cf: String, surname: String, name: String, yy: Int, month: Int, day: Int, sex: Sesso, place: String) throws {
        let code = try CodiceFiscale(cf)
        #expect(code.surnameCode == surname)
        #expect(code.nameCode == name)
        #expect(code.yearOfCentury == yy)
        #expect(code.month == month)
        #expect(code.day == day)
        #expect(code.sesso == sex)
        #expect(code.belfiore == place)
        #expect(!code.isOmocode)
    }

    @Test func acceptsLowercaseAndSpaces() throws {
        #expect(try CodiceFiscale(" rssmra48c15 f205n ").value == "RSSMRA48C15F205N")
    }

    @Test(arguments: [
        ("RSSMRA48C15F2LRT", "F205"),  // last two digits substituted
        ("RSSMRAQUCMRFNLRX", "F205"),  // every numeric position substituted
    ])
    func decodesOmocodicCodes(cf: String, place: String) throws {
        let code = try CodiceFiscale(cf)
        #expect(code.isOmocode)
        #expect(code.belfiore == place)
        #expect(code.yearOfCentury == 48 && code.month == 3 && code.day == 15)
        let check = code.consistency(cognome: "Rossi", nome: "Mario", sesso: .maschio, dataNascita: CatalogFixture.date("1948-03-15"), luogoNascita: "F205", catalog: CatalogFixture.catalog)
        #expect(check.errors.isEmpty)
        #expect(check.warnings.isEmpty)
    }

    @Test(arguments: [
        "RSSMRA48C15F205",  // 15 characters
        "RSSMRA48C15F205NX",  // 17 characters
        "RSSMRA48C15F205A",  // wrong check character
        "RSSMRA48Z15F205N",  // Z is no month letter
        "RSSMRA48C35F205N",  // day 35
        "RSSMRA48C15F2O5N",  // O is not an omocodia letter
        "RSSMR448C15F205N",  // digit where a letter is expected
        "RSSMRA48C15F205!",  // punctuation
        "RSSMRA48B30F205N",  // 30 February
    ])
    func rejectsMalformedCodes(cf: String) {
        #expect(throws: WorkflowError.self) { try CodiceFiscale(cf) }
        do { _ = try CodiceFiscale(cf) } catch {
            #expect(error.code == "dati_non_validi")
            #expect(error.fields.first?.field == "codiceFiscale")
        }
    }

    @Test func rejectsOmocodicCodeWithAlteredCheckCharacter() {
        #expect(throws: WorkflowError.self) { try CodiceFiscale("RSSMRA48C15F2LRA") }
    }

    @Test func computeRoundTrips() throws {
        let cf = CodiceFiscale.compute(cognome: "Colombo", nome: "Carla", sesso: .femmina, dataNascita: CatalogFixture.date("1939-09-12"), belfiore: "F205")
        let code = try CodiceFiscale(cf)
        #expect(code.sesso == .femmina && code.day == 12 && code.month == 9 && code.yearOfCentury == 39)
        #expect(code.birthDate(notAfter: CatalogFixture.date("2026-11-23")) == CatalogFixture.date("1939-09-12"))
    }

    @Test func centuryPickedFromToday() throws {
        let code = try CodiceFiscale("FOXGUO01A01L219Z")
        #expect(code.birthDate(notAfter: CatalogFixture.date("2026-11-23")) == CatalogFixture.date("2001-01-01"))
        let old = try CodiceFiscale("RSSMRA48C15F205N")
        #expect(old.birthDate(notAfter: CatalogFixture.date("2026-11-23")) == CatalogFixture.date("1948-03-15"))
    }

    @Test(arguments: [
        ("Rossi", "RSS"), ("Fo", "FOX"), ("D'Angelo", "DNG"), ("Kovač", "KVC"), ("De Luca", "DLC"), ("Àlvarez", "LVR"), ("Ai", "AIX"),
    ])
    func surnameCodes(surname: String, code: String) {
        #expect(NameCode.surname(surname) == code)
    }

    @Test(arguments: [("Mario", "MRA"), ("Giancarlo", "GCR"), ("Anna", "NNA"), ("Ugo", "GUO"), ("Maria Grazia", "MGR"), ("Eva", "VEA")])
    func nameCodes(name: String, code: String) {
        #expect(NameCode.name(name) == code)
    }
}
