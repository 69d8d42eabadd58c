extension Procedure {
    /// Applies one event (scenario README §5-§7). Time is first brought forward to the event's day, also when
    /// the event is then refused; a refused event changes nothing else.
    ///
    /// - Parameters:
    ///   - register: the ente's determinazioni register; an accepted determina or decisione accelerata takes its next number.
    ///   - checkRoles: false only when rebuilding from a log of events that were accepted when recorded.
    /// - Returns: accepted or refused with a stable error code, and the snapshot as of the event's day.
    public mutating func apply(_ event: ProcedureEvent, register: inout DeterminaRegister, checkRoles: Bool = true) -> ProcedureOutcome {
        if presentation != nil { advance(to: event.day) }
        var number: String?
        var error: WorkflowError?
        do {
            number = try check(event, register: &register, checkRoles: checkRoles)
        } catch let e {
            error = e
        }
        return ProcedureOutcome(accepted: error == nil, error: error, snapshot: snapshot(on: event.day), determina: number)
    }

    /// Checks in the order of §5: verifica, closed, role, then the event's own checks; applies the effect when all pass.
    private mutating func check(_ e: ProcedureEvent, register: inout DeterminaRegister, checkRoles: Bool) throws(WorkflowError) -> String? {
        if e.kind == .verifica { return nil }
        if let c = conclusion, !(e.kind == .comunicazioneEsitoInviata && c.byDetermina && !communicated) {
            throw .procedureClosed
        }
        guard !checkRoles || type.allows(e.roles, e.kind) else { throw .procedureForbidden(roles: e.roles, action: e.kind) }
        if e.kind != .istanzaPresentata && presentation == nil { throw .invalidTransition("la domanda non è stata ancora presentata") }
        let day = e.day
        switch e.kind {
        case .verifica:
            return nil
        case .istanzaPresentata:
            guard presentation == nil else { throw .invalidTransition("la domanda è già stata presentata") }
            presentation = day
            phase = .presentata
        case .protocollata:
            guard !protocolled else { throw .invalidTransition("la domanda è già protocollata") }
            protocolled = true
            if e.data.ricevutaValeAvvio {
                avviata = true
                phase = .avviata
            }
        case .avvioComunicato:
            guard protocolled else { throw .invalidTransition("l'avvio richiede la protocollazione della domanda") }
            guard !avviata else { throw .invalidTransition("l'avvio del procedimento è già stato comunicato") }
            avviata = true
            phase = .avviata
        case .richiestaIntegrazione:
            guard avviata else { throw .invalidTransition("l'integrazione si chiede dopo l'avvio del procedimento") }
            guard !integrazioneRequested else { throw .suspensionAlreadyUsed }
            guard !suspensionRunning(on: day) else { throw .invalidTransition("è in corso una sospensione") }
            if let held = e.data.documenti.first(where: type.documentiDUfficio.contains) { throw .heldByPA(held) }
            integrazioneRequested = true
            if !isExpired(on: day) {
                suspensions.append(Suspension(kind: .integrazione(received: nil), start: day))
                phase = .sospesaIntegrazione
            }
        case .integrazioneRicevuta:
            guard integrazioneRequested, !integrazioneReceived else { throw .invalidTransition("nessuna integrazione in attesa") }
            integrazioneReceived = true
            if let i = suspensions.firstIndex(where: { if case .integrazione = $0.kind { true } else { false } }), suspensions[i].isRunning(on: day) {
                suspensions[i].kind = .integrazione(received: day)
                suspensions[i].restarted = true
                if phase == .sospesaIntegrazione { phase = .istruttoria }
            }
        case .preavviso10bisInviato:
            guard avviata else { throw .invalidTransition("il preavviso si invia dopo l'avvio del procedimento") }
            guard !suspensionRunning(on: day), !windowOpen(on: day) else { throw .invalidTransition("è in corso una sospensione o il termine per le osservazioni") }
            let window = (e.data.consegnatoIl ?? day).adding(days: 10)
            preavvisi.append(Preavviso(window: window))
            if !isExpired(on: day) {
                suspensions.append(Suspension(kind: .preavviso(window: window, observations: nil), start: day))
                phase = .preavviso10bis
            }
        case .osservazioniRicevute:
            guard let last = preavvisi.last, !last.observed else { throw .invalidTransition("nessun preavviso in attesa di osservazioni") }
            preavvisi[preavvisi.count - 1].observed = true
            if day <= last.window,
                let i = suspensions.lastIndex(where: { if case .preavviso(let w, nil) = $0.kind { w == last.window } else { false } })
            {
                suspensions[i].kind = .preavviso(window: last.window, observations: day)
            }
        case .propostaRedatta:
            guard avviata else { throw .invalidTransition("la proposta richiede l'avvio del procedimento") }
            guard !integrazioneRunning(on: day) else { throw .invalidTransition("è in corso la sospensione per integrazione") }
            guard !windowOpen(on: day) else { throw .preavvisoWindowOpen }
            let esito = e.data.esito ?? .accoglimento
            if esito != .accoglimento && preavvisi.isEmpty { throw .preavvisoRequired }
            proposta = esito
            phase = .proposta
        case .determinaFirmata:
            guard let esito = proposta else { throw .invalidTransition("manca la proposta di determinazione") }
            guard !integrazioneRunning(on: day) else { throw .invalidTransition("è in corso la sospensione per integrazione") }
            guard !windowOpen(on: day) else { throw .preavvisoWindowOpen }
            let state: ProcedureState = switch esito {
            case .accoglimento: .decisaAccolta
            case .accoglimentoParziale: .decisaParziale
            case .diniego: accelerataAdopted ? .revocata : .decisaRespinta
            }
            conclusion = Conclusion(state: state, day: day, byDetermina: true)
            return register.next(on: day)
        case .comunicazioneEsitoInviata:
            guard conclusion != nil else { throw .invalidTransition("non c'è ancora un esito da comunicare") }
            communicated = true
        case .rinuncia:
            conclusion = Conclusion(state: .archiviataRinuncia, day: day, byDetermina: false)
        case .decisioneAccelerata:
            guard type.decisioneAccelerata else { throw .accelerataNotAllowed }
            guard !(e.data.motivazioneUrgenza ?? "").trimmed.isEmpty else { throw .urgencyReasonRequired }
            guard protocolled, !accelerataAdopted, !suspensionRunning(on: day) else {
                throw .invalidTransition("la decisione accelerata richiede la protocollazione, una sola volta e fuori dalle sospensioni")
            }
            accelerataAdopted = true
            phase = .accelerataProvvisoria
            return register.next(on: day)
        case .potereSostitutivoAttivato:
            guard potereSostitutivo == nil else { throw .invalidTransition("il potere sostitutivo è già stato attivato") }
            guard isExpired(on: day) else { throw .termNotExpired }
            potereSostitutivo = day
        }
        return nil
    }
}
