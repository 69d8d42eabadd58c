import Configuration
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Signing
import Testing

@testable import ActsServer

@Suite("Segnatura di protocollo (AgID All. 6) sigillata dall'AOO")
struct SegnaturaAPITests {
    static let samples = SignVerifyCommandTests.samples

    @Test func outgoingRegistrationHasASealedSegnaturaValidAgainstTheSchema() async throws {
        let app = try await TestApp(extraSettings: [
            "acts.sigillo.p12": ConfigValue(.string(Self.samples.appendingPathComponent("pki/p12/mario-rossi.p12").path), isSecret: false),
            "acts.sigillo.password": ConfigValue(.string(try SignVerifyCommandTests.password("mario-rossi")), isSecret: true),
            "acts.codice.ipa": "c_x000",
        ])
        let xml = try await app.run { client in
            let protocollo = try await client.login("protocollo")
            let body: [String: JSONValueInput] = [
                "direzione": .string("partenza"), "oggetto": .string("Comunicazione di avvio del procedimento <contributo> & \"sostegno\""),
                "classifica": .string("7.1"),
                "destinatari": .array([.object(["denominazione": .string("Mario Rossi"), "codiceFiscale": .string("RSSMRA48C15F205X")])]),
                "allegati": .array([.object(["nome": .string("avvio.pdf"), "mimeType": .string("application/pdf"),
                                             "contenutoBase64": .string(Data("%PDF-1.7 avvio".utf8).base64EncodedString())])]),
            ]
            let created = try await client.request(.post, "/api/v1/registro", json: body, as: protocollo)
            #expect(created.status == .created)
            let response = try await client.request(.get, "/api/v1/registro/PG/2026/1/segnatura", as: protocollo)
            #expect(response.status == .ok)
            #expect(response.headers[HTTPField.Name("X-Segnatura-Sigillata")!] == "si")
            return Array(response.text.utf8)
        }
        let validator = try XMLSchemaValidator(schemaPath: ResourceFiles.directory.appendingPathComponent("xsd/segnatura_protocollo.xsd").path)
        #expect(validator.validate(xml).isEmpty)
        let text = String(decoding: xml, as: UTF8.self)
        #expect(text.contains("<prot:NumeroRegistrazione>0000001</prot:NumeroRegistrazione>"))
        #expect(text.contains("&lt;contributo&gt; &amp;"))
        // The seal verifies (XAdES, signed by the configured key) and the impronta is the file's.
        let report = SignatureVerifier(trust: try TrustStore(anchorFiles: [Self.samples.appendingPathComponent("pki/trust/test-root-ca.pem").path], crlFiles: []))
            .verify(xml)
        #expect(report.format == "xades" && report.isValid)
        #expect(text.contains(Data(SHA256Digest.of(Array("%PDF-1.7 avvio".utf8))).base64EncodedString()))
    }

    @Test func withoutASealTheSegnaturaIsMarkedUnsealed() async throws {
        let app = try await TestApp()
        try await app.run { client in
            let protocollo = try await client.login("protocollo")
            let body: [String: JSONValueInput] = [
                "direzione": .string("arrivo"), "oggetto": .string("Istanza"), "classifica": .string("7.1"),
                "mittenti": .array([.object(["denominazione": .string("Mario Rossi")])]),
                "allegati": .array([.object(["nome": .string("istanza.pdf"), "contenutoBase64": .string(Data("istanza".utf8).base64EncodedString())])]),
            ]
            #expect(try await client.request(.post, "/api/v1/registro", json: body, as: protocollo).status == .created)
            let response = try await client.request(.get, "/api/v1/registro/PG/2026/1/segnatura", as: protocollo)
            #expect(response.status == .ok)
            #expect(response.headers[HTTPField.Name("X-Segnatura-Sigillata")!] == "no")
            #expect(!response.text.contains("ds:Signature"))
        }
    }
}

/// Heterogeneous JSON for request bodies.
enum JSONValueInput: Encodable {
    case string(String)
    case array([JSONValueInput])
    case object([String: JSONValueInput])

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let s): try container.encode(s)
        case .array(let a): try container.encode(a)
        case .object(let o): try container.encode(o)
        }
    }
}

/// SHA-256 through the signing module's OpenSSL binding.
enum SHA256Digest {
    static func of(_ bytes: [UInt8]) -> [UInt8] { DigestAlgorithm.sha256.hash(bytes) }
}
