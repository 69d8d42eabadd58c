import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Storage
import Workflow

/// The procedure of a pratica (events, status, responsabile), deadline alerts and the timing report.
struct ProcedimentoController {
    let service: ProcedureService

    struct EventRequest: Decodable {
        let tipo: String?
        let dati: ProcedureEventDataInput?
    }

    struct ResponsabileRequest: Decodable {
        let userId: Int64?
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/tipi-procedimento") { _, context in
            let op = try context.require(.readPratiche)
            return JSONResponse.make(service.configuration(for: op).ordered.map(TipoProcedimentoDTO.init))
        }
        router.post("/api/v1/pratiche/:id/eventi") { request, context in
            let op = try context.require(.readPratiche)
            let id = try PersoneController.id(context)
            let body = try await JSONResponse.decode(EventRequest.self, from: request)
            let (kind, data) = try Self.validate(body, today: service.today())
            let outcome = try await service.apply(kind, data: data, praticaID: id, by: op)
            if let error = outcome.error { throw error }
            return JSONResponse.make(OutcomeDTO(kind: kind, outcome: outcome), status: kind == .verifica ? .ok : .created)
        }
        router.get("/api/v1/pratiche/:id/procedimento") { _, context in
            let op = try context.require(.readPratiche)
            let (pratica, snapshot, log) = try await service.status(praticaID: try PersoneController.id(context), for: op)
            return JSONResponse.make(ProcedimentoDTO(pratica: pratica, snapshot: snapshot, log: log))
        }
        router.put("/api/v1/pratiche/:id/responsabile") { request, context in
            let op = try context.require(.readPratiche)
            let roles = try await service.roles(of: op, for: nil)
            guard roles.contains("dirigente") || roles.contains("responsabile_servizio") else {
                throw WorkflowError.forbidden("assegnare il responsabile del procedimento")
            }
            let body = try await JSONResponse.decode(ResponsabileRequest.self, from: request)
            guard let user = body.userId else { throw WorkflowError.invalid([FieldIssue(field: "userId", message: "Indicare l'utente responsabile.")]) }
            let id = try PersoneController.id(context)
            try await service.store.assignRDP(praticaID: id, userID: user, by: op, at: service.clock.now())
            return JSONResponse.make(PraticaDTO(try await service.store.pratica(id: id, for: op)))
        }
        router.get("/api/v1/scadenze") { request, context in
            let op = try context.require(.readPratiche)
            let kinds = request.uri.queryParameters.get("tipo").map { Set($0.split(separator: ",").map(String.init)) }
            let alerts = try await service.visibleAlerts(for: op).filter { kinds?.contains($0.alert.kind.rawValue) ?? true }
            return JSONResponse.make(alerts.map(AlertDTO.init))
        }
        router.get("/api/v1/report/tempi") { request, context in
            let op = try context.require(.readPratiche)
            let report = try await service.timingReport(for: op)
            if request.uri.queryParameters.get("formato") == "csv" {
                var headers = HTTPFields()
                headers[.contentType] = "text/csv; charset=utf-8"
                headers[.contentDisposition] = "attachment; filename=\"tempi-procedimenti.csv\""
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: report.csv)))
            }
            return JSONResponse.make(report.rows)
        }
    }

    /// Checks the event request, naming each problem in Italian (422).
    static func validate(_ body: EventRequest, today: CivilDate) throws -> (ProcedureEventKind, ProcedureEvent.Data) {
        guard let raw = body.tipo, let kind = ProcedureEventKind(rawValue: raw), kind != .istanzaPresentata else {
            let allowed = ProcedureEventKind.allCases.filter { $0 != .istanzaPresentata }.map(\.rawValue).joined(separator: ", ")
            throw WorkflowError.invalid([FieldIssue(field: "tipo", message: "Evento non valido: usare uno fra \(allowed) (l'istanza si presenta aprendo la pratica).")])
        }
        let d = body.dati
        var data = d?.baseData ?? ProcedureEvent.Data()
        var issues: [FieldIssue] = []
        if kind == .preavviso10bisInviato {
            if let raw = d?.consegnato_il, let date = CivilDate(iso: raw), date >= today {
                data.consegnatoIl = date
            } else {
                issues.append(FieldIssue(field: "dati.consegnato_il", message: "Indicare la data di consegna del preavviso (AAAA-MM-GG), non anteriore a oggi."))
            }
        }
        if kind == .propostaRedatta {
            if let e = d?.esito.flatMap(Esito.init(rawValue:)) { data.esito = e } else {
                issues.append(FieldIssue(field: "dati.esito", message: "Indicare l'esito proposto: accoglimento, accoglimento_parziale o diniego."))
            }
        }
        if kind == .richiestaIntegrazione && data.documenti.isEmpty {
            issues.append(FieldIssue(field: "dati.documenti", message: "Indicare i documenti richiesti."))
        }
        if !issues.isEmpty { throw WorkflowError.invalid(issues) }
        return (kind, data)
    }
}
