/// A public body (comune or ambito) using the system, with its AOO for the protocol register.
public struct Ente: Sendable, Hashable, Codable {
    public let id: Int64
    /// IPA code, e.g. `c_x000`.
    public let code: String
    /// Name, e.g. "Comune di Esempio".
    public let name: String
    /// Code of the Area Organizzativa Omogenea (DPR 445/2000), e.g. `AOO_DEMO`.
    public let aooCode: String

    public init(id: Int64, code: String, name: String, aooCode: String) {
        self.id = id
        self.code = code
        self.name = name
        self.aooCode = aooCode
    }
}
