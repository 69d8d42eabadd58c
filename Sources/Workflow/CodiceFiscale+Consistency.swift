extension CodiceFiscale {
    /// What a codice fiscale says about the declared anagrafica.
    public struct Consistency: Sendable, Hashable {
        /// Blocking problems: sex, birth date or birthplace contradict the code, or the birthplace did not exist.
        public var errors: [FieldIssue] = []
        /// Non-blocking remarks: surname or name letters differ (codes assigned in error stay legally valid).
        public var warnings: [FieldIssue] = []
    }

    /// Checks the declared data against the code.
    ///
    /// - Parameters:
    ///   - catalog: Belfiore codes with validity periods; the birthplace must have existed on the birth date.
    /// - Returns: errors (blocking) and warnings (to show the operator).
    public func consistency(
        cognome: String, nome: String, sesso declaredSex: Sesso, dataNascita: CivilDate,
        luogoNascita: String, catalog: BelfioreCatalog
    ) -> Consistency {
        var result = Consistency()
        if declaredSex != sesso {
            result.errors.append(FieldIssue(field: "sesso", message: "Il sesso dichiarato non corrisponde al codice fiscale (che indica \(sesso == .femmina ? "femmina" : "maschio"))."))
        }
        if dataNascita.year % 100 != yearOfCentury || dataNascita.month != month || dataNascita.day != day {
            result.errors.append(FieldIssue(field: "dataNascita", message: "La data di nascita \(dataNascita.italian) non corrisponde al codice fiscale."))
        } else if CivilDate(year: dataNascita.year, month: month, day: day) == nil {
            result.errors.append(FieldIssue(field: "dataNascita", message: "La data di nascita non esiste."))
        }
        let place = luogoNascita.uppercased()
        if place != belfiore {
            let expected = catalog.displayName(of: belfiore).map { " (\($0))" } ?? ""
            result.errors.append(FieldIssue(field: "luogoNascita", message: "Il luogo di nascita non corrisponde al codice fiscale, che indica il codice \(belfiore)\(expected)."))
        } else if catalog.periods(of: belfiore).isEmpty {
            result.errors.append(FieldIssue(field: "codiceFiscale", message: "Il codice catastale \(belfiore) non corrisponde ad alcun comune o Stato estero."))
        } else if catalog.period(of: belfiore, on: dataNascita) == nil {
            let name = catalog.displayName(of: belfiore) ?? belfiore
            result.errors.append(FieldIssue(field: "luogoNascita", message: "\(name) non esisteva alla data di nascita \(dataNascita.italian): verificare luogo e data."))
        }
        if NameCode.surname(cognome) != surnameCode {
            result.warnings.append(FieldIssue(field: "cognome", message: "Le lettere del cognome (\(NameCode.surname(cognome))) non corrispondono al codice fiscale (\(surnameCode)): verificare la trascrizione."))
        }
        if NameCode.name(nome) != nameCode {
            result.warnings.append(FieldIssue(field: "nome", message: "Le lettere del nome (\(NameCode.name(nome))) non corrispondono al codice fiscale (\(nameCode)): verificare la trascrizione."))
        }
        return result
    }
}
