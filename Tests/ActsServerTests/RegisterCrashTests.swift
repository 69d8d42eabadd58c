import Foundation
import Testing

/// Registrations by separate `acts register add` processes, some killed with SIGKILL at random moments:
/// afterwards no committed number is lost or duplicated and numbering continues without a gap.
@Suite("Registro: arresto brutale (kill -9) durante le registrazioni", .serialized)
struct RegisterCrashTests {
    struct Outcome: Sendable {
        let numero: Int?
        let oggetto: String
        let killed: Bool
    }

    static func environment(_ dir: URL) -> [String: String] {
        ["ACTS_DATABASE": dir.appendingPathComponent("acts.sqlite").path, "ACTS_DOCUMENTS_DIR": dir.appendingPathComponent("documenti").path]
    }

    static func add(_ oggetto: String, dir: URL, file: URL, killAfter: Double?) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try SignVerifyCommandTests.acts)
        process.arguments = ["register", "add", "--aoo", "AOO_DEMO", "--direction", "arrivo", "--oggetto", oggetto, "--mittente", "Mario Rossi",
                             "--classifica", "7.1", "--operatore", "protocollo", file.path]
        process.environment = ProcessInfo.processInfo.environment.merging(environment(dir)) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        if let killAfter {
            Thread.sleep(forTimeInterval: killAfter)
            kill(process.processIdentifier, SIGKILL)
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let killed = process.terminationReason == .uncaughtSignal
        guard !killed, process.terminationStatus == 0,
              let line = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let numero = line["numero"] as? Int else {
            return Outcome(numero: nil, oggetto: oggetto, killed: killed)
        }
        return Outcome(numero: numero, oggetto: oggetto, killed: false)
    }

    @Test func killedWritersLoseNothingCommittedAndLeaveNoGap() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("acts-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let acts = try SignVerifyCommandTests.acts
        let setup = try SignVerifyCommandTests.run(acts, ["demo-data"], environment: Self.environment(dir))
        #expect(setup.0 == 0, "\(setup.2)")
        let file = dir.appendingPathComponent("istanza.txt")
        try Data("Istanza di contributo\n".utf8).write(to: file)
        let outcomes = try await withThrowingTaskGroup(of: [Outcome].self) { group in
            for worker in 0..<4 {
                group.addTask {
                    var generator = SystemRandomNumberGenerator()
                    return try (0..<15).map { index in
                        let kill = Bool.random(using: &generator) ? Double.random(in: 0.0...0.25, using: &generator) : nil
                        return try Self.add("Istanza \(worker)-\(index)", dir: dir, file: file, killAfter: kill)
                    }
                }
            }
            var all: [Outcome] = []
            for try await batch in group { all += batch }
            return all
        }
        let committed = outcomes.compactMap { $0.numero == nil ? nil : $0 }
        #expect(outcomes.contains { $0.killed }, "almeno un processo è stato interrotto")
        #expect(Set(committed.map { $0.numero! }).count == committed.count, "nessun numero restituito due volte")

        let check = try SignVerifyCommandTests.run(acts, ["register", "check", "--aoo", "AOO_DEMO"], environment: Self.environment(dir))
        #expect(check.0 == 0, "\(check.1) \(check.2)")
        let shown = try SignVerifyCommandTests.run(acts, ["register", "show", "--aoo", "AOO_DEMO", "--anno", "2026", "--json"], environment: Self.environment(dir))
        let entries = shown.1.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let numbers = entries.compactMap { $0["numero"] as? Int }
        #expect(numbers == Array(1...max(numbers.count, 1)).prefix(numbers.count).map { $0 }, "numeri da 1 a N senza salti")
        let byNumber = Dictionary(uniqueKeysWithValues: entries.compactMap { e in (e["numero"] as? Int).map { ($0, e["oggetto"] as? String ?? "") } })
        for outcome in committed {
            #expect(byNumber[outcome.numero!] == outcome.oggetto, "la registrazione n. \(outcome.numero!) confermata al processo è nel registro")
        }
        let next = try Self.add("Dopo il ripristino", dir: dir, file: file, killAfter: nil)
        #expect(next.numero == numbers.count + 1)
    }
}
