import Foundation
import Storage
import Workflow

/// Demo data for a new installation: "Comune di Esempio" (c_x000, AOO_DEMO), one user per role named after
/// the role, a few persone with valid codici fiscali, a nucleo, a rete and pratiche in different states.
/// A second ente (c_x001) with one user shows that entes never see each other's data.
enum DemoData {
    static let password = "demo-acts-2026"
    static let usernames = Role.allCases.map(\.rawValue)

    struct DemoPersona {
        let cognome, nome: String
        let sesso: Sesso
        let nascita: String
        let luogo: String
        let comune: String
    }

    static let persone: [DemoPersona] = [
        DemoPersona(cognome: "Rossi", nome: "Mario", sesso: .maschio, nascita: "1948-03-15", luogo: "F205", comune: "Esempio"),
        DemoPersona(cognome: "Bianchi", nome: "Anna", sesso: .femmina, nascita: "1952-11-02", luogo: "F205", comune: "Esempio"),
        DemoPersona(cognome: "Rossi", nome: "Giulia", sesso: .femmina, nascita: "1980-07-21", luogo: "B157", comune: "Esempio"),
        DemoPersona(cognome: "Esposito", nome: "Luca", sesso: .maschio, nascita: "1990-01-09", luogo: "F839", comune: "Esempio"),
        DemoPersona(cognome: "Kovač", nome: "Ivana", sesso: .femmina, nascita: "1975-05-30", luogo: "Z118", comune: "Esempio"),
        DemoPersona(cognome: "Colombo", nome: "Carla", sesso: .femmina, nascita: "1939-09-12", luogo: "F205", comune: "Esempio"),
    ]

    static func load(into store: SQLiteStore, passwords: Passwords, now: Date) async throws {
        _ = try await store.createEnte(code: "c_x000", name: "Comune di Esempio", aooCode: "AOO_DEMO", at: now)
        _ = try await store.createEnte(code: "c_x001", name: "Comune di Prova", aooCode: "AOO_PROVA", at: now)
        let hash = try await passwords.hash(password)
        var ops: [Role: Operatore] = [:]
        for role in Role.allCases {
            ops[role] = try await store.createUser(enteCode: "c_x000", username: role.rawValue, displayName: "Utente \(role.label.lowercased())", role: role, passwordHash: hash, at: now)
        }
        let other = try await store.createUser(enteCode: "c_x001", username: "sportello_prova", displayName: "Sportello Comune di Prova", role: .sportello, passwordHash: hash, at: now)
        let sportello = ops[.sportello]!, assistente = ops[.assistenteSociale]!
        var ids: [Int64] = []
        for (i, p) in persone.enumerated() {
            let birth = CivilDate(iso: p.nascita)!
            let cf = CodiceFiscale.compute(cognome: p.cognome, nome: p.nome, sesso: p.sesso, dataNascita: birth, belfiore: p.luogo)
            let data = PersonaData(
                codiceFiscale: cf, cognome: p.cognome, nome: p.nome, sesso: p.sesso, dataNascita: birth, luogoNascita: p.luogo,
                residenza: Residenza(indirizzo: "Via Roma \(i + 1)", comune: "Esempio", provincia: "MI", cap: "20100"),
                contatti: Contatti(telefono: "02 1234 56\(10 + i)"))
            ids.append(try await store.createPersona(data, by: sportello, at: now).persona.id)
        }
        _ = try await store.createNucleo(membri: [.init(personaID: ids[0], relazione: .intestatario), .init(personaID: ids[1], relazione: .coniuge)], by: sportello, at: now)
        _ = try await store.addLegame(personaID: ids[0], tipo: .caregiver, altraPersonaID: ids[2], descrizione: nil, note: "Figlia, segue il padre nelle visite", by: assistente, at: now)
        _ = try await store.addLegame(personaID: ids[5], tipo: .medico, altraPersonaID: nil, descrizione: "MMG dott.ssa Verdi", note: nil, by: assistente, at: now)
        let pratiche: [(Int, Int?, TipoProcedimento, String, PraticaStato)] = [
            (0, 2, .assistenzaDomiciliare, "Richiesta di assistenza domiciliare per il sig. Rossi", .inIstruttoria),
            (3, nil, .contributoEconomico, "Contributo economico straordinario per utenze", .presentata),
            (4, nil, .contributoEconomico, "Contributo per canone di locazione", .sospesa),
            (5, nil, .pastiDomicilio, "Pasti a domicilio", .accolta),
            (1, nil, .trasportoSociale, "Trasporto sociale verso il centro diurno", .respinta),
        ]
        for (who, richiedente, tipo, oggetto, stato) in pratiche {
            let input = try PraticaInput(personaId: ids[who], richiedenteId: richiedente.map { ids[$0] }, tipo: tipo.code, oggetto: oggetto).validated()
            let p = try await store.createPratica(input, by: sportello, at: now)
            if stato != .presentata { try await store.setStato(stato, praticaID: p.id, by: assistente, at: now) }
            if who == 0 {
                let text = Array("Domanda di assistenza domiciliare presentata allo sportello.\n".utf8)
                _ = try await store.addDocumento(praticaID: p.id, nome: "domanda.txt", mimeType: "text/plain", content: text, by: sportello, at: now)
            }
        }
        let cf = CodiceFiscale.compute(cognome: "Neri", nome: "Paolo", sesso: .maschio, dataNascita: CivilDate(iso: "1965-04-04")!, belfiore: "L219")
        _ = try await store.createPersona(PersonaData(codiceFiscale: cf, cognome: "Neri", nome: "Paolo", sesso: .maschio, dataNascita: CivilDate(iso: "1965-04-04")!, luogoNascita: "L219"), by: other, at: now)
    }
}
