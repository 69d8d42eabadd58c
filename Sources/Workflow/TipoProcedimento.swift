/// A type of administrative procedure a pratica follows. Open vocabulary: `struct` + `static let`,
/// with ``catalog`` listing the types this release knows.
public struct TipoProcedimento: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Stable code, e.g. `contributo_economico`.
    public let code: String
    /// Italian label.
    public let label: String
    /// Legal duration in days (L. 241/1990 art. 2: 30 unless a regulation says otherwise).
    public let durationDays: Int

    public init(code: String, label: String, durationDays: Int) {
        self.code = code
        self.label = label
        self.durationDays = durationDays
    }

    public var description: String { code }

    public static let contributoEconomico = TipoProcedimento(code: "contributo_economico", label: "Contributo economico", durationDays: 30)
    public static let assistenzaDomiciliare = TipoProcedimento(code: "assistenza_domiciliare", label: "Servizio di assistenza domiciliare (SAD)", durationDays: 30)
    public static let pastiDomicilio = TipoProcedimento(code: "pasti_domicilio", label: "Pasti a domicilio", durationDays: 30)
    public static let trasportoSociale = TipoProcedimento(code: "trasporto_sociale", label: "Trasporto sociale", durationDays: 30)
    public static let integrazioneRetta = TipoProcedimento(code: "integrazione_retta", label: "Integrazione retta in struttura", durationDays: 60)
    public static let misuraB2 = TipoProcedimento(code: "misura_b2", label: "Misura B2 – buono sociale per non autosufficienza", durationDays: 60)

    /// The procedure types known to this release.
    public static let catalog: [TipoProcedimento] = [
        .contributoEconomico, .assistenzaDomiciliare, .pastiDomicilio, .trasportoSociale, .integrazioneRetta, .misuraB2,
    ]

    /// Looks up a code in ``catalog``.
    public static func named(_ code: String) -> TipoProcedimento? { catalog.first { $0.code == code } }
}
