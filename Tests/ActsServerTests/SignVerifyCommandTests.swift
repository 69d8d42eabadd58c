import Foundation
import Testing

/// The `acts sign` / `acts verify` command lines, run as the built executable, judged by the
/// independent checker of the signature samples (which cross-checks with OpenSSL and xmlsec1).
@Suite("Comandi acts sign e acts verify", .serialized)
struct SignVerifyCommandTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SigningTests/Fixtures/signature-samples")
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var python: String {
        ProcessInfo.processInfo.environment["ACTS_PYTHON"] ?? packageRoot.appendingPathComponent(".build-tools/venv/bin/python").path
    }

    /// The `acts` executable built beside the test bundle.
    static var acts: String {
        get throws {
            let path = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("acts").path
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "eseguibile acts non trovato in \(path)"])
            }
            return path
        }
    }

    static func password(_ signer: String) throws -> String {
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: samples.appendingPathComponent("manifest.json"))) as! [String: Any]
        let signers = (manifest["pki"] as! [String: Any])["signers"] as! [String: Any]
        return (signers[signer] as! [String: Any])["password"] as! String
    }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:], directory: URL? = nil) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    static func check(_ file: String, content: String? = nil) throws -> Int32 {
        var arguments = [samples.appendingPathComponent("check.py").path, file]
        if let content { arguments += ["--content", content] }
        arguments += ["--trust", samples.appendingPathComponent("pki/trust/test-root-ca.pem").path,
                      "--crl", samples.appendingPathComponent("pki/crl/test-qualified-ca.crl.pem").path]
        return try run(python, arguments).0
    }

    @Test func verifierAgreesWithEveryManifestCaseThroughTheCommandLine() throws {
        let command = "\(try Self.acts) verify {signed} {content_opt} --trust {trust} --crl {crl} --at {at} --json"
        let (status, stdout, _) = try Self.run(Self.python, [Self.samples.appendingPathComponent("run_manifest.py").path,
                                                              Self.samples.appendingPathComponent("manifest.json").path, "--cmd", command])
        #expect(status == 0, "\(stdout)")
        #expect(stdout.contains("12 passed, 0 failed"))
    }

    /// Scripts that fill `--crl {crl}` from an empty list write `--crl` with no value: it means "no CRL".
    @Test func emptyCRLListMeansNoCRL() throws {
        let signed = Self.samples.appendingPathComponent("files/S12")
        let file = try FileManager.default.contentsOfDirectory(atPath: signed.path).first { $0.hasSuffix(".p7m") }!
        let (status, stdout, stderr) = try Self.run(try Self.acts, ["verify", signed.appendingPathComponent(file).path, "--trust",
            Self.samples.appendingPathComponent("pki/trust/test-root-ca.pem").path, "--crl", "--at", "2026-11-23T10:19:00Z", "--json"])
        #expect(status == 0, "\(stderr)")
        #expect(stdout.contains("\"valid\":true"))
    }

    @Test(arguments: ["cades", "cades-detached", "xades", "xades-detached"])
    func everyFormatIsAcceptedByTheIndependentChecker(_ format: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("acts-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let name = format.hasPrefix("xades") ? "segnatura.xml" : "determina.txt"
        let input = directory.appendingPathComponent(name)
        let text = format.hasPrefix("xades")
            ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Segnatura xmlns=\"http://www.agid.gov.it/protocollo/\"><Oggetto>Contributo &amp; sostegno</Oggetto></Segnatura>\n"
            : "Determinazione dirigenziale n. 7/2026\n"
        try Data(text.utf8).write(to: input)
        let (status, stdout, stderr) = try Self.run(try Self.acts, [
            "sign", "--format", format, "--key", Self.samples.appendingPathComponent("pki/p12/mario-rossi.p12").path,
            "--password-env", "ACTS_TEST_PIN", "--out", directory.appendingPathComponent("firmati").path, input.path,
        ], environment: ["ACTS_TEST_PIN": try Self.password("mario-rossi")])
        #expect(status == 0, "\(stderr)")
        let line = try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as! [String: Any]
        #expect(line["ok"] as? Bool == true)
        let output = try #require(line["output"] as? String)
        let expectedName = ["cades": "determina.txt.p7m", "cades-detached": "determina.txt.p7s", "xades": "segnatura.xml",
                            "xades-detached": "segnatura.xml.xades.xml"][format]!
        #expect(URL(fileURLWithPath: output).lastPathComponent == expectedName)
        let detached = format.hasSuffix("detached") ? input.path : nil
        #expect(try Self.check(output, content: detached) == 0)
        let (verified, report, _) = try Self.run(try Self.acts, ["verify", output] + (detached.map { ["--content", $0] } ?? [])
            + ["--trust", Self.samples.appendingPathComponent("pki/trust/test-root-ca.pem").path, "--json"])
        #expect(verified == 0, "\(report)")
    }

    @Test func parallelSignatureCountersignatureAndExitCodesOfSeveralFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("acts-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let input = directory.appendingPathComponent("atto.txt")
        try Data("Atto con visto contabile\n".utf8).write(to: input)
        let key = { (signer: String) in ["--key", Self.samples.appendingPathComponent("pki/p12/\(signer).p12").path, "--password-env", "PIN"] }
        var (status, _, stderr) = try Self.run(try Self.acts, ["sign", "--format", "cades"] + key("mario-rossi")
            + ["--out", directory.appendingPathComponent("uno").path, input.path], environment: ["PIN": try Self.password("mario-rossi")])
        #expect(status == 0, "\(stderr)")
        let first = directory.appendingPathComponent("uno/atto.txt.p7m").path
        (status, _, stderr) = try Self.run(try Self.acts, ["sign", "--format", "cades"] + key("anna-bianchi")
            + ["--add-to", first, "--out", directory.appendingPathComponent("due").path], environment: ["PIN": try Self.password("anna-bianchi")])
        #expect(status == 0, "\(stderr)")
        (status, _, stderr) = try Self.run(try Self.acts, ["sign", "--format", "cades"] + key("anna-bianchi")
            + ["--countersign", first, "--out", directory.appendingPathComponent("contro").path], environment: ["PIN": try Self.password("anna-bianchi")])
        #expect(status == 0, "\(stderr)")
        let parallel = directory.appendingPathComponent("due/atto.txt.p7m").path
        let countersigned = directory.appendingPathComponent("contro/atto.txt.p7m").path
        #expect(try Self.check(parallel) == 0)
        #expect(try Self.check(countersigned) == 0)

        let garbage = directory.appendingPathComponent("falso.p7m")
        try Data((0..<4096).map { _ in UInt8.random(in: 0...255) }).write(to: garbage)
        let extracted = directory.appendingPathComponent("estratti")
        let (code, stdout, _) = try Self.run(try Self.acts, ["verify", parallel, countersigned, garbage.path, "--trust",
            Self.samples.appendingPathComponent("pki/trust/test-root-ca.pem").path, "--json", "--extract", extracted.path])
        #expect(code == 2)
        let lines = stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(lines.count == 3)
        #expect(lines.map { $0["file"] as? String } == [parallel, countersigned, garbage.path])
        #expect((lines[0]["signatures"] as! [[String: Any]]).count == 2)
        #expect((lines[1]["signatures"] as! [[String: Any]]).contains { $0["role"] as? String == "countersigner" })
        #expect(lines[2]["errors"] as? [String] == ["FORMAT_UNKNOWN"])
        #expect(try Data(contentsOf: extracted.appendingPathComponent("atto.txt")) == Data("Atto con visto contabile\n".utf8))

        let (refused, _, message) = try Self.run(try Self.acts, ["sign", "--format", "cades"] + key("paolo-russo")
            + ["--out", directory.path, input.path], environment: ["PIN": try Self.password("paolo-russo")])
        #expect(refused == 2)
        #expect(message.contains("non ripudio"))
    }
}
