import Foundation
import Workflow

/// A procedure snapshot as the API returns it.
struct SnapshotDTO: Encodable {
    let stato: String
    let statoDescrizione: String
    let scadenza: String?
    let giorniTrascorsi: Int
    let giorniRimanenti: Int?
    let sospeso: Bool
    let inRitardo: Bool

    init(_ s: ProcedureSnapshot) {
        stato = s.state.rawValue
        statoDescrizione = s.state.label
        scadenza = s.deadline?.description
        giorniTrascorsi = s.daysElapsed
        giorniRimanenti = s.daysRemaining
        sospeso = s.suspended
        inRitardo = s.late
    }
}

/// The outcome of an accepted event.
struct OutcomeDTO: Encodable {
    let evento: String
    let determina: String?
    let procedimento: SnapshotDTO

    init(kind: ProcedureEventKind, outcome: ProcedureOutcome) {
        evento = kind.rawValue
        determina = outcome.determina
        procedimento = SnapshotDTO(outcome.snapshot)
    }
}

/// A pratica's procedure: status as of today and the event log.
struct ProcedimentoDTO: Encodable {
    struct Evento: Encodable {
        let seq: Int
        let tipo: String
        let descrizione: String
        let giorno: String
        let registratoIl: Date
        let utente: Int64
        let determina: String?
    }
    let praticaId: Int64
    let tipo: String
    let responsabileId: Int64?
    let procedimento: SnapshotDTO?
    let eventi: [Evento]

    init(pratica: Pratica, snapshot: ProcedureSnapshot?, log: [RecordedProcedureEvent]) {
        praticaId = pratica.id
        tipo = pratica.tipo
        responsabileId = pratica.rdpUserID
        procedimento = snapshot.map(SnapshotDTO.init)
        eventi = log.map {
            Evento(seq: $0.seq, tipo: $0.event.kind.rawValue, descrizione: $0.event.kind.label, giorno: $0.event.day.description, registratoIl: $0.at, utente: $0.userID, determina: $0.determina)
        }
    }
}
