import Foundation

/// Signs many documents in one operation with one key (one PIN entry), spreading the work over
/// the cores and reporting progress per document.
public struct BatchSigner: Sendable {
    /// Output formats.
    public enum Format: String, Sendable, CaseIterable {
        case cades, cadesDetached = "cades-detached", xades, xadesDetached = "xades-detached"

        /// The output name for an input named `name`.
        public func outputName(for name: String) -> String {
            switch self {
            case .cades: name + ".p7m"
            case .cadesDetached: name + ".p7s"
            case .xades: name
            case .xadesDetached: name + ".xades.xml"
            }
        }
    }

    /// What to do with each input.
    public enum Operation: Sendable {
        /// Sign the file.
        case sign
        /// Add a parallel signature to an existing signed file (`content`: the data of a detached one).
        case addSignature(content: URL?)
        /// Counter-sign the signatures of an existing signed file.
        case countersign
    }

    /// One document to sign.
    public struct Job: Sendable {
        public let input: URL
        public let output: URL
        public init(input: URL, output: URL) {
            self.input = input
            self.output = output
        }
    }

    /// The outcome for one document.
    public struct Result: Sendable {
        public let job: Job
        /// SHA-256 (hex) of the written file, when signed.
        public let outputSHA256: String?
        public let error: SigningError?
    }

    public let key: SigningKey
    public let format: Format
    public let operation: Operation
    public let timestamp: TimestampClient?
    /// Documents signed at the same time (default: the number of cores).
    public let concurrency: Int

    public init(key: SigningKey, format: Format, operation: Operation = .sign, timestamp: TimestampClient? = nil,
                concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.key = key
        self.format = format
        self.operation = operation
        self.timestamp = timestamp
        self.concurrency = max(1, timestamp == nil ? concurrency : concurrency * 4)
    }

    /// Signs every job; `progress` is called once per document as it completes (any order), with
    /// the count done so far. Results come back in the order of `jobs`.
    public func run(_ jobs: [Job], progress: @escaping @Sendable (Result, Int) -> Void = { _, _ in }) async -> [Result] {
        var results = [Result?](repeating: nil, count: jobs.count)
        await withTaskGroup(of: (Int, Result).self) { group in
            var next = 0
            var done = 0
            func submit() {
                guard next < jobs.count else { return }
                let index = next
                next += 1
                group.addTask { (index, await self.process(jobs[index], signingTime: Date())) }
            }
            for _ in 0..<concurrency { submit() }
            for await (index, result) in group {
                results[index] = result
                done += 1
                progress(result, done)
                submit()
            }
        }
        OutputFile.syncAll()
        return results.map { $0! }
    }

    /// Signs one document and writes the output atomically.
    public func process(_ job: Job, signingTime: Date) async -> Result {
        do throws(SigningError) {
            let input = try Self.read(job.input)
            var output = try signed(input, name: job.input.lastPathComponent, signingTime: signingTime)
            if let timestamp, format == .cades || format == .cadesDetached {
                output = try await CAdESSigner.addTimestamps(to: output, signedBy: key.certificate) { (digest: [UInt8]) async throws(SigningError) -> [UInt8] in
                    try await timestamp.token(forSHA256: digest)
                }
            }
            try OutputFile.write(output, to: job.output)
            return Result(job: job, outputSHA256: hexString(DigestAlgorithm.sha256.hash(output)), error: nil)
        } catch {
            return Result(job: job, outputSHA256: nil, error: error)
        }
    }

    private func signed(_ input: [UInt8], name: String, signingTime: Date) throws(SigningError) -> [UInt8] {
        switch (operation, format) {
        case (.sign, .cades): return try CAdESSigner.sign(content: input, detached: false, key: key, signingTime: signingTime)
        case (.sign, .cadesDetached): return try CAdESSigner.sign(content: input, detached: true, key: key, signingTime: signingTime)
        case (.sign, .xades): return try XAdESSigner.signEnveloped(xml: input, key: key, signingTime: signingTime)
        case (.sign, .xadesDetached):
            return try XAdESSigner.signDetached(content: input, fileName: name, key: key, signingTime: signingTime)
        case (.addSignature(let content), .cades), (.addSignature(let content), .cadesDetached):
            return try CAdESSigner.addSignature(to: input, detachedContent: try content.map(Self.read), key: key, signingTime: signingTime)
        case (.countersign, .cades), (.countersign, .cadesDetached):
            return try CAdESSigner.countersign(input, key: key, signingTime: signingTime)
        case (.addSignature, _), (.countersign, _):
            throw SigningError.input("Firma parallela e controfirma sono disponibili per il formato CAdES.")
        }
    }

    static func read(_ url: URL) throws(SigningError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw SigningError.io(url.path, "file non trovato o non leggibile")
        }
        return Array(data)
    }
}
