import Workflow

/// A configured procedure type as the API returns it.
struct TipoProcedimentoDTO: Encodable {
    let codice: String
    let descrizione: String
    let termineGiorni: Int
    let silenzioAssenso: Bool
    let decisioneAccelerata: Bool

    init(_ t: ProcedureConfiguration.TipoConfig) {
        codice = t.type.codice
        descrizione = t.type.descrizione
        termineGiorni = t.type.termDays
        silenzioAssenso = t.type.silenzioAssenso
        decisioneAccelerata = t.type.decisioneAccelerata
    }
}
