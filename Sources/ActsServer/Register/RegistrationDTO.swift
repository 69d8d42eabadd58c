import Foundation
import Workflow

/// A registration as the API returns it.
struct RegistrationDTO: Encodable {
    let id: Int64
    let aoo: String
    let registro: String
    let anno: Int
    let numero: Int
    let numeroFormattato: String
    let segnatura: String
    let data: String
    let registrataIl: Date
    let direzione: String
    let oggetto: String
    let mittenti: [Correspondent]
    let destinatari: [Correspondent]
    let documentoRicevutoNumero: String?
    let documentoRicevutoData: String?
    let classifica: String?
    let fascicolo: String?
    let riservato: Bool
    let oscurata: Bool
    let allegati: [FileDTO]
    let praticaId: Int64?
    let annullata: Bool
    let annullamento: AnnulmentDTO?

    struct FileDTO: Encodable {
        let nome: String
        let mimeType: String
        let dimensione: Int64
        /// Hex SHA-256 (archive address) and base64 (as All. 6 writes it).
        let impronta: String
        let improntaBase64: String
    }

    struct AnnulmentDTO: Encodable {
        let motivo: String
        let provvedimento: String
        let operatoreId: Int64
        let il: Date
    }

    init(_ r: Registration) {
        id = r.id
        aoo = r.aoo
        registro = r.registro.rawValue
        anno = r.anno
        numero = r.numero
        numeroFormattato = r.numeroFormattato
        segnatura = r.segnatura
        data = r.data.description
        registrataIl = r.registrataIl
        direzione = r.direzione.rawValue
        oggetto = r.oggetto
        mittenti = r.mittenti
        destinatari = r.destinatari
        documentoRicevutoNumero = r.documentoRicevutoNumero
        documentoRicevutoData = r.documentoRicevutoData?.description
        classifica = r.classifica
        fascicolo = r.fascicolo
        riservato = r.riservato
        oscurata = r.oscurata
        allegati = r.allegati.map { FileDTO(nome: $0.nome, mimeType: $0.mimeType, dimensione: $0.dimensione, impronta: $0.impronta, improntaBase64: $0.improntaBase64) }
        praticaId = r.praticaID
        annullata = r.annullamento != nil
        annullamento = r.annullamento.map { AnnulmentDTO(motivo: $0.motivo, provvedimento: $0.provvedimento, operatoreId: $0.operatoreID, il: $0.il) }
    }
}
