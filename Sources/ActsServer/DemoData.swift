import Foundation
import Storage
import Workflow

/// Demo data for a new installation: "Comune di Esempio" (c_x000, AOO_DEMO), one user per role named after
/// the role, a few persone with valid codici fiscali, a nucleo, a rete and pratiche whose procedures stand in
/// different states (suspended, just presented, overdue, decided, close to the deadline).
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

    static func load(into store: SQLiteStore, passwords: Passwords, catalog: ProcedureCatalog, now: Date) async throws {
        _ = try await store.createEnte(code: "c_x000", name: "Comune di Esempio", aooCode: "AOO_DEMO", at: now)
        _ = try await store.createEnte(code: "c_x001", name: "Comune di Prova", aooCode: "AOO_PROVA", at: now)
        let hash = try await passwords.hash(password)
        var ops: [Role: Operatore] = [:]
        for role in Role.allCases {
            // The demo dirigente also heads the unit and holds the potere sostitutivo.
            let functions: Set<String> = role == .dirigente ? ["responsabile_servizio", "titolare_potere_sostitutivo"] : []
            ops[role] = try await store.createUser(
                enteCode: "c_x000", username: role.rawValue, displayName: "Utente \(role.label.lowercased())", role: role, passwordHash: hash,
                functions: functions, by: nil, at: now)
        }
        let other = try await store.createUser(enteCode: "c_x001", username: "sportello_prova", displayName: "Sportello Comune di Prova", role: .sportello, passwordHash: hash, functions: [], by: nil, at: now)
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
        let dirigente = ops[.dirigente]!, protocollo = ops[.protocollo]!
        // Pratiche in different states, built through the procedure engine with events on past days.
        func service(daysAgo: Int) -> ProcedureService {
            let at = now.addingTimeInterval(-Double(daysAgo) * 86_400)
            return ProcedureService(store: store, catalog: catalog, clock: AppClock { at })
        }
        func step(_ kind: ProcedureEventKind, _ pratica: Pratica, daysAgo: Int, by op: Operatore, _ data: ProcedureEvent.Data = .init()) async throws {
            let outcome = try await service(daysAgo: daysAgo).apply(kind, data: data, praticaID: pratica.id, by: op)
            if let error = outcome.error { throw error }
        }
        func open(_ who: Int, _ richiedente: Int?, _ tipo: String, _ oggetto: String, daysAgo: Int) async throws -> Pratica {
            let p = try await service(daysAgo: daysAgo).open(PraticaInput(personaId: ids[who], richiedenteId: richiedente.map { ids[$0] }, tipo: tipo, oggetto: oggetto), by: sportello)
            try await step(.protocollata, p, daysAgo: daysAgo, by: protocollo)
            try await store.assignRDP(praticaID: p.id, userID: assistente.userID, by: dirigente, at: now)
            return try await store.pratica(id: p.id, for: sportello)
        }
        var documenti = ProcedureEvent.Data()
        documenti.documenti = ["certificazione_medica"]
        var accoglimento = ProcedureEvent.Data()
        accoglimento.esito = .accoglimento

        let sad = try await open(0, 2, "assistenza_domiciliare", "Richiesta di assistenza domiciliare per il sig. Rossi", daysAgo: 20)
        try await step(.avvioComunicato, sad, daysAgo: 19, by: assistente)
        try await step(.richiestaIntegrazione, sad, daysAgo: 10, by: assistente, documenti)
        let text = Array("Domanda di assistenza domiciliare presentata allo sportello.\n".utf8)
        _ = try await store.addDocumento(praticaID: sad.id, nome: "domanda.txt", mimeType: "text/plain", content: text, by: sportello, at: now)

        _ = try await open(3, nil, "contributo_economico", "Contributo economico straordinario per utenze", daysAgo: 3)

        let scaduta = try await open(4, nil, "contributo_economico", "Contributo per canone di locazione", daysAgo: 45)
        try await step(.avvioComunicato, scaduta, daysAgo: 44, by: assistente)

        let pasti = try await open(5, nil, "pasti_domicilio", "Pasti a domicilio", daysAgo: 25)
        try await step(.avvioComunicato, pasti, daysAgo: 24, by: assistente)
        try await step(.propostaRedatta, pasti, daysAgo: 5, by: assistente, accoglimento)
        try await step(.determinaFirmata, pasti, daysAgo: 4, by: dirigente)
        try await step(.comunicazioneEsitoInviata, pasti, daysAgo: 3, by: assistente)

        let trasporto = try await open(1, nil, "trasporto_sociale", "Trasporto sociale verso il centro diurno", daysAgo: 26)
        try await step(.avvioComunicato, trasporto, daysAgo: 25, by: assistente)

        let cf = CodiceFiscale.compute(cognome: "Neri", nome: "Paolo", sesso: .maschio, dataNascita: CivilDate(iso: "1965-04-04")!, belfiore: "L219")
        _ = try await store.createPersona(PersonaData(codiceFiscale: cf, cognome: "Neri", nome: "Paolo", sesso: .maschio, dataNascita: CivilDate(iso: "1965-04-04")!, luogoNascita: "L219"), by: other, at: now)
    }
}
