import Testing
import Workflow

@Suite("Motore del procedimento: guardie e proprietà")
struct ProcedureEngineTests {
    static let everyone: Set<String> = ["sportello", "rdp", "dirigente", "titolare_potere_sostitutivo"]
    static func type(term: Int = 30, silenzio: Bool = false, accelerata: Bool = true) -> ProcedureType {
        var roles = Dictionary(uniqueKeysWithValues: ProcedureEventKind.allCases.map { ($0, everyone) })
        roles[.determinaFirmata] = ["dirigente", "titolare_potere_sostitutivo"]
        return ProcedureType(codice: "T", descrizione: "Test", termDays: term, silenzioAssenso: silenzio, decisioneAccelerata: accelerata, documentiDUfficio: ["attestazione_isee"], roles: roles)
    }
    static let calendar = WorkingCalendar.italian(years: 2024...2027, patrono: nil)

    /// A procedure presented, protocolled and started on `start`.
    static func started(_ start: CivilDate, type: ProcedureType = type()) -> (Procedure, DeterminaRegister) {
        var p = Procedure(type: type, calendar: calendar)
        var r = DeterminaRegister()
        for k in [ProcedureEventKind.istanzaPresentata, .protocollata, .avvioComunicato] {
            #expect(p.apply(ProcedureEvent(kind: k, day: start, role: "rdp"), register: &r).accepted)
        }
        return (p, r)
    }

    static func event(_ kind: ProcedureEventKind, _ day: CivilDate, role: String = "rdp", esito: Esito? = nil, documenti: [String] = [], delivered: CivilDate? = nil, reason: String? = nil) -> ProcedureEvent {
        var data = ProcedureEvent.Data()
        data.esito = esito
        data.documenti = documenti
        data.consegnatoIl = delivered
        data.motivazioneUrgenza = reason
        return ProcedureEvent(kind: kind, day: day, role: role, data: data)
    }

    let d0 = CivilDate(iso: "2025-03-03")!

    @Test func refusalsCarryTheirStableCodesAndChangeNothing() {
        var (p, r) = Self.started(d0)
        let cases: [(ProcedureEvent, String)] = [
            (Self.event(.propostaRedatta, d0.adding(days: 2), esito: .diniego), "preavviso_required"),
            (Self.event(.determinaFirmata, d0.adding(days: 2), role: "dirigente"), "invalid_transition"),
            (Self.event(.richiestaIntegrazione, d0.adding(days: 2), documenti: ["attestazione_isee"]), "held_by_pa"),
            (Self.event(.potereSostitutivoAttivato, d0.adding(days: 2)), "term_not_expired"),
            (Self.event(.propostaRedatta, d0.adding(days: 2), role: "sportello_esterno", esito: .accoglimento), "forbidden"),
            (Self.event(.decisioneAccelerata, d0.adding(days: 2), role: "dirigente", reason: "  "), "urgency_reason_required"),
            (Self.event(.avvioComunicato, d0.adding(days: 2)), "invalid_transition"),
            (Self.event(.osservazioniRicevute, d0.adding(days: 2)), "invalid_transition"),
        ]
        for (event, code) in cases {
            let before = p
            let outcome = p.apply(event, register: &r)
            #expect(!outcome.accepted)
            #expect(outcome.error?.code == code, "\(event.kind)")
            #expect(!(outcome.error?.message.isEmpty ?? true))
            #expect(p == before)
        }
        #expect(r.lastUsed.isEmpty)
    }

    @Test func integrazioneOnlyOnceAndNothingAfterClosure() {
        var (p, r) = Self.started(d0)
        #expect(p.apply(Self.event(.richiestaIntegrazione, d0.adding(days: 5), documenti: ["contratto_affitto"]), register: &r).accepted)
        #expect(p.apply(Self.event(.richiestaIntegrazione, d0.adding(days: 6)), register: &r).error?.code == "suspension_already_used")
        #expect(p.apply(Self.event(.integrazioneRicevuta, d0.adding(days: 9)), register: &r).accepted)
        #expect(p.apply(Self.event(.richiestaIntegrazione, d0.adding(days: 10)), register: &r).error?.code == "suspension_already_used")
        #expect(p.apply(Self.event(.propostaRedatta, d0.adding(days: 12), esito: .accoglimento), register: &r).accepted)
        let signed = p.apply(Self.event(.determinaFirmata, d0.adding(days: 13), role: "dirigente"), register: &r)
        #expect(signed.determina == "1/2025")
        #expect(signed.snapshot.state == .decisaAccolta)
        #expect(p.apply(Self.event(.rinuncia, d0.adding(days: 14)), register: &r).error?.code == "procedure_closed")
        #expect(p.apply(Self.event(.comunicazioneEsitoInviata, d0.adding(days: 14)), register: &r).accepted)
        #expect(p.apply(Self.event(.comunicazioneEsitoInviata, d0.adding(days: 15)), register: &r).error?.code == "procedure_closed")
        #expect(p.apply(Self.event(.verifica, d0.adding(days: 40), role: "chiunque"), register: &r).accepted)
    }

    /// Property: a suspension never makes the deadline earlier, and days elapsed never exceed calendar days.
    @Test func suspensionNeverMovesTheDeadlineEarlier() {
        var seed: UInt64 = 0x5EED
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        for _ in 0..<400 {
            let term = [20, 30, 45, 60, 90][next(5)]
            let start = CivilDate(iso: "2025-01-02")!.adding(days: next(600))
            let type = Self.type(term: term)
            let (plain, _) = Self.started(start, type: type)
            var (p, r) = Self.started(start, type: type)
            let ask = start.adding(days: 1 + next(term - 1))
            guard p.apply(Self.event(.richiestaIntegrazione, ask), register: &r).accepted else { continue }
            let back = ask.adding(days: 1 + next(40))
            let outcome = p.apply(Self.event(.integrazioneRicevuta, back), register: &r)
            let ref = back.adding(days: 1)
            let base = plain.snapshot(on: ref).deadline!
            let withSuspension = p.snapshot(on: ref).deadline!
            #expect(withSuspension >= base)
            #expect(withSuspension.days(since: base) <= 30 + 4)
            #expect(outcome.snapshot.daysElapsed <= back.days(since: start))
            #expect(!Self.calendar.isNonWorking(withSuspension))
        }
    }

    @Test func silenzioAssensoConcludesAtTheDeadline() {
        var (p, r) = Self.started(d0, type: Self.type(term: 20, silenzio: true, accelerata: false))
        let deadline = p.snapshot(on: d0).deadline!
        let after = p.apply(Self.event(.verifica, deadline.adding(days: 1), role: "x"), register: &r)
        #expect(after.snapshot.state == .conclusaSilenzioAssenso)
        #expect(after.snapshot.daysRemaining == 0)
        #expect(p.apply(Self.event(.propostaRedatta, deadline.adding(days: 2), esito: .diniego), register: &r).error?.code == "procedure_closed")
    }

    @Test func potereSostitutivoGetsHalfTheTermRoundedUp() {
        var (p, r) = Self.started(d0, type: Self.type(term: 45))
        let deadline = p.snapshot(on: d0).deadline!
        let late = p.apply(Self.event(.verifica, deadline.adding(days: 3), role: "x"), register: &r)
        #expect(late.snapshot.state == .inadempiente && late.snapshot.late)
        let day = deadline.adding(days: 5)
        let ps = p.apply(Self.event(.potereSostitutivoAttivato, day, role: "titolare_potere_sostitutivo"), register: &r)
        #expect(ps.accepted)
        #expect(ps.snapshot.state == .potereSostitutivo)
        #expect(ps.snapshot.deadline == Self.calendar.shift(day.adding(days: 23)))
    }
}
