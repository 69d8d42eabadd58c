/// An action guarded by role checks on every route.
public enum Permission: String, Sendable, Hashable, CaseIterable {
    case readPersone
    case writePersone
    case readPratiche
    case createPratiche
    case readDocumenti
    case addDocumenti
    case manageUsers
    case verifyAudit
    case registerDocuments
    case annulRegistrations
    case readRegister
    case readReservedRegistrations
    case checkRegister

    /// Italian description of the action, used in "non autorizzato" messages.
    public var action: String {
        switch self {
        case .readPersone: "consultare l'anagrafica"
        case .writePersone: "modificare l'anagrafica"
        case .readPratiche: "consultare le pratiche"
        case .createPratiche: "aprire pratiche"
        case .readDocumenti: "consultare i documenti"
        case .addDocumenti: "aggiungere documenti"
        case .manageUsers: "gestire gli utenti"
        case .verifyAudit: "verificare il registro di audit"
        case .registerDocuments: "protocollare documenti"
        case .annulRegistrations: "annullare registrazioni di protocollo"
        case .readRegister: "consultare il registro di protocollo"
        case .readReservedRegistrations: "consultare le registrazioni riservate"
        case .checkRegister: "verificare l'integrità dei registri"
        }
    }
}
