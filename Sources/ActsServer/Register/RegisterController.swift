import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Storage
import Workflow

/// The protocol register and the repertori over HTTP, behind the `protocollo` role (reading also for the
/// social service's dirigenti and assistenti sociali, reserved entries redacted for the others).
struct RegisterController {
    let service: RegisterService
    /// The segnatura producer, or why it could not start (e.g. an unreadable seal key).
    let segnatura: Result<SegnaturaService, any Error>

    struct RegistrationRequest: Decodable {
        struct File: Decodable {
            let nome: String?
            let mimeType: String?
            let contenutoBase64: String?
        }
        let registro: String?
        let direzione: String?
        let oggetto: String?
        let mittenti: [Correspondent]?
        let destinatari: [Correspondent]?
        let documentoRicevutoNumero: String?
        let documentoRicevutoData: String?
        let classifica: String?
        let fascicolo: String?
        let riservato: Bool?
        let praticaId: Int64?
        let allegati: [File]?
    }

    struct AnnulmentRequest: Decodable {
        let motivo: String?
        let provvedimento: String?
    }

    struct CheckDTO: Encodable {
        let esito: String
        let problemi: [String]
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("/api/v1/registro") { request, context in
            let op = try context.require(.registerDocuments)
            let body = try await JSONResponse.decode(RegistrationRequest.self, from: request)
            let (input, files) = try Self.validate(body)
            let entry = try await service.register(input, files: files, by: op)
            return JSONResponse.make(RegistrationDTO(entry), status: .created)
        }
        router.get("/api/v1/registro/verifica") { request, context in
            let op = try context.require(.checkRegister)
            let year = request.uri.queryParameters.get("anno").flatMap { Int($0) }
            let problems = try await service.store.checkRegisters(year: year, for: op)
            return JSONResponse.make(CheckDTO(esito: problems.isEmpty ? "integro" : "anomalie", problemi: problems))
        }
        router.get("/api/v1/registro/:registro/:anno") { request, context in
            let op = try context.require(.readRegister)
            let (registro, anno) = try Self.register(context)
            let day = try request.uri.queryParameters.get("data").map { text throws -> CivilDate in
                guard let day = CivilDate(iso: text) else { throw APIError.badRequest("Data non valida: «\(text)» (formato AAAA-MM-GG).") }
                return day
            }
            return JSONResponse.make(try await service.store.registrations(registro: registro, anno: anno, day: day, for: op).map(RegistrationDTO.init))
        }
        router.get("/api/v1/registro/:registro/:anno/:numero") { _, context in
            let op = try context.require(.readRegister)
            let (registro, anno) = try Self.register(context)
            return JSONResponse.make(RegistrationDTO(try await service.store.registration(registro: registro, anno: anno, numero: try Self.number(context), for: op)))
        }
        router.get("/api/v1/registro/:registro/:anno/:numero/segnatura") { _, context in
            let op = try context.require(.readRegister)
            let (registro, anno) = try Self.register(context)
            let output = try await segnatura.get().segnatura(registro: registro, anno: anno, numero: try Self.number(context), for: op)
            var headers = HTTPFields()
            headers[.contentType] = "application/xml; charset=utf-8"
            headers[HTTPField.Name("X-Segnatura-Sigillata")!] = output.sealed ? "si" : "no"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: output.xml)))
        }
        router.post("/api/v1/registro/:registro/:anno/:numero/annullamento") { request, context in
            let op = try context.require(.annulRegistrations)
            let (registro, anno) = try Self.register(context)
            let body = try await JSONResponse.decode(AnnulmentRequest.self, from: request)
            let entry = try await service.store.registration(registro: registro, anno: anno, numero: try Self.number(context), for: op)
            let annulled = try await service.store.annul(registrationID: entry.id, motivo: body.motivo ?? "", provvedimento: body.provvedimento ?? "",
                                                         by: op, at: service.clock.now())
            return JSONResponse.make(RegistrationDTO(annulled))
        }
    }

    static func register(_ context: AppRequestContext) throws -> (RegisterCode, Int) {
        guard let code = context.parameters.get("registro").flatMap(RegisterCode.init(rawValue:)) else {
            throw APIError.badRequest("Codice di registro non valido (lettere, cifre, _ . -, al massimo 16 caratteri).")
        }
        guard let year = context.parameters.get("anno").flatMap({ Int($0) }), (1900...9999).contains(year) else {
            throw APIError.badRequest("Anno non valido.")
        }
        return (code, year)
    }

    static func number(_ context: AppRequestContext) throws -> Int {
        guard let number = context.parameters.get("numero").flatMap({ Int($0) }), number >= 1 else {
            throw APIError.badRequest("Numero di registrazione non valido.")
        }
        return number
    }

    /// The registration input and the decoded files, every problem named (422).
    static func validate(_ body: RegistrationRequest) throws -> (RegistrationInput, [RegisterService.Upload]) {
        var issues: [FieldIssue] = []
        let registro = body.registro.map { RegisterCode(rawValue: $0) } ?? .protocolloGenerale
        if registro == nil { issues.append(FieldIssue(field: "registro", message: "Codice di registro non valido.")) }
        let direzione = body.direzione.flatMap(FlowDirection.init(rawValue:))
        if direzione == nil { issues.append(FieldIssue(field: "direzione", message: "Indicare la direzione: arrivo, partenza o interno.")) }
        var receivedDate: CivilDate?
        if let text = body.documentoRicevutoData {
            receivedDate = CivilDate(iso: text)
            if receivedDate == nil { issues.append(FieldIssue(field: "documentoRicevutoData", message: "Data non valida (formato AAAA-MM-GG).")) }
        }
        var files: [RegisterService.Upload] = []
        for (index, file) in (body.allegati ?? []).enumerated() {
            guard let name = file.nome, let encoded = file.contenutoBase64, let data = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters) else {
                issues.append(FieldIssue(field: "allegati[\(index)]", message: "Ogni allegato richiede nome e contenutoBase64 (contenuto in base64)."))
                continue
            }
            files.append(RegisterService.Upload(nome: name, mimeType: file.mimeType ?? "application/octet-stream", content: Array(data)))
        }
        guard issues.isEmpty, let registro, let direzione else { throw WorkflowError.invalid(issues) }
        let input = RegistrationInput(registro: registro, direzione: direzione, oggetto: body.oggetto ?? "", mittenti: body.mittenti ?? [],
                                      destinatari: body.destinatari ?? [], documentoRicevutoNumero: body.documentoRicevutoNumero,
                                      documentoRicevutoData: receivedDate, classifica: body.classifica, fascicolo: body.fascicolo,
                                      riservato: body.riservato ?? false, praticaID: body.praticaId)
        return (input, files)
    }
}
