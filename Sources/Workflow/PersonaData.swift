/// Validated anagrafica of a person (assistito, richiedente or familiare).
public struct PersonaData: Sendable, Hashable, Codable {
    public var codiceFiscale: String
    public var cognome: String
    public var nome: String
    public var sesso: Sesso
    public var dataNascita: CivilDate
    /// Belfiore code of the comune or foreign State of birth.
    public var luogoNascita: String
    public var residenza: Residenza?
    public var contatti: Contatti?

    public init(
        codiceFiscale: String, cognome: String, nome: String, sesso: Sesso, dataNascita: CivilDate, luogoNascita: String,
        residenza: Residenza? = nil, contatti: Contatti? = nil
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
}
