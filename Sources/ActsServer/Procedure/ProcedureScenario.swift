import Foundation
import Workflow

/// A procedure scenario file (`procedure-scenario/1`): procedure type, calendar, determinazioni register and
/// events. Keys the replay does not need (`expected`, `note`, `title`, …) are ignored.
struct ProcedureScenario: Decodable {
    struct CalendarSpec: Decodable {
        struct Patrono: Decodable {
            let month_day: String
        }
        let timezone: String?
        let holidays: [String]
        let patrono: Patrono?
    }

    struct TypeSpec: Decodable {
        let codice: String
        let descrizione: String?
        let term_days: Int
        let silenzio_assenso: Bool
        let decisione_accelerata: Bool
        let documenti_d_ufficio: [String]?
        let roles: [String: [String]]
    }

    struct EventSpec: Decodable {
        struct Actor: Decodable {
            let id: String?
            let role: String
        }
        let type: String
        let at: String
        let actor: Actor
        let data: ProcedureEventDataInput?
    }

    let id: String?
    let calendar: CalendarSpec
    let procedure_type: TypeSpec
    let registro_determinazioni: [String: Int]?
    let events: [EventSpec]
}
