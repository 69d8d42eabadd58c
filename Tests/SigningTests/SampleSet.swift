import Foundation
@testable import Signing

/// The signature-samples development set copied into the tests (manifest, files, test PKI).
enum SampleSet {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/signature-samples")
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    struct Manifest: Decodable {
        struct PKI: Decodable {
            struct Signer: Decodable {
                let cn: String
                let p12: String
                let password: String
                let cert: String
            }
            let trust_anchors: [String]
            let crls: [String]
            let intermediate: String
            let signers: [String: Signer]
        }
        struct Case: Decodable {
            struct Files: Decodable {
                let signed: String
                let content: String?
            }
            struct Expected: Decodable {
                struct Signature: Decodable {
                    let signer_cn: String
                    let role: String
                    let level: Int
                    let valid: Bool
                    let errors: [String]
                }
                let valid: Bool
                let exit_code: Int32
                let errors: [String]
                let signers: [String]
                let signatures: [Signature]
                let content_sha256: String?
            }
            let id: String
            let format: String
            let files: Files
            let trust: [String]
            let crl: [String]
            let validation_time: String
            let expected: Expected
        }
        let validation_time: String
        let pki: PKI
        let cases: [Case]
    }

    static let manifest: Manifest = {
        let data = try! Data(contentsOf: root.appendingPathComponent("manifest.json"))
        return try! JSONDecoder().decode(Manifest.self, from: data)
    }()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static func bytes(_ relative: String) -> [UInt8] { Array(try! Data(contentsOf: root.appendingPathComponent(relative))) }

    static func date(_ iso: String) -> Date { try! Date.ISO8601FormatStyle().parse(iso) }

    /// The trust store of the set: the root anchor and both CRLs.
    static func trust(crls: Bool = true) throws -> TrustStore {
        try TrustStore(anchorFiles: manifest.pki.trust_anchors.map(path), crlFiles: crls ? manifest.pki.crls.map(path) : [])
    }

    static func key(_ signer: String, requireNonRepudiation: Bool = true) throws -> SigningKey {
        let entry = manifest.pki.signers[signer]!
        return try SigningKey.pkcs12(path: path(entry.p12), password: entry.password, requireNonRepudiation: requireNonRepudiation)
    }

    /// The Python of the project's venv (or ACTS_PYTHON), which has the checker's dependencies.
    static var python: String {
        ProcessInfo.processInfo.environment["ACTS_PYTHON"] ?? packageRoot.appendingPathComponent(".build-tools/venv/bin/python").path
    }

    /// The independent checker, copied from the samples.
    static var checker: String { root.appendingPathComponent("check.py").path }

    /// Writes bytes to a new temporary file and returns its path.
    static func temporaryFile(_ bytes: [UInt8], name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("acts-sig-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }
}

/// Runs a program and collects its exit status and output.
enum Command {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                    directory: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : "/usr/bin/env")
        process.arguments = executable.hasPrefix("/") ? arguments : [executable] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// check.py's verdict on a file the product signed (exit status 0 = valid).
    static func checker(_ file: String, content: String? = nil) throws -> Output {
        var arguments = [SampleSet.checker, file]
        if let content { arguments += ["--content", content] }
        arguments += ["--trust"] + SampleSet.manifest.pki.trust_anchors.map(SampleSet.path)
        arguments += ["--crl"] + SampleSet.manifest.pki.crls.map(SampleSet.path)
        return try run(SampleSet.python, arguments)
    }
}
