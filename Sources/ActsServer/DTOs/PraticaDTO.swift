import Foundation
import Workflow

/// A pratica as the API returns it.
struct PraticaDTO: Encodable {
    let id: Int64
    let numero: String
    let personaId: Int64
    let richiedenteId: Int64?
    let tipo: String
    let tipoDescrizione: String?
    let oggetto: String
    let stato: String
    let statoDescrizione: String
    let responsabileId: Int64?
    let createdAt: Date

    init(_ p: Pratica, tipoDescrizione: String? = nil) {
        id = p.id
        numero = p.numero
        personaId = p.personaID
        richiedenteId = p.richiedenteID
        tipo = p.tipo
        self.tipoDescrizione = tipoDescrizione
        oggetto = p.oggetto
        stato = p.stato.rawValue
        statoDescrizione = p.stato.label
        responsabileId = p.rdpUserID
        createdAt = p.createdAt
    }
}
