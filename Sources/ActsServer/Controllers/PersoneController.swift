import Foundation
import HTTPTypes
import Hummingbird
import Storage
import Workflow

/// Anagrafica: persone, nuclei familiari and rete sociale under `/api/v1`.
struct PersoneController {
    let store: any ActsStore
    let catalog: BelfioreCatalog
    let clock: AppClock

    struct NucleoRequest: Decodable {
        struct Membro: Decodable {
            let personaId: Int64?
            let relazione: String?
        }
        let membri: [Membro]?
    }

    struct LegameRequest: Decodable {
        let tipo: String?
        let altraPersonaId: Int64?
        let descrizione: String?
        let note: String?
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("/api/v1/persone") { request, context in
            let op = try context.require(.writePersone)
            let input = try await JSONResponse.decode(PersonaInput.self, from: request)
            let today = ProcedureService.civilDate(clock.now())
            let (data, warnings) = try input.validated(catalog: catalog, today: today)
            let (persona, created) = try await store.createPersona(data, by: op, at: clock.now())
            var headers = HTTPFields()
            headers[.location] = "/api/v1/persone/\(persona.id)"
            return JSONResponse.make(
                PersonaDTO(persona, catalog: catalog, avvisi: created ? warnings : [FieldIssue(field: "codiceFiscale", message: "Codice fiscale già presente: collegata la persona esistente, nessun duplicato creato.")], creata: created),
                status: created ? .created : .ok, headers: headers)
        }
        router.get("/api/v1/persone") { request, context in
            let op = try context.require(.readPersone)
            let q = request.uri.queryParameters.get("q") ?? ""
            let limit = min(200, max(1, request.uri.queryParameters.get("limit").flatMap { Int($0) } ?? 50))
            let found = try await store.searchPersone(q, for: op, limit: limit)
            return JSONResponse.make(found.map { PersonaDTO($0, catalog: catalog) })
        }
        router.get("/api/v1/persone/:id") { _, context in
            let op = try context.require(.readPersone)
            return JSONResponse.make(PersonaDTO(try await store.persona(id: try Self.id(context), for: op), catalog: catalog))
        }
        router.get("/api/v1/persone/:id/nucleo") { _, context in
            let op = try context.require(.readPersone)
            guard let nucleo = try await store.nucleo(ofPersona: try Self.id(context), for: op) else {
                throw APIError.notFound("Il nucleo familiare della persona")
            }
            return JSONResponse.make(NucleoDTO(nucleo))
        }
        router.post("/api/v1/nuclei") { request, context in
            let op = try context.require(.writePersone)
            let body = try await JSONResponse.decode(NucleoRequest.self, from: request)
            var issues: [FieldIssue] = []
            var membri: [Nucleo.Membro] = []
            for (i, m) in (body.membri ?? []).enumerated() {
                guard let pid = m.personaId else { issues.append(FieldIssue(field: "membri[\(i)].personaId", message: "Indicare la persona.")); continue }
                guard let rel = m.relazione.flatMap(RelazioneNucleo.init(rawValue:)) else {
                    issues.append(FieldIssue(field: "membri[\(i)].relazione", message: "Relazione non valida: usare uno fra \(RelazioneNucleo.allCases.map(\.rawValue).joined(separator: ", ")).")); continue
                }
                membri.append(Nucleo.Membro(personaID: pid, relazione: rel))
            }
            if membri.isEmpty && issues.isEmpty { issues.append(FieldIssue(field: "membri", message: "Il nucleo deve avere almeno un componente.")) }
            if !issues.isEmpty { throw WorkflowError.invalid(issues) }
            let nucleo = try await store.createNucleo(membri: membri, by: op, at: clock.now())
            return JSONResponse.make(NucleoDTO(nucleo), status: .created)
        }
        router.get("/api/v1/nuclei/:id") { _, context in
            let op = try context.require(.readPersone)
            return JSONResponse.make(NucleoDTO(try await store.nucleo(id: try Self.id(context), for: op)))
        }
        router.get("/api/v1/persone/:id/rete") { _, context in
            let op = try context.require(.readPersone)
            return JSONResponse.make(try await store.rete(ofPersona: try Self.id(context), for: op).map(LegameDTO.init))
        }
        router.post("/api/v1/persone/:id/rete") { request, context in
            let op = try context.require(.writePersone)
            let id = try Self.id(context)
            let body = try await JSONResponse.decode(LegameRequest.self, from: request)
            guard let tipo = body.tipo.flatMap(LegameRete.Tipo.init(rawValue:)) else {
                throw WorkflowError.invalid([FieldIssue(field: "tipo", message: "Tipo di legame non valido: usare uno fra \(LegameRete.Tipo.allCases.map(\.rawValue).joined(separator: ", ")).")])
            }
            let legame = try await store.addLegame(personaID: id, tipo: tipo, altraPersonaID: body.altraPersonaId, descrizione: body.descrizione, note: body.note, by: op, at: clock.now())
            return JSONResponse.make(LegameDTO(legame), status: .created)
        }
    }

    /// The numeric `:id` path parameter; anything else is "not found".
    static func id(_ context: AppRequestContext, _ name: String = "id") throws -> Int64 {
        guard let raw = context.parameters.get(name), let id = Int64(raw), id > 0 else { throw APIError.notFound() }
        return id
    }
}
