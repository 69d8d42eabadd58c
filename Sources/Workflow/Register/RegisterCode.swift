/// The code of a register within an AOO (`CodiceRegistroType`: `[A-Za-z0-9_.-]{1,16}`).
///
/// One engine numbers every register: the protocollo generale and the repertori of acts
/// (determinazioni, proposte, albo pretorio), each with its own yearly sequence.
public struct RegisterCode: Sendable, Hashable, Codable, CustomStringConvertible, RawRepresentable {
    public let rawValue: String

    /// Registro di protocollo generale (one per AOO, TUDA artt. 50 and 61).
    public static let protocolloGenerale = RegisterCode(uncheckedCode: "PG")
    /// Repertorio generale delle determinazioni dell'ente.
    public static let determinazioni = RegisterCode(uncheckedCode: "DD")
    /// Repertorio delle proposte di determinazione.
    public static let proposte = RegisterCode(uncheckedCode: "PDD")
    /// Albo pretorio online (publications).
    public static let alboPretorio = RegisterCode(uncheckedCode: "ALBO")
    /// Registro di emergenza (TUDA art. 63): its own numbering, recovered into the protocollo generale.
    public static let emergenza = RegisterCode(uncheckedCode: "EMERG")

    /// A validated code, or nil.
    public init?(rawValue: String) {
        guard (1...16).contains(rawValue.count),
              rawValue.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || "_.-".unicodeScalars.contains($0) })
        else { return nil }
        self.rawValue = rawValue
    }

    private init(uncheckedCode: String) { rawValue = uncheckedCode }

    /// The repertorio of a settore's determinazioni, e.g. `DD-SS` for the social services.
    public static func determinazioniSettore(_ settore: String) -> RegisterCode? {
        RegisterCode(rawValue: "DD-" + settore)
    }

    /// Whether numbers show as 7 digits (the protocol, TUDA art. 57); repertori show plain numbers.
    public var isProtocol: Bool { self == .protocolloGenerale || self == .emergenza }

    /// The Italian name shown to users.
    public var label: String {
        switch rawValue {
        case "PG": "Registro di protocollo generale"
        case "DD": "Repertorio generale delle determinazioni"
        case "PDD": "Repertorio delle proposte di determinazione"
        case "ALBO": "Albo pretorio online"
        case "EMERG": "Registro di emergenza"
        default: rawValue.hasPrefix("DD-") ? "Repertorio delle determinazioni del settore \(rawValue.dropFirst(3))" : "Registro \(rawValue)"
        }
    }

    public var description: String { rawValue }

    /// A number as the register shows it: `0000042` for the protocol, `42` for a repertorio.
    public func format(_ number: Int) -> String {
        isProtocol ? Segnatura.numeroRegistrazione(number) : String(number)
    }
}
