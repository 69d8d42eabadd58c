import Foundation

/// The tests' RFC 3161 authority on loopback (`Fixtures/tsa-server.py`, `openssl ts -reply`).
final class LocalTSA: @unchecked Sendable {
    let process = Process()
    let url: URL

    init() throws {
        let script = SampleSet.root.deletingLastPathComponent().appendingPathComponent("tsa-server.py").path
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, SampleSet.path("pki/tsa")]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            kill(process.processIdentifier, SIGKILL)
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "il TSA locale non è partito"])
        }
        url = URL(string: "http://127.0.0.1:\(port)/tsa")!
    }

    deinit {
        // SIGKILL: the child inherits the test process's blocked-signal mask, so SIGTERM would stay pending.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
