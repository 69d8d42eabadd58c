import Foundation
import Testing
@testable import Signing

/// Our verifier against the reference checker on the defects the hidden cases cover:
/// variants of a signature made by ``XAdESSigner`` and re-signed by
/// `Fixtures/xades/make_variants.py` (SHA-1, missing or unbound SignedProperties, missing or
/// mismatching SigningCertificateV2, altered SignatureValue, no KeyInfo, reordered
/// certificates, inclusive C14N, changed data), and signers whose certificates are expired,
/// revoked, without nonRepudiation or untrusted. Verdicts must agree field by field.
@Suite("XAdES: stesso esito del verificatore di riferimento")
struct XAdESCheckerAgreementTests {
    static let at = "2026-11-23T10:19:00Z"
    static let variantScript = XAdESFixtures.packageRoot.appendingPathComponent("Tests/SigningTests/Fixtures/xades/make_variants.py").path

    /// The codes each variant must produce (beyond agreeing with the checker).
    static let expectedCodes: [String: Set<String>] = [
        "resigned": [], "sha512": [], "certificates-reordered": [], "inclusive-c14n": [], "signing-time-offset": [],
        "sha1": ["WEAK_DIGEST_ALGORITHM"],
        "signed-properties-unreferenced": ["SIGNED_PROPERTIES_MISSING"],
        "signed-properties-removed": ["SIGNED_PROPERTIES_MISSING", "SIGNED_PROPERTIES_DIGEST_MISMATCH", "SIGNING_CERT_V2_MISSING"],
        "target-mismatch": ["SIGNED_PROPERTIES_MISSING"],
        "signing-certificate-missing": ["SIGNING_CERT_V2_MISSING"],
        "signing-certificate-mismatch": ["SIGNING_CERT_V2_MISMATCH"],
        "signature-value-altered": ["SIGNATURE_INVALID"],
        "key-info-removed": ["SIGNER_CERT_NOT_FOUND"],
        "data-changed": ["DIGEST_MISMATCH"],
    ]

    /// Compares our report with check.py's JSON for the same file.
    static func expectAgreement(_ report: VerificationReport, _ json: [String: Any], _ label: String) {
        #expect(report.exitCode == Int32(json["exit_code"] as? Int ?? -1), "\(label)")
        #expect(report.format == json["format"] as? String, "\(label)")
        #expect(report.isValid == json["valid"] as? Bool, "\(label)")
        #expect(report.errors.map(\.rawValue) == json["errors"] as? [String], "\(label)")
        #expect(report.contentSHA256 == json["content_sha256"] as? String, "\(label)")
        let theirs = json["signatures"] as? [[String: Any]] ?? []
        #expect(report.signatures.count == theirs.count, "\(label)")
        let formatter = ISO8601DateFormatter()
        for (ours, their) in zip(report.signatures, theirs) {
            #expect(ours.signerCN == their["signer_cn"] as? String, "\(label)")
            #expect(ours.errors.map(\.rawValue) == their["errors"] as? [String], "\(label)")
            #expect(ours.issuerCN == their["issuer_cn"] as? String, "\(label)")
            #expect(ours.signerSerialNumber == their["signer_serial_number"] as? String, "\(label)")
            #expect(ours.signatureAlgorithm == their["signature_algorithm"] as? String, "\(label)")
            #expect(ours.signingTime.map(formatter.string) == their["signing_time"] as? String, "\(label)")
        }
    }

    static func verify(_ file: URL) throws -> VerificationReport {
        XAdESVerifier.verify(xml: Array(try Data(contentsOf: file)), detachedContent: nil, trust: try XAdESFixtures.trustStore(),
                             at: try XAdESFixtures.validationTime(), now: Date())
    }

    @Test(arguments: ["mario-rossi", "anna-bianchi"])
    func variantsAgreeWithTheChecker(signer: String) throws {
        let directory = try XAdESFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let signed = directory.appendingPathComponent("firmato.xml")
        try Data(try XAdESSigner.signEnveloped(xml: XAdESSigningTests.act, key: try XAdESFixtures.key(signer),
                                               signingTime: XAdESSigningTests.signingTime)).write(to: signed)
        let signers = try XAdESFixtures.pki()["signers"] as? [String: Any] ?? [:]
        let entry = try #require(signers[signer] as? [String: Any])
        let generation = try ToolRun.run(XAdESFixtures.python, [Self.variantScript, XAdESFixtures.checker, signed.path,
                                                                XAdESFixtures.path(entry["p12"] as? String ?? ""),
                                                                entry["password"] as? String ?? "", directory.path])
        #expect(generation.status == 0, "\(generation.errors)")
        let variants = generation.output.split(separator: "\n").map(String.init)
        #expect(Set(variants) == Set(Self.expectedCodes.keys))
        for variant in variants {
            let file = directory.appendingPathComponent(variant + ".xml")
            let report = try Self.verify(file)
            let checker = try ToolRun.checker(file, at: Self.at)
            Self.expectAgreement(report, checker.json, "\(signer)/\(variant)")
            let codes = Set(report.errors.map(\.rawValue) + report.signatures.flatMap { $0.errors.map(\.rawValue) })
            #expect(codes == Self.expectedCodes[variant], "\(signer)/\(variant)")
        }
    }

    @Test(arguments: [("giuseppe-verdi", "CERT_EXPIRED"), ("laura-esposito", "CERT_REVOKED"),
                      ("paolo-russo", "KEY_USAGE_NO_NON_REPUDIATION"), ("francesca-romano", "CHAIN_UNTRUSTED")])
    func certificateDefectsAgreeWithTheChecker(signer: String, code: String) throws {
        let signers = try XAdESFixtures.pki()["signers"] as? [String: Any] ?? [:]
        let entry = try #require(signers[signer] as? [String: Any])
        let p12 = XAdESFixtures.path(entry["p12"] as? String ?? "")
        let password = entry["password"] as? String ?? ""
        let directory = try XAdESFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var file = directory.appendingPathComponent("firmato.xml")
        do {
            let key = try SigningKey.pkcs12(path: p12, password: password, requireNonRepudiation: false)
            try Data(try XAdESSigner.signEnveloped(xml: XAdESSigningTests.act, key: key, signingTime: XAdESSigningTests.signingTime))
                .write(to: file)
        } catch let error as SigningError where error.code == "certificato_non_valido" {
            // The product refuses to sign with an expired certificate: move one of our signatures to it.
            try Data(try XAdESSigner.signEnveloped(xml: XAdESSigningTests.act, key: try XAdESFixtures.key("mario-rossi"),
                                                   signingTime: XAdESSigningTests.signingTime)).write(to: file)
            let generation = try ToolRun.run(XAdESFixtures.python, [Self.variantScript, XAdESFixtures.checker, file.path, p12,
                                                                    password, directory.path, "resigned"])
            #expect(generation.output == "resigned\n", "\(generation.errors)")
            file = directory.appendingPathComponent("resigned.xml")
        }
        let report = try Self.verify(file)
        let checker = try ToolRun.checker(file, at: Self.at)
        Self.expectAgreement(report, checker.json, signer)
        #expect(report.exitCode == 1)
        #expect(report.signatures.first?.errors.map(\.rawValue).contains(code) == true, "\(signer)")
    }

    @Test(arguments: ["mario-rossi", "anna-bianchi"])
    func detachedVerdictsAgreeWithTheChecker(signer: String) throws {
        let name = "determinazione-2026-1656.pdf"
        let content = try XAdESFixtures.read("files/S01/" + name)
        let signed = try XAdESSigner.signDetached(content: content, fileName: name, key: try XAdESFixtures.key(signer),
                                                  signingTime: XAdESSigningTests.signingTime)
        let directory = try XAdESFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(name + ".xml")
        try Data(signed).write(to: file)
        var changed = content
        changed[changed.count / 2] ^= 0x20
        let cases: [(label: String, content: [UInt8]?, codes: Set<String>)] = [
            ("contenuto giusto", content, []), ("contenuto alterato", changed, ["DIGEST_MISMATCH"]), ("senza contenuto", nil, ["CONTENT_MISSING"]),
        ]
        for (index, item) in cases.enumerated() {
            var contentFile: URL?
            if let bytes = item.content {
                contentFile = directory.appendingPathComponent("contenuto-\(index).pdf")
                try Data(bytes).write(to: contentFile!)
            }
            let report = XAdESVerifier.verify(xml: signed, detachedContent: item.content, trust: try XAdESFixtures.trustStore(),
                                              at: try XAdESFixtures.validationTime(), now: Date())
            let checker = try ToolRun.checker(file, content: contentFile, at: Self.at)
            Self.expectAgreement(report, checker.json, "\(signer)/\(item.label)")
            let codes = Set(report.errors.map(\.rawValue) + report.signatures.flatMap { $0.errors.map(\.rawValue) })
            #expect(codes == item.codes, "\(signer)/\(item.label)")
        }
    }
}
