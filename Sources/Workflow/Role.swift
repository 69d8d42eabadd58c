/// The roles of the people who use the CSI. Raw values are the names used in the API, the CLI and the database.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    case sportello
    case assistenteSociale = "assistente_sociale"
    case dirigente
    case protocollo
    case amministratore

    /// Italian label for the UI.
    public var label: String {
        switch self {
        case .sportello: "Sportello"
        case .assistenteSociale: "Assistente sociale"
        case .dirigente: "Dirigente"
        case .protocollo: "Protocollo"
        case .amministratore: "Amministratore"
        }
    }

    /// What the role may do. Case data (anagrafica, pratiche) is special-category personal data, so the
    /// amministratore manages accounts and integrity checks but does not read cases.
    public var permissions: Set<Permission> {
        switch self {
        case .sportello: [.readPersone, .writePersone, .readPratiche, .createPratiche, .readDocumenti, .addDocumenti]
        case .assistenteSociale: [.readPersone, .writePersone, .readPratiche, .createPratiche, .readDocumenti, .addDocumenti,
                                  .readRegister, .readReservedRegistrations]
        case .dirigente: [.readPersone, .readPratiche, .readDocumenti, .readRegister, .readReservedRegistrations]
        case .protocollo: [.readPratiche, .readDocumenti, .addDocumenti, .registerDocuments, .annulRegistrations, .readRegister, .checkRegister]
        case .amministratore: [.manageUsers, .verifyAudit, .checkRegister]
        }
    }

    /// Whether the role has `permission`.
    public func allows(_ permission: Permission) -> Bool { permissions.contains(permission) }
}
