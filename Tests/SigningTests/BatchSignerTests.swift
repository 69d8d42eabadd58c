import Foundation
import Testing
@testable import Signing

@Suite("Firma massiva: una chiave, molti documenti, avanzamento")
struct BatchSignerTests {
    @Test func signsEveryDocumentReportsProgressAndKeepsOrder() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("acts-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let jobs = try (1...40).map { index in
            let input = directory.appendingPathComponent("atto-\(index).txt")
            try Data("Atto numero \(index)\n".utf8).write(to: input)
            return BatchSigner.Job(input: input, output: directory.appendingPathComponent("atto-\(index).txt.p7m"))
        }
        let missing = BatchSigner.Job(input: directory.appendingPathComponent("assente.txt"), output: directory.appendingPathComponent("assente.p7m"))
        let counter = Counter()
        let signer = BatchSigner(key: try SampleSet.key("mario-rossi"), format: .cades, concurrency: 2)
        let results = await signer.run(jobs + [missing]) { _, done in counter.record(done) }
        #expect(results.count == 41)
        #expect(results.map(\.job.input) == (jobs + [missing]).map(\.input))
        #expect(counter.values.sorted() == Array(1...41))
        #expect(results.last?.error?.code == "file")
        let verifier = SignatureVerifier(trust: try SampleSet.trust())
        for (index, job) in jobs.enumerated() {
            let report = verifier.verify(Array(try Data(contentsOf: job.output)))
            #expect(report.isValid)
            #expect(report.content == Array("Atto numero \(index + 1)\n".utf8))
        }
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Int] = []
    func record(_ value: Int) {
        lock.lock()
        values.append(value)
        lock.unlock()
    }
}
