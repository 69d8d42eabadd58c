import Foundation
import Testing
@testable import Signing

/// A SoftHSM2 token in a temporary directory holding one signer's key and certificate
/// (the recipe of `signature-samples/PKCS11.md`).
struct SoftHSMToken {
    static let module = "/usr/lib/softhsm/libsofthsm2.so"
    let configuration: String
    let pin = "123456"
    let uri: String

    init(signer: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("acts-p11-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("tokens"), withIntermediateDirectories: true)
        configuration = directory.appendingPathComponent("softhsm2.conf").path
        try Data("directories.tokendir = \(directory.path)/tokens\nobjectstore.backend = file\nlog.level = ERROR\n".utf8)
            .write(to: URL(fileURLWithPath: configuration))
        let environment = ["SOFTHSM2_CONF": configuration]
        let entry = SampleSet.manifest.pki.signers[signer]!
        let keyFile = directory.appendingPathComponent("key.der").path
        let certFile = directory.appendingPathComponent("cert.der").path
        let steps: [[String]] = [
            ["softhsm2-util", "--init-token", "--free", "--label", "firma-test", "--so-pin", "87654321", "--pin", pin],
            ["openssl", "pkcs12", "-in", SampleSet.path(entry.p12), "-passin", "pass:\(entry.password)", "-nocerts", "-nodes", "-out", keyFile + ".pem"],
            ["openssl", "pkcs8", "-topk8", "-nocrypt", "-in", keyFile + ".pem", "-outform", "DER", "-out", keyFile],
            ["openssl", "x509", "-in", SampleSet.path(entry.cert), "-outform", "DER", "-out", certFile],
            ["pkcs11-tool", "--module", Self.module, "--token-label", "firma-test", "--login", "--pin", pin,
             "--write-object", keyFile, "--type", "privkey", "--id", "01", "--label", signer],
            ["pkcs11-tool", "--module", Self.module, "--token-label", "firma-test", "--login", "--pin", pin,
             "--write-object", certFile, "--type", "cert", "--id", "01", "--label", signer],
        ]
        for step in steps {
            let result = try Command.run(step[0], Array(step.dropFirst()), environment: environment)
            guard result.status == 0 else {
                throw SigningError.token("preparazione del token di prova non riuscita (\(step[0])): \(result.stderr)")
            }
        }
        try? FileManager.default.removeItem(atPath: keyFile)
        try? FileManager.default.removeItem(atPath: keyFile + ".pem")
        uri = "pkcs11:token=firma-test;object=\(signer);type=private"
    }
}

@Suite("PKCS#11: firma con chiave su dispositivo (SoftHSM2)", .serialized)
struct PKCS11Tests {
    @Test func tokenKeySignsManyDocumentsWithOneLogin() async throws {
        let token = try SoftHSMToken(signer: "mario-rossi")
        setenv("SOFTHSM2_CONF", token.configuration, 1)
        let intermediate = try Certificate.load(SampleSet.bytes("pki/certs/test-qualified-ca.pem"))
        #expect { try SigningKey.pkcs11(module: SoftHSMToken.module, uri: token.uri, pin: "000000", chain: intermediate) } throws: {
            ["pin_errato", "token_pkcs11"].contains(($0 as? SigningError)?.code)
        }
        let key = try SigningKey.pkcs11(module: SoftHSMToken.module, uri: token.uri, pin: token.pin, chain: intermediate)
        #expect(key.certificate.subjectCN == "Mario Rossi")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("acts-p11-docs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let jobs = try (1...12).map { index in
            let input = directory.appendingPathComponent("atto-\(index).txt")
            try Data("Atto \(index) firmato con il token\n".utf8).write(to: input)
            return BatchSigner.Job(input: input, output: directory.appendingPathComponent("atto-\(index).txt.p7m"))
        }
        let results = await BatchSigner(key: key, format: .cades).run(jobs)
        #expect(results.allSatisfy { $0.error == nil })
        let verifier = SignatureVerifier(trust: try SampleSet.trust())
        for job in jobs { #expect(verifier.verify(Array(try Data(contentsOf: job.output))).isValid) }
        let checked = try Command.checker(jobs[0].output.path)
        #expect(checked.status == 0, "\(checked.stdout)")
        let openssl = try Command.run("openssl", ["cms", "-verify", "-cades", "-binary", "-inform", "DER", "-in", jobs[1].output.path,
                                                  "-CAfile", SampleSet.path("pki/trust/test-root-ca.pem"), "-purpose", "any", "-out", "/dev/null"])
        #expect(openssl.status == 0)
    }
}
