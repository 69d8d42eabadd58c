import Foundation
import Workflow

/// Replays a scenario through the same engine the server uses (scenario README §1), in memory.
struct ScenarioReplayer {
    /// One line of the replay output.
    struct Line {
        let index: Int
        let event: ProcedureEventKind
        let outcome: ProcedureOutcome

        /// The JSON object of §1, keys in the documented order (plus `message` for refusals).
        var json: String {
            let s = outcome.snapshot
            func str(_ v: String?) -> String { v.map { "\"\(Self.escape($0))\"" } ?? "null" }
            var out = "{\"event_index\": \(index), \"accepted\": \(outcome.accepted), \"error\": \(str(outcome.error?.code)), "
            out += "\"state\": \"\(s.state.rawValue)\", \"deadline\": \(str(s.deadline?.description)), \"days_elapsed\": \(s.daysElapsed), "
            out += "\"days_remaining\": \(s.daysRemaining.map(String.init) ?? "null"), \"suspended\": \(s.suspended), \"late\": \(s.late), "
            out += "\"determina\": \(str(outcome.determina))"
            if let e = outcome.error { out += ", \"message\": \(str(e.message))" }
            return out + "}"
        }

        static func escape(_ s: String) -> String {
            var out = ""
            for ch in s.unicodeScalars {
                switch ch {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                default: out.unicodeScalars.append(ch)
                }
            }
            return out
        }
    }

    /// An invalid scenario file, with an Italian message.
    struct InvalidScenario: Error, CustomStringConvertible {
        let description: String
    }

    /// Decodes and replays `data`; throws ``InvalidScenario`` for the conditions of §1 (nothing is printed then).
    static func replay(_ data: Data) throws -> [Line] {
        let scenario: ProcedureScenario
        do {
            scenario = try JSONDecoder().decode(ProcedureScenario.self, from: data)
        } catch {
            throw InvalidScenario(description: "File di scenario non valido: \(Self.describe(error)).")
        }
        let type = try procedureType(scenario.procedure_type)
        let calendar = try workingCalendar(scenario.calendar)
        guard let zone = TimeZone(identifier: scenario.calendar.timezone ?? "Europe/Rome") else {
            throw InvalidScenario(description: "Fuso orario sconosciuto: \(scenario.calendar.timezone ?? "")")
        }
        var register = DeterminaRegister(lastUsed: Dictionary(uniqueKeysWithValues: (scenario.registro_determinazioni ?? [:]).compactMap { k, v in Int(k).map { ($0, v) } }))
        var procedure = Procedure(type: type, calendar: calendar)
        var lines: [Line] = []
        var previous: Date?
        for (i, spec) in scenario.events.enumerated() {
            let (event, instant) = try Self.event(spec, index: i, zone: zone)
            if let previous, instant < previous {
                throw InvalidScenario(description: "Evento \(i): l'orario \(spec.at) precede quello dell'evento precedente.")
            }
            previous = instant
            let outcome = procedure.apply(event, register: &register)
            if i == 0 && !(event.kind == .istanzaPresentata && outcome.accepted) {
                throw InvalidScenario(description: "Il primo evento deve essere una istanza_presentata accettata.")
            }
            lines.append(Line(index: i, event: event.kind, outcome: outcome))
        }
        if lines.isEmpty { throw InvalidScenario(description: "Lo scenario non contiene eventi.") }
        return lines
    }

    static func procedureType(_ t: ProcedureScenario.TypeSpec) throws -> ProcedureType {
        guard t.term_days > 0 else { throw InvalidScenario(description: "term_days deve essere positivo.") }
        var roles: [ProcedureEventKind: Set<String>] = [:]
        for (k, v) in t.roles {
            if let kind = ProcedureEventKind(rawValue: k) { roles[kind] = Set(v) }
        }
        return ProcedureType(
            codice: t.codice, descrizione: t.descrizione ?? t.codice, termDays: t.term_days, silenzioAssenso: t.silenzio_assenso,
            decisioneAccelerata: t.decisione_accelerata, documentiDUfficio: Set(t.documenti_d_ufficio ?? []), roles: roles)
    }

    static func workingCalendar(_ c: ProcedureScenario.CalendarSpec) throws -> WorkingCalendar {
        var holidays = Set<CivilDate>()
        for h in c.holidays {
            guard let d = CivilDate(iso: h) else { throw InvalidScenario(description: "Festività non valida: \(h)") }
            holidays.insert(d)
        }
        var patrono: WorkingCalendar.MonthDay?
        if let p = c.patrono {
            guard let md = WorkingCalendar.MonthDay(p.month_day) else { throw InvalidScenario(description: "Santo patrono non valido: \(p.month_day)") }
            patrono = md
        }
        return WorkingCalendar(holidays: holidays, patrono: patrono)
    }

    static func event(_ spec: ProcedureScenario.EventSpec, index i: Int, zone: TimeZone) throws -> (ProcedureEvent, Date) {
        guard let kind = ProcedureEventKind(rawValue: spec.type) else {
            throw InvalidScenario(description: "Evento \(i): tipo sconosciuto «\(spec.type)».")
        }
        guard let instant = Timestamp.parse(spec.at) else {
            throw InvalidScenario(description: "Evento \(i): orario «\(spec.at)» non valido o senza fuso orario (es. 2025-09-08T09:00:00+02:00).")
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day], from: instant)
        let day = CivilDate(year: c.year!, month: c.month!, day: c.day!)!
        let d = spec.data
        var data = d?.baseData ?? ProcedureEvent.Data()
        switch kind {
        case .preavviso10bisInviato:
            guard let raw = d?.consegnato_il, let delivered = CivilDate(iso: raw) else {
                throw InvalidScenario(description: "Evento \(i): preavviso_10bis_inviato richiede consegnato_il (AAAA-MM-GG).")
            }
            guard delivered >= day else { throw InvalidScenario(description: "Evento \(i): consegnato_il precede l'invio del preavviso.") }
            data.consegnatoIl = delivered
        case .propostaRedatta:
            guard let raw = d?.esito, let esito = Esito(rawValue: raw) else {
                throw InvalidScenario(description: "Evento \(i): proposta_redatta richiede esito (accoglimento, accoglimento_parziale o diniego).")
            }
            data.esito = esito
        default:
            break
        }
        return (ProcedureEvent(kind: kind, day: day, role: spec.actor.role, data: data), instant)
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let ctx): "manca «\((ctx.codingPath + [key]).map(\.stringValue).joined(separator: "."))»"
        case DecodingError.typeMismatch(_, let ctx), DecodingError.valueNotFound(_, let ctx): "tipo errato in «\(ctx.codingPath.map(\.stringValue).joined(separator: "."))»"
        default: "JSON non leggibile"
        }
    }
}
