#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Metadata of a document attached to a pratica. The content is stored once, addressed by its SHA-256
/// (the impronta), and never changes.
public struct Documento: Sendable, Hashable, Codable, Identifiable {
    public let id: Int64
    public let enteID: Int64
    public let praticaID: Int64
    /// File name as supplied.
    public let nome: String
    public let mimeType: String
    /// Size in bytes.
    public let dimensione: Int64
    /// Lower-case hex SHA-256 of the content.
    public let impronta: String
    public let addedBy: Int64
    public let addedAt: Date

    public init(id: Int64, enteID: Int64, praticaID: Int64, nome: String, mimeType: String, dimensione: Int64, impronta: String, addedBy: Int64, addedAt: Date) {
        self.id = id
        self.enteID = enteID
        self.praticaID = praticaID
        self.nome = nome
        self.mimeType = mimeType
        self.dimensione = dimensione
        self.impronta = impronta
        self.addedBy = addedBy
        self.addedAt = addedAt
    }

    /// Checks a file name: not empty, no path separators or control characters, at most 255 characters.
    public static func validateName(_ nome: String) throws(WorkflowError) {
        let n = nome.trimmed
        if n.isEmpty || n.count > 255 || n.contains("/") || n.contains("\\") || n == "." || n == ".."
            || n.unicodeScalars.contains(where: { $0.value < 32 || $0.value == 127 })
        {
            throw .invalid([FieldIssue(field: "nome", message: "Nome del file non valido: indicare un nome senza barre né caratteri di controllo, al massimo 255 caratteri.")])
        }
    }
}
