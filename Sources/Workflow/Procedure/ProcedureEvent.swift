/// One event of a procedure, already reduced to its calendar day in the ente's time zone.
public struct ProcedureEvent: Sendable, Hashable {
    /// Event-specific data (scenario README §3); fields not used by the event are ignored.
    public struct Data: Sendable, Hashable {
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
    /// The role the check uses.
    public let role: String
    public let data: Data

    public init(kind: ProcedureEventKind, day: CivilDate, role: String, data: Data = Data()) {
        self.kind = kind
        self.day = day
        self.role = role
        self.data = data
    }
}
