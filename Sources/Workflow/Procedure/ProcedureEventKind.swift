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
}

/// The outcome a proposta di determinazione proposes.
public enum Esito: String, Sendable, Hashable, Codable, CaseIterable {
    case accoglimento
    case accoglimentoParziale = "accoglimento_parziale"
    case diniego
}
