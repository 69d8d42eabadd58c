/// The single error type of the domain module: a stable `code`, an Italian `message` a user can act on,
/// and, for validation failures, the list of offending fields.
public struct WorkflowError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable machine-readable code, e.g. `dati_non_validi`.
    public let code: String
    /// Italian message for the person who made the request.
    public let message: String
    /// Field-level problems, empty unless `code` is a validation code.
    public let fields: [FieldIssue]

    /// Creates an error with a code, a message and optional field issues.
    public init(code: String, message: String, fields: [FieldIssue] = []) {
        self.code = code
        self.message = message
        self.fields = fields
    }

    public var description: String {
        ([message] + fields.map { "\($0.field): \($0.message)" }).joined(separator: "; ")
    }

    /// Input failed validation; `fields` names each problem.
    public static func invalid(_ fields: [FieldIssue]) -> WorkflowError {
        WorkflowError(
            code: "dati_non_validi",
            message: "I dati inviati non sono validi: correggere i campi indicati.",
            fields: fields)
    }

    /// The operator's role does not allow the action.
    public static func forbidden(_ action: String) -> WorkflowError {
        WorkflowError(code: "non_autorizzato", message: "Il ruolo dell'operatore non consente di \(action).")
    }
}
