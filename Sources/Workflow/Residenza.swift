/// Address of residence.
public struct Residenza: Sendable, Hashable, Codable {
    public var indirizzo: String?
    public var comune: String?
    public var provincia: String?
    public var cap: String?

    public init(indirizzo: String? = nil, comune: String? = nil, provincia: String? = nil, cap: String? = nil) {
        self.indirizzo = indirizzo
        self.comune = comune
        self.provincia = provincia
        self.cap = cap
    }

    /// Field problems (CAP of five digits, province of two letters).
    public func issues() -> [FieldIssue] {
        var out: [FieldIssue] = []
        if let cap = cap?.trimmed, !cap.isEmpty, !(cap.count == 5 && cap.allSatisfy { $0.isASCII && $0.isNumber }) {
            out.append(FieldIssue(field: "residenza.cap", message: "Il CAP deve essere di 5 cifre."))
        }
        if let p = provincia?.trimmed, !p.isEmpty, !(p.count == 2 && p.allSatisfy { $0.isASCII && $0.isLetter }) {
            out.append(FieldIssue(field: "residenza.provincia", message: "La provincia va indicata con la sigla di 2 lettere."))
        }
        return out
    }

    /// Trimmed copy, province upper-cased.
    public var normalized: Residenza {
        Residenza(indirizzo: indirizzo?.trimmed, comune: comune?.trimmed, provincia: provincia?.trimmed.uppercased(), cap: cap?.trimmed)
    }
}
