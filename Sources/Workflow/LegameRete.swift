/// A link in a persona's rete sociale: another persona (a relative outside the nucleo, a neighbour) or a service.
public struct LegameRete: Sendable, Hashable, Codable, Identifiable {
    /// Kind of link.
    public enum Tipo: String, Sendable, Hashable, Codable, CaseIterable {
        case familiare
        case caregiver
        case tutore
        case amministratoreSostegno = "amministratore_sostegno"
        case vicinato
        case volontario
        case medico
        case servizio
        case altro
    }

    public let id: Int64
    public let personaID: Int64
    public var tipo: Tipo
    /// The linked persona, when it is a person known to the ente.
    public var altraPersonaID: Int64?
    /// Name of the service or person when not a known persona (e.g. "SerT di Esempio", "MMG dott. Rossi").
    public var descrizione: String?
    public var note: String?

    public init(id: Int64, personaID: Int64, tipo: Tipo, altraPersonaID: Int64?, descrizione: String?, note: String?) {
        self.id = id
        self.personaID = personaID
        self.tipo = tipo
        self.altraPersonaID = altraPersonaID
        self.descrizione = descrizione
        self.note = note
    }

    /// A link names either another persona or a description, and never the persona itself.
    public static func validate(personaID: Int64, altraPersonaID: Int64?, descrizione: String?) throws(WorkflowError) {
        if altraPersonaID == nil && (descrizione?.trimmed.isEmpty ?? true) {
            throw .invalid([FieldIssue(field: "descrizione", message: "Indicare la persona collegata o la descrizione del servizio.")])
        }
        if altraPersonaID == personaID {
            throw .invalid([FieldIssue(field: "altraPersonaId", message: "Una persona non può essere collegata a sé stessa.")])
        }
    }
}
