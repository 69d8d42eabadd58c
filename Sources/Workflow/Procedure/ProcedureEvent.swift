/// One event of a procedure, already reduced to its calendar day in the ente's time zone.
public struct ProcedureEvent: Sendable, Hashable, Codable {
    /// Event-specific data (scenario README §3); fields not used by the event are ignored.
    public struct Data: Sendable, Hashable, Codable {
        /// `protocollata`: the 18-bis receipt is the comunicazione di avvio.
        public var ricevutaValeAvvio = false
        /// `richiesta_integrazione`: the documents requested.
        public var documenti: [String] = []
        /// `preavviso_10bis_inviato`: the delivery day (PEC receipt, A/R).
        public var consegnatoIl: CivilDate?
        /// `proposta_redatta`: the proposed outcome.
        public var esito: Esito?
        /// `decisione_accelerata`: the reasons for urgency and the measure.
        public var motivazioneUrgenza: String?
        public var misura: String?

        public init() {}
    }

    public let kind: ProcedureEventKind
    /// The calendar day of the event (Europe/Rome).
    public let day: CivilDate
    /// The roles the actor holds for this pratica (user role plus procedural functions such as `rdp`);
    /// the event is allowed when any of them is allowed.
    public let roles: Set<String>
    public let data: Data

    public init(kind: ProcedureEventKind, day: CivilDate, roles: Set<String>, data: Data = Data()) {
        self.kind = kind
        self.day = day
        self.roles = roles
        self.data = data
    }

    /// An event by an actor acting in a single role (as in the scenario files).
    public init(kind: ProcedureEventKind, day: CivilDate, role: String, data: Data = Data()) {
        self.init(kind: kind, day: day, roles: [role], data: data)
    }
}
