import Foundation

/// Progress of a long batch on standard error: `Firmati 120/1000 (12%)`, at most a few times per second.
final class ProgressLine: @unchecked Sendable {
    private let total: Int
    private let lock = NSLock()
    private var lastPrint = Date.distantPast
    private let started = Date()

    init(total: Int) {
        self.total = total
    }

    func update(_ done: Int) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard done == total || now.timeIntervalSince(lastPrint) >= 0.5 else { return }
        lastPrint = now
        let percent = total == 0 ? 100 : done * 100 / total
        FileHandle.standardError.write(Data("\rFirmati \(done)/\(total) (\(percent)%)".utf8))
    }

    func finish(failed: Int) {
        let seconds = Date().timeIntervalSince(started)
        let rate = seconds > 0 ? Double(total) / seconds : 0
        let summary = failed == 0 ? "tutti firmati" : "\(failed) non firmati (vedere le righe con \"ok\":false)"
        FileHandle.standardError.write(Data(String(format: "\n%d documenti in %.2f s (%.0f/s): %@.\n", total, seconds, rate, summary).utf8))
    }
}
