import Workflow

/// A nucleo as the API returns it.
struct NucleoDTO: Encodable {
    struct Membro: Encodable {
        let personaId: Int64
        let relazione: String
    }
    let id: Int64
    let membri: [Membro]

    init(_ n: Nucleo) {
        id = n.id
        membri = n.membri.map { Membro(personaId: $0.personaID, relazione: $0.relazione.rawValue) }
    }
}
