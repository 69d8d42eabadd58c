/// The rules of one procedure type for one ente: term, silenzio-assenso, accelerated decision, documents the
/// ente must acquire itself, and who may perform each event.
public struct ProcedureType: Sendable, Hashable {
    public let codice: String
    public let descrizione: String
    /// The term of L. 241/1990 art. 2 c.2-3, in calendar days.
    public let termDays: Int
    /// Whether silence at expiry means acceptance (art. 20) rather than inadempimento (art. 2 c.8).
    public let silenzioAssenso: Bool
    /// Whether an urgent provisional measure is allowed.
    public let decisioneAccelerata: Bool
    /// Documents another PA holds: the ente acquires them itself, so it may not ask the applicant.
    public let documentiDUfficio: Set<String>
    /// Roles (user roles and procedural functions such as `rdp`) allowed for each event; absent means nobody.
    public let roles: [ProcedureEventKind: Set<String>]

    public init(
        codice: String, descrizione: String, termDays: Int, silenzioAssenso: Bool, decisioneAccelerata: Bool,
        documentiDUfficio: Set<String>, roles: [ProcedureEventKind: Set<String>]
    ) {
        self.codice = codice
        self.descrizione = descrizione
        self.termDays = termDays
        self.silenzioAssenso = silenzioAssenso
        self.decisioneAccelerata = decisioneAccelerata
        self.documentiDUfficio = documentiDUfficio
        self.roles = roles
    }

    /// Whether any of `actorRoles` may perform `kind` (`verifica` is open to anyone).
    public func allows(_ actorRoles: Set<String>, _ kind: ProcedureEventKind) -> Bool {
        kind == .verifica || !(roles[kind] ?? []).isDisjoint(with: actorRoles)
    }
}
