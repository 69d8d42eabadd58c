import Foundation

/// An upload written to the archive's staging folder and hashed, not yet attached to anything.
public struct StagedDocument: Sendable, Hashable {
    let url: URL
    /// Lower-case hex SHA-256 of the content.
    public let impronta: String
    public let size: Int64
}
