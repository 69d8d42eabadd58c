/// Where a pratica stands. The procedure engine drives transitions; this module only names the states.
public enum PraticaStato: String, Sendable, Hashable, Codable, CaseIterable {
    case presentata
    case inIstruttoria = "in_istruttoria"
    case sospesa
    case accolta
    case respinta
    case archiviata

    /// Italian label.
    public var label: String {
        switch self {
        case .presentata: "Presentata"
        case .inIstruttoria: "In istruttoria"
        case .sospesa: "Sospesa"
        case .accolta: "Accolta"
        case .respinta: "Respinta"
        case .archiviata: "Archiviata"
        }
    }
}
