#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A person known to an ente, identified by the codice fiscale (one persona per codice fiscale per ente).
public struct Persona: Sendable, Hashable, Codable, Identifiable {
    public let id: Int64
    public let enteID: Int64
    public var data: PersonaData
    public let createdAt: Date

    public init(id: Int64, enteID: Int64, data: PersonaData, createdAt: Date) {
        self.id = id
        self.enteID = enteID
        self.data = data
        self.createdAt = createdAt
    }
}
