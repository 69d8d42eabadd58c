import Workflow

/// A rete sociale link as the API returns it.
struct LegameDTO: Encodable {
    let id: Int64
    let personaId: Int64
    let tipo: String
    let altraPersonaId: Int64?
    let descrizione: String?
    let note: String?

    init(_ l: LegameRete) {
        id = l.id
        personaId = l.personaID
        tipo = l.tipo.rawValue
        altraPersonaId = l.altraPersonaID
        descrizione = l.descrizione
        note = l.note
    }
}
