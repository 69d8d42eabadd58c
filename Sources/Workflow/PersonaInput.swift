/// Anagrafica as submitted by the front office. Every field is optional at decoding time so that a missing
/// field is reported as a named validation problem (422) rather than a malformed request (400).
public struct PersonaInput: Sendable, Hashable, Codable {
    public var codiceFiscale: String?
    public var cognome: String?
    public var nome: String?
    /// `M` or `F`; derived from the codice fiscale when omitted.
    public var sesso: String?
    /// `YYYY-MM-DD`; derived from the codice fiscale when omitted.
    public var dataNascita: String?
    /// Belfiore code of the comune or foreign State of birth; derived from the codice fiscale when omitted.
    public var luogoNascita: String?
    public var residenza: Residenza?
    public var contatti: Contatti?

    public init(
        codiceFiscale: String?, cognome: String?, nome: String?, sesso: String? = nil, dataNascita: String? = nil,
        luogoNascita: String? = nil, residenza: Residenza? = nil, contatti: Contatti? = nil
    ) {
        self.codiceFiscale = codiceFiscale
        self.cognome = cognome
        self.nome = nome
        self.sesso = sesso
        self.dataNascita = dataNascita
        self.luogoNascita = luogoNascita
        self.residenza = residenza
        self.contatti = contatti
    }

    /// Validates the input and the codice fiscale's consistency with it.
    ///
    /// - Parameters:
    ///   - catalog: Belfiore codes of comuni and foreign States.
    ///   - today: the current date (injected), used to reject future birth dates and to pick the century.
    /// - Returns: the validated anagrafica and non-blocking warnings.
    /// - Throws: ``WorkflowError`` `dati_non_validi` naming every invalid field.
    public func validated(catalog: BelfioreCatalog, today: CivilDate) throws(WorkflowError) -> (PersonaData, [FieldIssue]) {
        var issues: [FieldIssue] = []
        let cognome = (self.cognome ?? "").trimmed
        let nome = (self.nome ?? "").trimmed
        if cognome.isEmpty { issues.append(FieldIssue(field: "cognome", message: "Il cognome è obbligatorio.")) }
        if nome.isEmpty { issues.append(FieldIssue(field: "nome", message: "Il nome è obbligatorio.")) }
        if cognome.count > 100 { issues.append(FieldIssue(field: "cognome", message: "Il cognome supera 100 caratteri.")) }
        if nome.count > 100 { issues.append(FieldIssue(field: "nome", message: "Il nome supera 100 caratteri.")) }
        var cf: CodiceFiscale?
        if let raw = codiceFiscale, !raw.trimmed.isEmpty {
            do { cf = try CodiceFiscale(raw) } catch { issues += error.fields }
        } else {
            issues.append(FieldIssue(field: "codiceFiscale", message: "Il codice fiscale è obbligatorio."))
        }
        var sesso: Sesso? = cf?.sesso
        if let raw = self.sesso, !raw.trimmed.isEmpty {
            sesso = Sesso(rawValue: raw.trimmed.uppercased())
            if sesso == nil { issues.append(FieldIssue(field: "sesso", message: "Il sesso deve essere «M» o «F».")) }
        }
        var birth: CivilDate? = cf?.birthDate(notAfter: today)
        if let raw = dataNascita, !raw.trimmed.isEmpty {
            birth = CivilDate(iso: raw.trimmed)
            if birth == nil {
                issues.append(FieldIssue(field: "dataNascita", message: "La data di nascita «\(raw)» non è una data valida nel formato AAAA-MM-GG."))
            } else if let b = birth, b > today {
                issues.append(FieldIssue(field: "dataNascita", message: "La data di nascita è nel futuro."))
                birth = nil
            }
        } else if cf != nil && birth == nil {
            issues.append(FieldIssue(field: "dataNascita", message: "La data di nascita indicata dal codice fiscale non esiste."))
        }
        let place = (luogoNascita?.trimmed.uppercased()).flatMap { $0.isEmpty ? nil : $0 } ?? cf?.belfiore
        if let place, catalog.periods(of: place).isEmpty, place != cf?.belfiore {
            issues.append(FieldIssue(field: "luogoNascita", message: "«\(place)» non è un codice catastale di comune o Stato estero."))
        }
        issues += residenza?.issues() ?? []
        issues += contatti?.issues() ?? []
        var warnings: [FieldIssue] = []
        if let cf, let sesso, let birth, let place {
            let check = cf.consistency(cognome: cognome, nome: nome, sesso: sesso, dataNascita: birth, luogoNascita: place, catalog: catalog)
            issues += check.errors
            warnings = check.warnings
        }
        guard issues.isEmpty, let cf, let sesso, let birth, let place else { throw .invalid(issues) }
        let data = PersonaData(
            codiceFiscale: cf.value, cognome: cognome, nome: nome, sesso: sesso, dataNascita: birth, luogoNascita: place,
            residenza: residenza?.normalized, contatti: contatti?.normalized)
        return (data, warnings)
    }
}

extension String {
    /// The string without leading and trailing white space.
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
