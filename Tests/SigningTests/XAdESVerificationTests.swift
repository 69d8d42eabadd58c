import Foundation
import Testing
@testable import Signing

/// The XAdES cases of the signature-samples corpus, checked against the manifest's verdicts.
@Suite("XAdES: verifica dei casi del corpus")
struct XAdESVerificationTests {
    /// Every case whose expected format is `xades`, with its manifest entry.
    static func cases() throws -> [[String: Any]] {
        (try XAdESFixtures.manifest()["cases"] as? [[String: Any]] ?? []).filter { $0["format"] as? String == "xades" }
    }

    static func verify(_ entry: [String: Any]) throws -> VerificationReport {
        let files = try #require(entry["files"] as? [String: Any])
        let signed = try XAdESFixtures.read(try #require(files["signed"] as? String))
        let content = try (files["content"] as? String).map(XAdESFixtures.read)
        let trust = try XAdESFixtures.trustStore(anchors: entry["trust"] as? [String], crls: entry["crl"] as? [String])
        let at = try #require(ISO8601DateFormatter().date(from: entry["validation_time"] as? String ?? ""))
        return XAdESVerifier.verify(xml: signed, detachedContent: content, trust: trust, at: at, now: Date())
    }

    @Test func corpusHasTheXAdESCases() throws {
        let ids = try Self.cases().compactMap { $0["id"] as? String }
        #expect(ids.contains("S07"))
        #expect(ids.contains("S09"))
    }

    @Test func everyXAdESCaseMatchesTheManifest() throws {
        for entry in try Self.cases() {
            let id = entry["id"] as? String ?? "?"
            let expected = try #require(entry["expected"] as? [String: Any])
            let report = try Self.verify(entry)
            #expect(report.format == "xades", "\(id)")
            #expect(report.exitCode == Int32(expected["exit_code"] as? Int ?? -1), "\(id)")
            #expect(report.isValid == (expected["valid"] as? Bool), "\(id)")
            let union = Set(report.errors.map(\.rawValue) + report.signatures.flatMap { $0.errors.map(\.rawValue) })
            #expect(union == Set(expected["errors"] as? [String] ?? []), "\(id)")
            #expect(report.signatures.compactMap(\.signerCN).sorted() == (expected["signers"] as? [String] ?? []), "\(id)")
            #expect(report.contentSHA256 == expected["content_sha256"] as? String, "\(id)")
            let signatures = expected["signatures"] as? [[String: Any]] ?? []
            #expect(report.signatures.count == signatures.count, "\(id)")
            for wanted in signatures {
                let found = report.signatures.first { $0.signerCN == wanted["signer_cn"] as? String }
                #expect(found?.role.rawValue == wanted["role"] as? String, "\(id)")
                #expect(found?.level == wanted["level"] as? Int, "\(id)")
                #expect(found?.isValid == wanted["valid"] as? Bool, "\(id)")
                #expect(found?.errors.map(\.rawValue) == (wanted["errors"] as? [String] ?? []), "\(id)")
            }
        }
    }

    @Test func s07IsAValidEnvelopedSignatureByMarioRossi() throws {
        let entry = try #require(try Self.cases().first { $0["id"] as? String == "S07" })
        let report = try Self.verify(entry)
        #expect(report.isValid)
        #expect(report.exitCode == 0)
        #expect(report.errors.isEmpty)
        let signature = try #require(report.signatures.first)
        #expect(report.signatures.count == 1)
        #expect(signature.signerCN == "Mario Rossi")
        #expect(signature.signerCF == "RSSMRA71C14D150W")
        #expect(signature.issuerCN == "Test Qualified CA")
        #expect(signature.role == .signer && signature.level == 0)
        #expect(signature.signatureAlgorithm == "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256")
        #expect(signature.signingTime == ISO8601DateFormatter().date(from: "2026-11-20T14:02:00Z"))
        #expect(report.validationTime == (try XAdESFixtures.validationTime()))
        let signed = try XAdESFixtures.read("files/S07/comunicazione-2026-0327.xml")
        #expect(report.content == signed)
        #expect(report.contentSHA256 == "c2f1d927d9a929d2551ae8740e43d7d37c90cc5b76137d8538733c4c068cd4e1")
    }

    @Test func s09BackDatedSigningTimeBreaksTheSignedProperties() throws {
        let entry = try #require(try Self.cases().first { $0["id"] as? String == "S09" })
        let report = try Self.verify(entry)
        #expect(!report.isValid)
        #expect(report.exitCode == 1)
        #expect(report.errors.isEmpty)
        #expect(report.signatures.map(\.errors) == [[.signedPropertiesDigestMismatch]])
        #expect(report.signatures.first?.signerCN == "Mario Rossi")
    }

    @Test func withoutTrustAnchorTheChainIsUntrusted() throws {
        let entry = try #require(try Self.cases().first { $0["id"] as? String == "S07" })
        let files = try #require(entry["files"] as? [String: Any])
        let signed = try XAdESFixtures.read(try #require(files["signed"] as? String))
        let rogue = try XAdESFixtures.trustStore(anchors: ["pki/certs/rogue-root-ca.pem"], crls: [])
        let report = XAdESVerifier.verify(xml: signed, detachedContent: nil, trust: rogue, at: try XAdESFixtures.validationTime(), now: Date())
        #expect(report.exitCode == 1)
        #expect(report.signatures.first?.errors == [.chainUntrusted])
    }

    @Test func detachedContentGivenWithAnEnvelopedSignatureIsHashedAsTheContent() throws {
        let signed = try XAdESFixtures.read("files/S07/comunicazione-2026-0327.xml")
        let other = Array("altro contenuto".utf8)
        let report = XAdESVerifier.verify(xml: signed, detachedContent: other, trust: try XAdESFixtures.trustStore(),
                                          at: try XAdESFixtures.validationTime(), now: Date())
        #expect(report.isValid)
        #expect(report.contentSHA256 == hexString(DigestAlgorithm.sha256.hash(other)))
        #expect(report.content == other)
    }
}
