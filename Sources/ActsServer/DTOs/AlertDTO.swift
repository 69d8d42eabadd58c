import Storage
import Workflow

/// A deadline alert as the API returns it.
struct AlertDTO: Encodable {
    let praticaId: Int64
    let numero: String
    let tipoPratica: String
    let avviso: String
    let descrizione: String
    let scadenza: String?
    let giorniRimanenti: Int?
    let messaggio: String

    init(_ a: StoredAlert) {
        praticaId = a.praticaID
        numero = a.numero
        tipoPratica = a.tipo
        avviso = a.alert.kind.rawValue
        descrizione = a.alert.kind.label
        scadenza = a.alert.deadline?.description
        giorniRimanenti = a.alert.daysRemaining
        messaggio = a.alert.message
    }
}
