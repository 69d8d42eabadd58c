import Foundation
import Workflow

/// A persona as the API returns it.
struct PersonaDTO: Encodable {
    let id: Int64
    let codiceFiscale: String
    let cognome: String
    let nome: String
    let sesso: String
    let dataNascita: String
    let luogoNascita: String
    let luogoNascitaDescrizione: String?
    let residenza: Residenza?
    let contatti: Contatti?
    let createdAt: Date
    /// Non-blocking remarks on the data (only on creation).
    let avvisi: [APIErrorMiddleware.Campo]?
    /// On creation: false when the codice fiscale was already known and the existing persona is returned.
    let creata: Bool?

    init(_ p: Persona, catalog: BelfioreCatalog, avvisi: [FieldIssue]? = nil, creata: Bool? = nil) {
        id = p.id
        codiceFiscale = p.data.codiceFiscale
        cognome = p.data.cognome
        nome = p.data.nome
        sesso = p.data.sesso.rawValue
        dataNascita = p.data.dataNascita.description
        luogoNascita = p.data.luogoNascita
        luogoNascitaDescrizione = catalog.displayName(of: p.data.luogoNascita)
        residenza = p.data.residenza
        contatti = p.data.contatti
        createdAt = p.createdAt
        self.avvisi = avvisi?.map { APIErrorMiddleware.Campo(campo: $0.field, messaggio: $0.message) }
        self.creata = creata
    }
}
