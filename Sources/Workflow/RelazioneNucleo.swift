/// Relation of a member to the intestatario of a nucleo familiare (anagrafe relations, simplified).
public enum RelazioneNucleo: String, Sendable, Hashable, Codable, CaseIterable {
    case intestatario
    case coniuge
    case unitoCivilmente = "unito_civilmente"
    case convivente
    case figlio
    case genitore
    case fratelloSorella = "fratello_sorella"
    case nipote
    case nonno
    case suoceroSuocera = "suocero_suocera"
    case genero_nuora
    case altroParente = "altro_parente"
    case altro

    /// Italian label.
    public var label: String {
        switch self {
        case .intestatario: "Intestatario scheda"
        case .coniuge: "Coniuge"
        case .unitoCivilmente: "Unito civilmente"
        case .convivente: "Convivente"
        case .figlio: "Figlio/a"
        case .genitore: "Genitore"
        case .fratelloSorella: "Fratello/sorella"
        case .nipote: "Nipote"
        case .nonno: "Nonno/a"
        case .suoceroSuocera: "Suocero/a"
        case .genero_nuora: "Genero/nuora"
        case .altroParente: "Altro parente"
        case .altro: "Altro"
        }
    }
}
