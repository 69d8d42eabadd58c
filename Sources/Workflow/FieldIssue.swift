/// One problem with one input field, worded in Italian for the operator.
public struct FieldIssue: Sendable, Hashable, Codable {
    /// The field name as the API spells it (e.g. `codiceFiscale`, `dataNascita`).
    public let field: String
    /// What is wrong and how to fix it, in Italian.
    public let message: String

    /// Creates an issue for `field`.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}
