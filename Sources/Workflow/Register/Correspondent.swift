/// A sender or recipient of a registered document (All. 6 `Mittente`/`Destinatario`).
public struct Correspondent: Sendable, Hashable, Codable {
    /// All. 6 choice: a public administration, a legal person or a natural person.
    public enum Kind: String, Sendable, Hashable, Codable {
        case personaFisica = "persona_fisica"
        case personaGiuridica = "persona_giuridica"
        case amministrazione
    }

    public var tipo: Kind
    /// Full name (persona fisica) or name of the body.
    public var denominazione: String
    /// Codice fiscale or partita IVA, when known.
    public var codiceFiscale: String?
    /// Domicilio digitale (PEC) or e-mail.
    public var indirizzoTelematico: String?
    /// IPA codes of an administration (codice amministrazione, codice AOO).
    public var codiceAmministrazione: String?
    public var codiceAOO: String?

    public init(tipo: Kind = .personaFisica, denominazione: String, codiceFiscale: String? = nil, indirizzoTelematico: String? = nil,
                codiceAmministrazione: String? = nil, codiceAOO: String? = nil) {
        self.tipo = tipo
        self.denominazione = denominazione
        self.codiceFiscale = codiceFiscale
        self.indirizzoTelematico = indirizzoTelematico
        self.codiceAmministrazione = codiceAmministrazione
        self.codiceAOO = codiceAOO
    }

    private enum CodingKeys: String, CodingKey {
        case tipo, denominazione, codiceFiscale, indirizzoTelematico, codiceAmministrazione, codiceAOO
    }

    /// Decodes with `tipo` defaulting to persona fisica.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        tipo = try c.decodeIfPresent(Kind.self, forKey: .tipo) ?? .personaFisica
        denominazione = try c.decodeIfPresent(String.self, forKey: .denominazione) ?? ""
        codiceFiscale = try c.decodeIfPresent(String.self, forKey: .codiceFiscale)
        indirizzoTelematico = try c.decodeIfPresent(String.self, forKey: .indirizzoTelematico)
        codiceAmministrazione = try c.decodeIfPresent(String.self, forKey: .codiceAmministrazione)
        codiceAOO = try c.decodeIfPresent(String.self, forKey: .codiceAOO)
    }
}
