import Foundation
import GRDB
import Storage
import Workflow

/// A real SQLite store in a fresh temporary folder, with one ente per test and an operator of each role.
struct TestStore {
    let dir: URL
    let store: SQLiteStore
    let dbPath: String
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("acts-storage-\(UUID().uuidString)")
        dbPath = dir.appendingPathComponent("acts.sqlite").path
        store = try SQLiteStore(path: dbPath, documentsDirectory: dir.appendingPathComponent("documenti").path)
    }

    /// An operator of a new ente with the given role.
    func operatore(ente: String = "c_t001", role: Role = .sportello, username: String? = nil) async throws -> Operatore {
        if try await store.ente(code: ente) == nil {
            _ = try await store.createEnte(code: ente, name: "Comune \(ente)", aooCode: "AOO_\(ente)", at: now)
        }
        return try await store.createUser(enteCode: ente, username: username ?? "\(role.rawValue)_\(ente)", displayName: "Test", role: role, passwordHash: "$2b$04$x", functions: [], by: nil, at: now)
    }

    func persona(_ op: Operatore, cognome: String = "Rossi", nome: String = "Mario", birth: String = "1948-03-15") async throws -> Persona {
        let date = CivilDate(iso: birth)!
        let cf = CodiceFiscale.compute(cognome: cognome, nome: nome, sesso: .maschio, dataNascita: date, belfiore: "F205")
        let data = PersonaData(codiceFiscale: cf, cognome: cognome, nome: nome, sesso: .maschio, dataNascita: date, luogoNascita: "F205")
        return try await store.createPersona(data, by: op, at: now).persona
    }

    static let types: Set<String> = ["contributo_economico", "misura_b2"]

    /// The first event of a procedure, presented by `op` today.
    func istanza(_ op: Operatore) -> RecordedProcedureEvent {
        RecordedProcedureEvent(seq: 1, event: ProcedureEvent(kind: .istanzaPresentata, day: CivilDate(iso: "2026-11-18")!, role: op.role.rawValue), at: now, userID: op.userID, determina: nil)
    }

    /// A second, raw connection to the same file: what someone with shell access could do.
    func rawConnection() throws -> DatabaseQueue {
        try DatabaseQueue(path: dbPath)
    }

    func count(_ table: String) throws -> Int {
        try rawConnection().read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }
}
