import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// JSON encoding and decoding for the API, with Italian messages for malformed input.
enum JSONResponse {
    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .iso8601
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    /// A JSON response; encoding our own DTOs cannot fail, so a failure is reported as a 500 body.
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        let data = (try? encoder().encode(value)) ?? Data(#"{"code":"errore_interno","message":"Risposta non codificabile."}"#.utf8)
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Decodes a JSON body (at most 1 MB); malformed JSON or wrong types give 400 with the offending path.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        var request = request
        if let ct = request.headers[.contentType], !ct.lowercased().hasPrefix("application/json") {
            throw APIError(status: .unsupportedMediaType, code: "formato_non_supportato", message: "Il corpo della richiesta deve essere JSON (Content-Type: application/json).")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: 1024 * 1024)
        } catch is NIOTooManyBytesError {
            throw APIError(status: .contentTooLarge, code: "richiesta_troppo_grande", message: "Il corpo JSON supera 1 MB.")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let DecodingError.typeMismatch(_, ctx), let DecodingError.valueNotFound(_, ctx) {
            throw APIError.badRequest("Tipo di dato errato nel campo «\(path(ctx))».")
        } catch let DecodingError.keyNotFound(key, ctx) {
            throw APIError.badRequest("Manca il campo «\((ctx.codingPath + [key]).map(\.stringValue).joined(separator: "."))».")
        } catch {
            throw APIError.badRequest("Il corpo della richiesta non è JSON valido.")
        }
    }

    private static func path(_ ctx: DecodingError.Context) -> String {
        let p = ctx.codingPath.map(\.stringValue).joined(separator: ".")
        return p.isEmpty ? "(radice)" : p
    }
}
