import Foundation
import Workflow

/// The procedure types of one ente, read from `config/procedimenti/<codice ente>.json` or the shipped default,
/// and validated at load: a wrong file stops the server with a list of Italian messages naming each problem.
struct ProcedureConfiguration: Sendable {
    /// One configured type with the settings beyond the engine's rules.
    struct TipoConfig: Sendable {
        let type: ProcedureType
        /// Days before the deadline from which alerts fire.
        let avvisoGiorni: Int
        /// Act (template code) produced at each step, informative until the acts module lands.
        let atti: [ProcedureEventKind: String]
        /// The register that numbers the determinazioni.
        let registroDeterminazioni: String
    }

    let tipi: [String: TipoConfig]
    let calendar: WorkingCalendar
    let sospensioneMaxGiorni: Int

    /// The ente's procedure types, in a stable order.
    var ordered: [TipoConfig] { tipi.values.sorted { $0.type.codice < $1.type.codice } }

    struct Invalid: Error, CustomStringConvertible {
        let file: String
        let problems: [String]
        var description: String {
            "Configurazione dei procedimenti non valida (\(file)):\n" + problems.map { "- \($0)" }.joined(separator: "\n")
        }
    }

    private struct FileFormat: Decodable {
        struct Patrono: Decodable {
            let month_day: String
            let santo: String?
        }
        struct Tipo: Decodable {
            let codice: String
            let descrizione: String
            let term_days: Int
            let silenzio_assenso: Bool
            let decisione_accelerata: Bool
            let documenti_d_ufficio: [String]?
            let roles: [String: [String]]?
            let atti: [String: String]?
            let avviso_giorni: Int?
            let registro_determinazioni: String?
        }
        let formato: String
        let patrono: Patrono?
        let avviso_giorni: Int?
        let sospensione_max_giorni: Int?
        let roles: [String: [String]]?
        let atti: [String: String]?
        let tipi: [Tipo]
    }

    /// Parses and validates a configuration file's bytes.
    static func parse(_ data: Data, source: String) throws -> ProcedureConfiguration {
        let file: FileFormat
        do {
            file = try JSONDecoder().decode(FileFormat.self, from: data)
        } catch {
            throw Invalid(file: source, problems: [ScenarioReplayer.describe(error)])
        }
        var problems: [String] = []
        if file.formato != "acts-procedimenti/1" { problems.append("formato «\(file.formato)» sconosciuto: atteso «acts-procedimenti/1»") }
        var patrono: WorkingCalendar.MonthDay?
        if let p = file.patrono {
            patrono = WorkingCalendar.MonthDay(p.month_day)
            if patrono == nil { problems.append("patrono.month_day «\(p.month_day)» non è una data MM-GG valida") }
        }
        func events<V>(_ map: [String: V]?, _ path: String) -> [ProcedureEventKind: V] {
            var out: [ProcedureEventKind: V] = [:]
            for (k, v) in map ?? [:] {
                if let kind = ProcedureEventKind(rawValue: k) { out[kind] = v } else { problems.append("\(path): evento sconosciuto «\(k)»") }
            }
            return out
        }
        let defaultRoles = events(file.roles, "roles")
        let defaultAtti = events(file.atti, "atti")
        var tipi: [String: TipoConfig] = [:]
        if file.tipi.isEmpty { problems.append("tipi: nessun tipo di procedimento configurato") }
        for (i, t) in file.tipi.enumerated() {
            let path = "tipi[\(i)] (\(t.codice))"
            if t.codice.range(of: #"^[a-z0-9_]{2,64}$"#, options: .regularExpression) == nil { problems.append("\(path): codice non valido (minuscole, cifre e _)") }
            if tipi[t.codice] != nil { problems.append("\(path): codice duplicato") }
            if !(1...3650).contains(t.term_days) { problems.append("\(path): term_days deve essere fra 1 e 3650") }
            var roles = defaultRoles.mapValues { Set($0) }
            for (k, v) in events(t.roles, "\(path).roles") { roles[k] = Set(v) }
            if roles[.istanzaPresentata, default: []].isEmpty { problems.append("\(path): nessun ruolo può presentare l'istanza (roles.istanza_presentata)") }
            if roles[.determinaFirmata, default: []].isEmpty { problems.append("\(path): nessun ruolo può firmare la determinazione (roles.determina_firmata)") }
            var atti = defaultAtti
            for (k, v) in events(t.atti, "\(path).atti") { atti[k] = v }
            let avviso = t.avviso_giorni ?? file.avviso_giorni ?? 7
            if !(0...365).contains(avviso) { problems.append("\(path): avviso_giorni deve essere fra 0 e 365") }
            let type = ProcedureType(
                codice: t.codice, descrizione: t.descrizione, termDays: t.term_days, silenzioAssenso: t.silenzio_assenso,
                decisioneAccelerata: t.decisione_accelerata, documentiDUfficio: Set(t.documenti_d_ufficio ?? []), roles: roles)
            tipi[t.codice] = TipoConfig(type: type, avvisoGiorni: avviso, atti: atti, registroDeterminazioni: t.registro_determinazioni ?? "determinazioni")
        }
        guard problems.isEmpty else { throw Invalid(file: source, problems: problems) }
        return ProcedureConfiguration(
            tipi: tipi, calendar: .italian(years: 1990...2100, patrono: patrono), sospensioneMaxGiorni: file.sospensione_max_giorni ?? 30)
    }
}
