/// Sex as recorded in the anagrafe and encoded in the codice fiscale.
public enum Sesso: String, Sendable, Hashable, Codable, CaseIterable {
    case maschio = "M"
    case femmina = "F"
}
