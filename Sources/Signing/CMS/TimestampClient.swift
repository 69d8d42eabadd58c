import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An RFC 3161 time-stamping authority reached over HTTP(S) (`application/timestamp-query`).
public struct TimestampClient: Sendable {
    public let url: URL
    public let timeout: TimeInterval

    public init(url: URL, timeout: TimeInterval = 30) {
        self.url = url
        self.timeout = timeout
    }

    /// The time-stamp token (DER ContentInfo) over a SHA-256 `digest`, checked for status, imprint and nonce.
    public func token(forSHA256 digest: [UInt8]) async throws(SigningError) -> [UInt8] {
        let nonce = (0..<8).map { _ in UInt8.random(in: 0...255) }
        let request = DERWriter.sequence([
            DERWriter.integer(1),
            DERWriter.sequence([SignerInfoBuilder.sha256Algorithm, DERWriter.octetString(digest)]),
            DERWriter.unsignedInteger(nonce),
            DERWriter.boolean(true),
        ])
        var http = URLRequest(url: url, timeoutInterval: timeout)
        http.httpMethod = "POST"
        http.setValue("application/timestamp-query", forHTTPHeaderField: "Content-Type")
        http.httpBody = Data(request)
        let body: Data
        do {
            let (data, response) = try await URLSession.shared.data(for: http)
            guard let status = (response as? HTTPURLResponse)?.statusCode, status == 200 else {
                throw SigningError.timestamp("il servizio \(url.absoluteString) ha risposto con un errore HTTP")
            }
            body = data
        } catch let error as SigningError {
            throw error
        } catch {
            throw SigningError.timestamp("servizio \(url.absoluteString) non raggiungibile (\(error.localizedDescription))")
        }
        return try Self.token(fromResponse: Array(body), digest: digest, nonce: nonce)
    }

    /// Extracts and checks the token of a TimeStampResp.
    static func token(fromResponse bytes: [UInt8], digest: [UInt8], nonce: [UInt8]) throws(SigningError) -> [UInt8] {
        do {
            let response = try DERNode.parse(bytes[...]).children()
            guard let statusInfo = response.first, let status = try statusInfo.children().first, status.tag == 0x02 else {
                throw SigningError.timestamp("risposta del servizio non valida")
            }
            guard status.content.count == 1, status.content.first! <= 1 else {
                throw SigningError.timestamp("il servizio ha rifiutato la richiesta (stato \(Array(status.content)))")
            }
            guard response.count > 1 else { throw SigningError.timestamp("risposta senza marca") }
            let token = Array(response[1].raw)
            let signed = try CMSSignedData(token)
            guard signed.contentType == OID.tstInfo, let info = signed.content else {
                throw SigningError.timestamp("la risposta non contiene una marca temporale")
            }
            let fields = try DERNode.parse(info[...]).children()
            let imprint = try fields[2].children()
            guard try imprint[1].octets() == digest else { throw SigningError.timestamp("la marca riguarda dati diversi") }
            let returnedNonce = fields.dropFirst(5).first { $0.tag == 0x02 }
            guard let returnedNonce, Array(returnedNonce.content.drop(while: { $0 == 0 })) == Array(nonce.drop(while: { $0 == 0 })) else {
                throw SigningError.timestamp("nonce della risposta diverso da quello della richiesta")
            }
            return token
        } catch let error as SigningError {
            throw error
        } catch {
            throw SigningError.timestamp("risposta del servizio non decodificabile")
        }
    }
}
