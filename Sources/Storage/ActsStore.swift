#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Workflow

/// Accounts, sessions and API tokens of the people who use the system.
public protocol DirectoryStore: Sendable {
    /// Creates an ente; fails with `conflitto` if the code exists.
    func createEnte(code: String, name: String, aooCode: String, at: Date) async throws -> Ente
    func ente(code: String) async throws -> Ente?
    func ente(id: Int64) async throws -> Ente?
    /// Creates a user of an ente with its procedural functions, in one transaction; fails with `conflitto` if
    /// the username exists. `by` is the amministratore doing it, or `nil` for the command line.
    func createUser(enteCode: String, username: String, displayName: String, role: Role, passwordHash: String, functions: Set<String>, by: Operatore?, at: Date) async throws -> Operatore
    func account(username: String) async throws -> UserAccount?
    /// Starts a session; `token` is the cookie value (only its hash is stored).
    func createSession(token: String, csrfToken: String, userID: Int64, expiresAt: Date, at: Date) async throws
    /// The live session for a cookie value, or `nil` if unknown or expired.
    func session(token: String, at: Date) async throws -> SessionInfo?
    func deleteSession(token: String) async throws
    /// Stores an API token (only its hash) for a user.
    func createAPIToken(token: String, name: String, userID: Int64, at: Date) async throws
    /// The operator owning a bearer token, or `nil` if unknown or revoked.
    func operatore(apiToken: String, at: Date) async throws -> Operatore?
    /// Records an event not tied to a case write (login, logout, failed login).
    func record(_ event: AuditEvent, by: Operatore?, actor: String, at: Date) async throws
    /// The users of the operator's ente.
    func users(for: Operatore) async throws -> [UserSummary]
    /// Updates a user of the operator's ente: enabled state (disabling ends its sessions), password hash,
    /// procedural functions (replaced as a whole). `nil` leaves a field as it is.
    func updateUser(id: Int64, active: Bool?, passwordHash: String?, functions: Set<String>?, by: Operatore, at: Date) async throws -> UserSummary
    /// Failed logins for a username since a moment, and the time of the latest (for throttling).
    func failedLogins(username: String, since: Date) async throws -> (count: Int, latest: Date?)
}

/// Persone, nuclei, reti, pratiche and documents, always confined to the operator's ente.
public protocol CaseStore: Sendable {
    /// Creates a persona, or returns the existing one with the same codice fiscale in the ente (`created == false`).
    func createPersona(_ data: PersonaData, by: Operatore, at: Date) async throws -> (persona: Persona, created: Bool)
    func persona(id: Int64, for: Operatore) async throws -> Persona
    /// Searches by codice fiscale prefix or by surname (and name) prefix, case-insensitive.
    func searchPersone(_ query: String, for: Operatore, limit: Int) async throws -> [Persona]
    /// Creates a nucleo; each persona may belong to one nucleo only.
    func createNucleo(membri: [Nucleo.Membro], by: Operatore, at: Date) async throws -> Nucleo
    func nucleo(id: Int64, for: Operatore) async throws -> Nucleo
    func nucleo(ofPersona personaID: Int64, for: Operatore) async throws -> Nucleo?
    func addLegame(personaID: Int64, tipo: LegameRete.Tipo, altraPersonaID: Int64?, descrizione: String?, note: String?, by: Operatore, at: Date) async throws -> LegameRete
    func rete(ofPersona personaID: Int64, for: Operatore) async throws -> [LegameRete]
    /// Opens a pratica with the first event of its procedure (the istanza), atomically.
    func createPratica(_ input: PraticaInput.Valid, istanza: RecordedProcedureEvent, state: ProcedureState, by: Operatore, at: Date) async throws -> Pratica
    func pratica(id: Int64, for: Operatore) async throws -> Pratica
    func pratiche(for: Operatore, stato: ProcedureState?, personaID: Int64?, limit: Int) async throws -> [Pratica]
    /// Stores the content once (by impronta) and attaches it to the pratica.
    func addDocumento(praticaID: Int64, nome: String, mimeType: String, content: [UInt8], by: Operatore, at: Date) async throws -> Documento
    /// Receives an upload as a stream into the staging area (constant memory); over `limit` bytes it fails with
    /// `file_troppo_grande` and leaves nothing behind.
    func stage(_ chunks: some AsyncSequence<[UInt8], any Error>, limit: Int) async throws -> StagedDocument
    /// Archives a staged upload by its impronta and attaches it to the pratica.
    func addDocumento(praticaID: Int64, nome: String, mimeType: String, staged: StagedDocument, by: Operatore, at: Date) async throws -> Documento
    func documento(id: Int64, for: Operatore) async throws -> Documento
    func documenti(praticaID: Int64, for: Operatore) async throws -> [Documento]
    /// The bytes of a document, checked against its impronta on every read.
    func content(of documento: Documento) async throws -> [UInt8]
}

/// The tamper-evident audit log.
public protocol AuditStore: Sendable {
    /// Walks the whole chain.
    func verifyAudit() async throws -> AuditVerification
    /// The most recent entries, newest first.
    func recentAudit(limit: Int) async throws -> [AuditEntry]
}

/// Everything the server needs from a backend. SQLite is the embedded default.
public typealias ActsStore = DirectoryStore & CaseStore & AuditStore & ProcedureStore & RegisterStore
