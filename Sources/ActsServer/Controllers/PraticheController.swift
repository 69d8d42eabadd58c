import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Storage
import Workflow

/// Pratiche and their documents under `/api/v1`.
struct PraticheController {
    let store: any ActsStore
    let settings: AppSettings
    let clock: AppClock
    let procedures: ProcedureService

    func descrizione(_ p: Pratica, _ op: Operatore) -> String? {
        procedures.configuration(for: op).tipi[p.tipo]?.type.descrizione
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("/api/v1/pratiche") { request, context in
            let op = try context.require(.createPratiche)
            let input = try await JSONResponse.decode(PraticaInput.self, from: request)
            let pratica = try await procedures.open(input, by: op)
            var headers = HTTPFields()
            headers[.location] = "/api/v1/pratiche/\(pratica.id)"
            return JSONResponse.make(PraticaDTO(pratica, tipoDescrizione: descrizione(pratica, op)), status: .created, headers: headers)
        }
        router.get("/api/v1/pratiche") { request, context in
            let op = try context.require(.readPratiche)
            var stato: ProcedureState?
            if let raw = request.uri.queryParameters.get("stato"), !raw.isEmpty {
                guard let s = ProcedureState(rawValue: raw) else {
                    throw WorkflowError.invalid([FieldIssue(field: "stato", message: "Stato non valido: usare uno fra \(ProcedureState.allCases.map(\.rawValue).joined(separator: ", ")).")])
                }
                stato = s
            }
            let persona = request.uri.queryParameters.get("personaId").flatMap { Int64($0) }
            let limit = min(500, max(1, request.uri.queryParameters.get("limit").flatMap { Int($0) } ?? 100))
            return JSONResponse.make(try await store.pratiche(for: op, stato: stato, personaID: persona, limit: limit).map { PraticaDTO($0, tipoDescrizione: descrizione($0, op)) })
        }
        router.get("/api/v1/pratiche/:id") { _, context in
            let op = try context.require(.readPratiche)
            var (pratica, snapshot, _) = try await procedures.status(praticaID: try PersoneController.id(context), for: op)
            if let snapshot { pratica.stato = snapshot.state }  // as of today, not as of the last event
            return JSONResponse.make(PraticaDTO(pratica, tipoDescrizione: descrizione(pratica, op)))
        }
        router.get("/api/v1/pratiche/:id/documenti") { _, context in
            let op = try context.require(.readDocumenti)
            return JSONResponse.make(try await store.documenti(praticaID: try PersoneController.id(context), for: op).map(DocumentoDTO.init))
        }
        router.post("/api/v1/pratiche/:id/documenti") { request, context in
            try await upload(request, context)
        }
        router.get("/api/v1/documenti/:id") { _, context in
            let op = try context.require(.readDocumenti)
            return JSONResponse.make(DocumentoDTO(try await store.documento(id: try PersoneController.id(context), for: op)))
        }
        router.get("/api/v1/documenti/:id/contenuto") { _, context in
            let op = try context.require(.readDocumenti)
            let doc = try await store.documento(id: try PersoneController.id(context), for: op)
            let bytes = try await store.content(of: doc)
            var headers = HTTPFields()
            headers[.contentType] = doc.mimeType
            headers[.contentDisposition] = "attachment; filename*=UTF-8''" + (doc.nome.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "documento")
            headers[HTTPField.Name("Repr-Digest")!] = "sha-256=:\(Data(Self.bytes(hex: doc.impronta)).base64EncodedString()):"
            headers[HTTPField.Name("X-Impronta")!] = doc.impronta
            headers[.cacheControl] = "private, no-store"
            // The MIME type comes from the uploader: never let a browser render it as our own page.
            headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
            headers[.contentSecurityPolicy] = "sandbox; default-src 'none'"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }

    /// Raw-body upload: `POST /api/v1/pratiche/{id}/documenti?nome=<file name>` with the file's Content-Type.
    func upload(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let op = try context.require(.addDocumenti)
        let id = try PersoneController.id(context)
        let limit = settings.maxUploadBytes
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit { throw APIError.tooLarge(limit: limit) }
        guard let nome = request.uri.queryParameters.get("nome").map({ String($0) }), !nome.isEmpty else {
            throw WorkflowError.invalid([FieldIssue(field: "nome", message: "Indicare il nome del file nel parametro «nome».")])
        }
        try Documento.validateName(nome)
        _ = try await store.pratica(id: id, for: op)  // 404 before reading a large body for someone else's pratica
        // Streamed to the archive's staging area and hashed on the way: memory stays constant whatever the size.
        let staged = try await store.stage(request.body.map { Array($0.readableBytesView) }, limit: limit)
        let mime = (request.headers[.contentType] ?? "application/octet-stream").split(separator: ";")[0].trimmingCharacters(in: .whitespaces)
        let doc = try await store.addDocumento(praticaID: id, nome: nome, mimeType: mime.isEmpty ? "application/octet-stream" : mime, staged: staged, by: op, at: clock.now())
        var headers = HTTPFields()
        headers[.location] = "/api/v1/documenti/\(doc.id)"
        return JSONResponse.make(DocumentoDTO(doc), status: .created, headers: headers)
    }

    static func bytes(hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var it = hex.utf8.makeIterator()
        while let a = it.next(), let b = it.next() {
            out.append(UInt8(String(decoding: [a, b], as: UTF8.self), radix: 16) ?? 0)
        }
        return out
    }
}
