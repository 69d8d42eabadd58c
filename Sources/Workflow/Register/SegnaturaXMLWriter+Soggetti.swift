/// The `SoggettoType` content of `Mittente` and `Destinatario` (a choice of `Amministrazione`,
/// `PersonaGiuridica`, `PersonaFisica`), in the element order of segnatura_protocollo.xsd 3.0.
///
/// Defaults for data the schema requires and a ``Correspondent`` may not have:
/// * an `amministrazione` without a codice IPA is written as `PersonaGiuridica` (the schema
///   requires `CodiceIPAAmministrazione` for `Amministrazione`);
/// * a `personaFisica` has one `denominazione`, the schema wants `Nome` and `Cognome`: with a
///   comma it is read as `Cognome, Nome`; otherwise the first word is the nome and the rest the
///   cognome (`Maria De Luca`); a single word goes to `Cognome` with an empty `Nome`;
/// * a codice fiscale is written only when it matches the schema's pattern (16 characters for a
///   person, 11 digits for a body), since the schema would refuse anything else;
/// * the domicilio digitale goes into `Contatti…/IndirizzoTelematico` with the default
///   `tipo="smtp"`; for an administration with an AOO code it is the AOO's contact.
extension SegnaturaXMLWriter {
    /// The registering administration and its AOO, with the AOO's PEC.
    mutating func ownAdministration(_ aoo: SegnaturaAOO) {
        open("Amministrazione")
        leaf("DenominazioneAmministrazione", aoo.denominazione.trimmed)
        leaf("CodiceIPAAmministrazione", aoo.codiceIPA.trimmed)
        leaf("CodiceIPAAOO", aoo.codiceAOO.trimmed, Self.descrizione(aoo.denominazioneAOO))
        contacts("ContattiAOO", pec: aoo.indirizzoTelematico)
        close("Amministrazione")
    }

    /// One correspondent as the schema's choice.
    mutating func party(_ correspondent: Correspondent) {
        switch correspondent.tipo {
        case .amministrazione:
            if let ipa = correspondent.codiceAmministrazione?.trimmedNonEmpty {
                administration(correspondent, ipa: ipa)
            } else {
                legalPerson(correspondent)
            }
        case .personaGiuridica:
            legalPerson(correspondent)
        case .personaFisica:
            naturalPerson(correspondent)
        }
    }

    private mutating func administration(_ correspondent: Correspondent, ipa: String) {
        open("Amministrazione")
        leaf("DenominazioneAmministrazione", correspondent.denominazione)
        leaf("CFAmministrazione", ifPresent: Self.partitaIVA(correspondent.codiceFiscale))
        leaf("CodiceIPAAmministrazione", ipa)
        let aoo = correspondent.codiceAOO?.trimmedNonEmpty
        if aoo == nil { contacts("ContattiAmministrazione", pec: correspondent.indirizzoTelematico) }
        if let aoo {
            leaf("CodiceIPAAOO", aoo)
            contacts("ContattiAOO", pec: correspondent.indirizzoTelematico)
        }
        close("Amministrazione")
    }

    private mutating func legalPerson(_ correspondent: Correspondent) {
        open("PersonaGiuridica")
        leaf("Denominazione", correspondent.denominazione)
        leaf("PIVAoCF", ifPresent: Self.partitaIVA(correspondent.codiceFiscale))
        contacts("ContattiPersonaGiuridica", pec: correspondent.indirizzoTelematico)
        close("PersonaGiuridica")
    }

    private mutating func naturalPerson(_ correspondent: Correspondent) {
        let name = Self.splitName(correspondent.denominazione)
        open("PersonaFisica")
        leaf("Nome", name.nome)
        leaf("Cognome", name.cognome)
        leaf("CodiceFiscale", ifPresent: Self.personalCode(correspondent.codiceFiscale))
        contacts("Contatti", pec: correspondent.indirizzoTelematico)
        close("PersonaFisica")
    }

    private mutating func contacts(_ element: String, pec: String?) {
        guard let pec = pec?.trimmedNonEmpty else { return }
        open(element)
        leaf("IndirizzoTelematico", pec)
        close(element)
    }

    /// The optional `prot:descrizione` of a `CodiceIPA`.
    static func descrizione(_ text: String) -> [Attribute] {
        text.trimmedNonEmpty.map { [Attribute("descrizione", $0)] } ?? []
    }

    /// `Nome` and `Cognome` from a full name (see the type's documentation).
    static func splitName(_ full: String) -> (nome: String, cognome: String) {
        let text = full.trimmed
        if let comma = text.firstIndex(of: ",") {
            return (String(text[text.index(after: comma)...]).trimmed, String(text[..<comma]).trimmed)
        }
        let words = text.split(whereSeparator: \.isWhitespace)
        guard words.count > 1 else { return ("", text) }
        return (String(words[0]), words.dropFirst().joined(separator: " "))
    }

    /// `CodiceFiscaleType`: `[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]`.
    static func personalCode(_ code: String?) -> String? {
        guard let code = code?.trimmed.uppercased(), code.unicodeScalars.count == 16 else { return nil }
        let letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", omocodia = "0123456789LMNPQRSTUV", months = "ABCDEHLMPRST"
        let classes = [letters, letters, letters, letters, letters, letters, omocodia, omocodia, months, omocodia, omocodia,
                       letters, omocodia, omocodia, omocodia, letters]
        for (character, allowed) in zip(code, classes) where !allowed.contains(character) { return nil }
        return code
    }

    /// `PartitaIVA`: eleven digits.
    static func partitaIVA(_ code: String?) -> String? {
        guard let code = code?.trimmed, code.count == 11, code.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return code
    }
}

extension String {
    /// Trimmed, or nil when nothing is left.
    var trimmedNonEmpty: String? { trimmed.nilIfEmpty }
}
