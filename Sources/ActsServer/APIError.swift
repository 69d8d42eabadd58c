import HTTPTypes
import Hummingbird

/// An HTTP-level error of the server with a stable code and an Italian message; rendered as JSON
/// `{"code": "...", "message": "..."}` by ``APIErrorMiddleware``.
struct APIError: Error, Sendable {
    let status: HTTPResponse.Status
    let code: String
    let message: String

    static let unauthenticated = APIError(status: .unauthorized, code: "non_autenticato", message: "Accesso richiesto: effettuare il login o fornire un token valido.")
    static let badCredentials = APIError(status: .unauthorized, code: "credenziali_non_valide", message: "Nome utente o password non corretti.")
    static let csrf = APIError(status: .forbidden, code: "csrf_non_valido", message: "Token di sicurezza (CSRF) mancante o non valido: ricaricare la pagina e riprovare.")

    static func notFound(_ what: String = "La risorsa richiesta") -> APIError {
        APIError(status: .notFound, code: "non_trovato", message: "\(what) non esiste.")
    }

    static func badRequest(_ message: String) -> APIError {
        APIError(status: .badRequest, code: "richiesta_non_valida", message: message)
    }

    static func tooLarge(limit: Int) -> APIError {
        APIError(status: .contentTooLarge, code: "file_troppo_grande", message: "Il file supera la dimensione massima consentita di \(limit / (1024 * 1024)) MB.")
    }
}
