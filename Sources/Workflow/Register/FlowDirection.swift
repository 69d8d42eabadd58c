/// Direction of a registered document (All. 5 `TipologiaDiFlusso`): in, out, or between offices.
public enum FlowDirection: String, Sendable, Hashable, Codable, CaseIterable {
    case arrivo, partenza, interno

    /// The letter used in the human-readable segnatura (`A`, `P`, `I`).
    public var letter: String {
        switch self {
        case .arrivo: "A"
        case .partenza: "P"
        case .interno: "I"
        }
    }

    public var label: String {
        switch self {
        case .arrivo: "in arrivo"
        case .partenza: "in partenza"
        case .interno: "interno"
        }
    }
}
