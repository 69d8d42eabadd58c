/// The events of an L. 241/1990 procedure (scenario README §3). Raw values are the wire names.
public enum ProcedureEventKind: String, Sendable, Hashable, Codable, CaseIterable {
    case istanzaPresentata = "istanza_presentata"
    case protocollata
    case avvioComunicato = "avvio_comunicato"
    case richiestaIntegrazione = "richiesta_integrazione"
    case integrazioneRicevuta = "integrazione_ricevuta"
    case preavviso10bisInviato = "preavviso_10bis_inviato"
    case osservazioniRicevute = "osservazioni_ricevute"
    case propostaRedatta = "proposta_redatta"
    case determinaFirmata = "determina_firmata"
    case comunicazioneEsitoInviata = "comunicazione_esito_inviata"
    case rinuncia
    case decisioneAccelerata = "decisione_accelerata"
    case potereSostitutivoAttivato = "potere_sostitutivo_attivato"
    case verifica

    /// Italian label for messages and the UI.
    public var label: String {
        switch self {
        case .istanzaPresentata: "presentazione dell'istanza"
        case .protocollata: "protocollazione"
        case .avvioComunicato: "comunicazione di avvio"
        case .richiestaIntegrazione: "richiesta di integrazione"
        case .integrazioneRicevuta: "ricezione dell'integrazione"
        case .preavviso10bisInviato: "preavviso di rigetto (10-bis)"
        case .osservazioniRicevute: "ricezione delle osservazioni"
        case .propostaRedatta: "proposta di determinazione"
        case .determinaFirmata: "firma della determinazione"
        case .comunicazioneEsitoInviata: "comunicazione dell'esito"
        case .rinuncia: "rinuncia"
        case .decisioneAccelerata: "decisione accelerata"
        case .potereSostitutivoAttivato: "attivazione del potere sostitutivo"
        case .verifica: "verifica"
        }
    }
}

/// The outcome a proposta di determinazione proposes.
public enum Esito: String, Sendable, Hashable, Codable, CaseIterable {
    case accoglimento
    case accoglimentoParziale = "accoglimento_parziale"
    case diniego
}
