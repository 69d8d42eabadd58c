import Workflow

/// The `data`/`dati` object of a procedure event, as scenario files and the API send it (snake_case keys).
struct ProcedureEventDataInput: Decodable, Sendable {
    let ricevuta_vale_avvio: Bool?
    let documenti: [String]?
    let consegnato_il: String?
    let esito: String?
    let motivazione_urgenza: String?
    let misura: String?
    let su_richiesta: Bool?

    /// The fields that need no validation; `consegnato_il` and `esito` are checked by the caller, which
    /// reports them its own way (invalid scenario file, or 422 naming the field).
    var baseData: ProcedureEvent.Data {
        var data = ProcedureEvent.Data()
        data.ricevutaValeAvvio = ricevuta_vale_avvio ?? false
        data.documenti = documenti ?? []
        data.motivazioneUrgenza = motivazione_urgenza
        data.misura = misura
        return data
    }
}
