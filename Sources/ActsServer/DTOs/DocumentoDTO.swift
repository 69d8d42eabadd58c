import Foundation
import Workflow

/// Document metadata as the API returns it.
struct DocumentoDTO: Encodable {
    let id: Int64
    let praticaId: Int64
    let nome: String
    let mimeType: String
    let dimensione: Int64
    let impronta: String
    let algoritmoImpronta = "SHA-256"
    let aggiuntoDa: Int64
    let aggiuntoIl: Date

    init(_ d: Documento) {
        id = d.id
        praticaId = d.praticaID
        nome = d.nome
        mimeType = d.mimeType
        dimensione = d.dimensione
        impronta = d.impronta
        aggiuntoDa = d.addedBy
        aggiuntoIl = d.addedAt
    }
}
