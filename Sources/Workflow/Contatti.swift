/// How to reach a person.
public struct Contatti: Sendable, Hashable, Codable {
    public var telefono: String?
    public var email: String?
    public var pec: String?

    public init(telefono: String? = nil, email: String? = nil, pec: String? = nil) {
        self.telefono = telefono
        self.email = email
        self.pec = pec
    }

    /// Field problems (phone digits, e-mail shape).
    public func issues() -> [FieldIssue] {
        var out: [FieldIssue] = []
        if let t = telefono?.trimmed, !t.isEmpty,
            !(t.allSatisfy { "+0123456789 ./-".contains($0) } && t.filter(\.isNumber).count >= 6)
        {
            out.append(FieldIssue(field: "contatti.telefono", message: "Il numero di telefono non è valido."))
        }
        for (name, value) in [("contatti.email", email), ("contatti.pec", pec)] {
            if let v = value?.trimmed, !v.isEmpty, !Contatti.looksLikeEmail(v) {
                out.append(FieldIssue(field: name, message: "L'indirizzo «\(v)» non è un indirizzo di posta valido."))
            }
        }
        return out
    }

    /// Trimmed copy.
    public var normalized: Contatti {
        Contatti(telefono: telefono?.trimmed, email: email?.trimmed.lowercased(), pec: pec?.trimmed.lowercased())
    }

    static func looksLikeEmail(_ v: String) -> Bool {
        let parts = v.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !v.contains(" ")
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
    }
}
