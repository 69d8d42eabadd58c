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
        }
    }
}
