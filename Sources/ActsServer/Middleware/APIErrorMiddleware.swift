import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Storage
import Workflow

/// Turns every error into a JSON body `{"code", "message", "campi"?}` with an Italian message and the
/// right status; unexpected errors are logged with the request id and reported as 500 without details.
struct APIErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = Self.response(for: error, context: context)
        }
        response.headers[HTTPField.Name("X-Request-Id")!] = context.id
        return response
    }

    struct Body: Encodable {
        let code: String
        let message: String
        let campi: [Campo]?
        let requestId: String
    }

    struct Campo: Encodable {
        let campo: String
        let messaggio: String
    }

    static func response(for error: any Error, context: Context) -> Response {
        let (status, code, message, fields) = classify(error)
        if status == .internalServerError {
            context.logger.error("Errore interno", metadata: ["errore": "\(String(reflecting: error))"])
        }
        let body = Body(code: code, message: message, campi: fields.isEmpty ? nil : fields.map { Campo(campo: $0.field, messaggio: $0.message) }, requestId: context.id)
        return JSONResponse.make(body, status: status)
    }

    static func classify(_ error: any Error) -> (HTTPResponse.Status, String, String, [FieldIssue]) {
        switch error {
        case let e as APIError:
            return (e.status, e.code, e.message, [])
        case let e as WorkflowError:
            let status: HTTPResponse.Status = switch e.code {
            case "non_autorizzato", "forbidden": .forbidden
            case "dati_non_validi": .unprocessableContent
            default: .conflict  // the procedure engine's refusals: the action is not possible at this point
            }
            return (status, e.code, e.message, e.fields)
        case let e as StorageError:
            switch e.code {
            case "non_trovato": return (.notFound, e.code, e.message, [])
            case "conflitto": return (.conflict, e.code, e.message, [])
            case "file_troppo_grande": return (.contentTooLarge, e.code, e.message, [])
            default: return (.internalServerError, e.code, e.message, [])
            }
        case is NIOTooManyBytesError:
            return (.contentTooLarge, "file_troppo_grande", "Il contenuto inviato supera la dimensione massima consentita.", [])
        case let e as HTTPError:
            switch e.status {
            case .notFound: return (.notFound, "non_trovato", "La risorsa richiesta non esiste.", [])
            case .methodNotAllowed: return (.methodNotAllowed, "metodo_non_consentito", "Metodo HTTP non consentito per questo indirizzo.", [])
            case .contentTooLarge: return (.contentTooLarge, "file_troppo_grande", "Il contenuto inviato è troppo grande.", [])
            case .badRequest: return (.badRequest, "richiesta_non_valida", "Richiesta non valida: \(e.body ?? "controllare il formato").", [])
            default: return (e.status, "errore_http", e.body ?? "Errore \(e.status.code).", [])
            }
        default:
            return (.internalServerError, "errore_interno", "Errore interno del server: riprovare; se persiste, comunicare all'assistenza il codice richiesta.", [])
        }
    }
}
