import Foundation
import Testing
@testable import Signing

@Suite("CAdES-T: marca temporale RFC 3161 da un TSA locale")
struct TimestampTests {
    let content = Array("Comunicazione di avvio del procedimento\n".utf8)

    @Test func timestampedSignatureVerifiesAndSetsTheValidationTime() async throws {
        let tsa = try LocalTSA()
        let client = TimestampClient(url: tsa.url)
        let key = try SampleSet.key("mario-rossi")
        let signed = try CAdESSigner.sign(content: content, detached: false, key: key, signingTime: Date())
        let stamped = try await CAdESSigner.addTimestamps(to: signed, signedBy: key.certificate) { (digest: [UInt8]) async throws(SigningError) -> [UInt8] in
            try await client.token(forSHA256: digest)
        }
        let report = SignatureVerifier(trust: try SampleSet.trust()).verify(stamped)
        #expect(report.isValid, "\(report.signatures.map(\.errors))")
        let stamp = try #require(report.signatures.first?.timestamp)
        #expect(stamp.isValid)
        #expect(report.validationTime == stamp.genTime)
        #expect(abs(stamp.genTime!.timeIntervalSinceNow) < 120)
        let checked = try Command.checker(try SampleSet.temporaryFile(stamped, name: "t.p7m"))
        #expect(checked.status == 0, "\(checked.stdout)")
    }

    @Test func timestampOverOtherDataIsInvalid() async throws {
        let tsa = try LocalTSA()
        let client = TimestampClient(url: tsa.url)
        let key = try SampleSet.key("anna-bianchi")
        let signed = try CAdESSigner.sign(content: content, detached: false, key: key, signingTime: Date())
        let wrong = DigestAlgorithm.sha256.hash(Array("altro".utf8))
        let stamped = try await CAdESSigner.addTimestamps(to: signed, signedBy: key.certificate) { (_: [UInt8]) async throws(SigningError) -> [UInt8] in
            try await client.token(forSHA256: wrong)
        }
        let report = SignatureVerifier(trust: try SampleSet.trust()).verify(stamped, at: Date())
        #expect(report.signatures.first?.errors == [.timestampInvalid])
        #expect(report.signatures.first?.timestamp?.isValid == false)
    }

    @Test func unreachableAuthorityIsAClearError() async throws {
        let client = TimestampClient(url: URL(string: "http://127.0.0.1:9/tsa")!, timeout: 5)
        await #expect { try await client.token(forSHA256: DigestAlgorithm.sha256.hash([1])) } throws: {
            ($0 as? SigningError)?.code == "marca_temporale"
        }
    }
}
