import Foundation
import Testing
@testable import Signing

/// Fixtures and external tools for the XAdES tests: the signature-samples corpus
/// (`Fixtures/signature-samples`, same layout as the shared set), the reference checker
/// `check.py`, the Python that runs it, and `xmlsec1`.
enum XAdESFixtures {
    /// The package root, from this file's path (`Tests/SigningTests/…`).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let samples = packageRoot.appendingPathComponent("Tests/SigningTests/Fixtures/signature-samples")

    /// Python with asn1crypto, cryptography and lxml: `ACTS_PYTHON`, else the project's venv.
    static var python: String {
        ProcessInfo.processInfo.environment["ACTS_PYTHON"]
            ?? packageRoot.appendingPathComponent(".build-tools/venv/bin/python").path
    }

    /// The reference checker, copied with the samples.
    static var checker: String { samples.appendingPathComponent("check.py").path }

    static func path(_ relative: String) -> String { samples.appendingPathComponent(relative).path }

    static func read(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: samples.appendingPathComponent(relative)))
    }

    /// manifest.json as a dictionary.
    static func manifest() throws -> [String: Any] {
        let data = try Data(contentsOf: samples.appendingPathComponent("manifest.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    static func pki() throws -> [String: Any] { try manifest()["pki"] as? [String: Any] ?? [:] }

    /// The manifest's validation time.
    static func validationTime() throws -> Date {
        let text = try manifest()["validation_time"] as? String ?? ""
        return try #require(ISO8601DateFormatter().date(from: text))
    }

    /// Trust anchors and CRLs the manifest lists.
    static func trustStore(anchors: [String]? = nil, crls: [String]? = nil) throws -> TrustStore {
        let pki = try pki()
        let anchorFiles = anchors ?? (pki["trust_anchors"] as? [String] ?? [])
        let crlFiles = crls ?? (pki["crls"] as? [String] ?? [])
        return try TrustStore(anchorFiles: anchorFiles.map(path), crlFiles: crlFiles.map(path))
    }

    /// A signer's key from its `.p12` with the manifest's password.
    static func key(_ signer: String) throws -> SigningKey {
        let signers = try pki()["signers"] as? [String: Any] ?? [:]
        let entry = try #require(signers[signer] as? [String: Any])
        let password = try #require(entry["password"] as? String)
        return try SigningKey.pkcs12(path: path(try #require(entry["p12"] as? String)), password: password)
    }

    /// The CN the manifest gives a signer.
    static func commonName(_ signer: String) throws -> String {
        let signers = try pki()["signers"] as? [String: Any] ?? [:]
        return try #require((signers[signer] as? [String: Any])?["cn"] as? String)
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("xades-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// The outcome of an external command.
struct ToolRun {
    let status: Int32
    let output: String
    let errors: String

    /// Runs `executable` (a path, or a name looked up in PATH) with `arguments`, output to files
    /// so that large outputs cannot block the child.
    static func run(_ executable: String, _ arguments: [String], directory: URL? = nil) throws -> ToolRun {
        let scratch = try XAdESFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out")
        let errURL = scratch.appendingPathComponent("err")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        if executable.contains("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        if let directory { process.currentDirectoryURL = directory }
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return ToolRun(status: process.terminationStatus,
                       output: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                       errors: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// `check.py FILE [--content F] --trust … --crl … --at … --json` on the manifest's PKI.
    static func checker(_ file: URL, content: URL? = nil, at: String? = nil) throws -> (run: ToolRun, json: [String: Any]) {
        let pki = try XAdESFixtures.pki()
        var arguments = [XAdESFixtures.checker, file.path]
        if let content { arguments += ["--content", content.path] }
        arguments += ["--trust"] + (pki["trust_anchors"] as? [String] ?? []).map(XAdESFixtures.path)
        arguments += ["--crl"] + (pki["crls"] as? [String] ?? []).map(XAdESFixtures.path)
        if let at { arguments += ["--at", at] }
        arguments.append("--json")
        let run = try run(XAdESFixtures.python, arguments)
        let json = (try? JSONSerialization.jsonObject(with: Data(run.output.utf8))) as? [String: Any] ?? [:]
        return (run, json)
    }

    /// `xmlsec1 --verify` with the XAdES Id attribute registered, the root trusted and the
    /// intermediate untrusted; a detached file is mapped with `--url-map`.
    static func xmlsec(_ file: URL, detached: (uri: String, file: URL)? = nil) throws -> ToolRun {
        let pki = try XAdESFixtures.pki()
        var arguments = ["--verify", "--id-attr:Id", "http://uri.etsi.org/01903/v1.3.2#:SignedProperties"]
        for anchor in pki["trust_anchors"] as? [String] ?? [] { arguments += ["--trusted-pem", XAdESFixtures.path(anchor)] }
        if let intermediate = pki["intermediate"] as? String { arguments += ["--untrusted-pem", XAdESFixtures.path(intermediate)] }
        if let detached {
            arguments += ["--url-map:\(detached.uri)", detached.file.path, "--enabled-reference-uris", "empty,same-doc,local,remote"]
        }
        arguments.append(file.path)
        return try run("xmlsec1", arguments)
    }
}
