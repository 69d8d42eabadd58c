/// A nucleo familiare: the intestatario and the other members with their relation to the intestatario.
/// A persona belongs to at most one nucleo.
public struct Nucleo: Sendable, Hashable, Codable, Identifiable {
    /// One member.
    public struct Membro: Sendable, Hashable, Codable {
        public let personaID: Int64
        public let relazione: RelazioneNucleo

        public init(personaID: Int64, relazione: RelazioneNucleo) {
            self.personaID = personaID
            self.relazione = relazione
        }
    }

    public let id: Int64
    public let enteID: Int64
    public var membri: [Membro]

    public init(id: Int64, enteID: Int64, membri: [Membro]) {
        self.id = id
        self.enteID = enteID
        self.membri = membri
    }

    /// The intestatario's persona id.
    public var intestatarioID: Int64? { membri.first { $0.relazione == .intestatario }?.personaID }

    /// Checks a proposed membership: exactly one intestatario, no persona twice.
    public static func validate(_ membri: [Membro]) throws(WorkflowError) {
        var issues: [FieldIssue] = []
        if membri.filter({ $0.relazione == .intestatario }).count != 1 {
            issues.append(FieldIssue(field: "membri", message: "Il nucleo deve avere esattamente un intestatario."))
        }
        if Set(membri.map(\.personaID)).count != membri.count {
            issues.append(FieldIssue(field: "membri", message: "La stessa persona compare più volte nel nucleo."))
        }
        if !issues.isEmpty { throw .invalid(issues) }
    }
}
