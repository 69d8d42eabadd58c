import Storage
import Workflow

/// A user account as the administration API returns it.
struct UserDTO: Encodable {
    let id: Int64
    let username: String
    let nome: String
    let ruolo: String
    let attivo: Bool
    let funzioni: [String]

    init(_ u: UserSummary) {
        id = u.operatore.userID
        username = u.operatore.username
        nome = u.operatore.displayName
        ruolo = u.operatore.role.rawValue
        attivo = u.active
        funzioni = u.functions.sorted()
    }
}

/// The audit chain check as the API returns it.
struct AuditReportDTO: Encodable {
    struct Problema: Encodable {
        let voce: Int64
        let messaggio: String
    }
    let integro: Bool
    let voci: Int
    let problemi: [Problema]

    init(_ v: AuditVerification) {
        integro = v.isIntact
        voci = v.entries
        problemi = v.problems.map { Problema(voce: $0.seq, messaggio: $0.message) }
    }
}
