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
    let createdAt: Date

    init(_ p: Pratica) {
        id = p.id
        numero = p.numero
        personaId = p.personaID
        richiedenteId = p.richiedenteID
        tipo = p.tipo
        tipoDescrizione = TipoProcedimento.named(p.tipo)?.label
        oggetto = p.oggetto
        stato = p.stato.rawValue
        createdAt = p.createdAt
    }
}
