#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A case: a request by or for a persona, following one procedure type, with its documents.
public struct Pratica: Sendable, Hashable, Codable, Identifiable {
    public let id: Int64
    public let enteID: Int64
    /// Human-readable number, unique per ente: `AAAA/NNNNNN`.
    public let numero: String
    /// The beneficiary.
    public let personaID: Int64
    /// Who filed the request when not the beneficiary (familiare, tutore, amministratore di sostegno).
    public let richiedenteID: Int64?
    public let tipo: String
    public var oggetto: String
    /// The procedure's state as of the last recorded event (cached for lists; the event log is authoritative).
    public var stato: ProcedureState
    /// The responsabile del procedimento (L. 241/1990 art. 5), when assigned.
    public var rdpUserID: Int64?
    public let createdAt: Date
    public let createdBy: Int64

    public init(
        id: Int64, enteID: Int64, numero: String, personaID: Int64, richiedenteID: Int64?, tipo: String, oggetto: String,
        stato: ProcedureState, rdpUserID: Int64?, createdAt: Date, createdBy: Int64
    ) {
        self.id = id
        self.enteID = enteID
        self.numero = numero
        self.personaID = personaID
        self.richiedenteID = richiedenteID
        self.tipo = tipo
        self.oggetto = oggetto
        self.stato = stato
        self.rdpUserID = rdpUserID
        self.createdAt = createdAt
        self.createdBy = createdBy
    }
}
