import Workflow

/// The authenticated identity as the API returns it.
struct IdentityDTO: Encodable {
    let id: Int64
    let username: String
    let nome: String
    let ruolo: String
    let ente: String
    let csrfToken: String?

    init(_ op: Operatore, csrfToken: String?) {
        id = op.userID
        username = op.username
        nome = op.displayName
        ruolo = op.role.rawValue
        ente = op.enteCode
        self.csrfToken = csrfToken
    }
}
