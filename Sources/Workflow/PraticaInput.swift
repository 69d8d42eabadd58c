/// A request to open a pratica, as submitted. Optional fields let validation name what is missing.
public struct PraticaInput: Sendable, Hashable, Codable {
    public var personaId: Int64?
    public var richiedenteId: Int64?
    public var tipo: String?
    public var oggetto: String?

    public init(personaId: Int64?, richiedenteId: Int64? = nil, tipo: String?, oggetto: String?) {
        self.personaId = personaId
        self.richiedenteId = richiedenteId
        self.tipo = tipo
        self.oggetto = oggetto
    }

    /// Validated fields: beneficiary, optional requester, procedure type and subject.
    public struct Valid: Sendable, Hashable {
        public let personaID: Int64
        public let richiedenteID: Int64?
        /// Code of a procedure type configured for the ente.
        public let tipo: String
        public let oggetto: String
    }

    /// Checks required fields and that the procedure type is one of `types` (the ente's configured codes).
    public func validated(types: Set<String>) throws(WorkflowError) -> Valid {
        var issues: [FieldIssue] = []
        if personaId == nil { issues.append(FieldIssue(field: "personaId", message: "Indicare la persona beneficiaria.")) }
        let tipo = tipo.flatMap { types.contains($0) ? $0 : nil }
        if tipo == nil {
            let known = types.sorted().joined(separator: ", ")
            issues.append(FieldIssue(field: "tipo", message: "Tipo di procedimento non valido: usare uno fra \(known)."))
        }
        let oggetto = (oggetto ?? "").trimmed
        if oggetto.isEmpty { issues.append(FieldIssue(field: "oggetto", message: "L'oggetto della pratica è obbligatorio.")) }
        if oggetto.count > 500 { issues.append(FieldIssue(field: "oggetto", message: "L'oggetto supera 500 caratteri.")) }
        if richiedenteId != nil && richiedenteId == personaId {
            issues.append(FieldIssue(field: "richiedenteId", message: "Il richiedente coincide con il beneficiario: lasciare il campo vuoto."))
        }
        guard issues.isEmpty, let personaId, let tipo else { throw .invalid(issues) }
        return Valid(personaID: personaId, richiedenteID: richiedenteId, tipo: tipo, oggetto: oggetto)
    }
}
