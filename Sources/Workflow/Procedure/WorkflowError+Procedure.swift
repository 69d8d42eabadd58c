/// The stable refusal codes of the procedure engine (scenario README §5), with Italian messages.
extension WorkflowError {
    public static let procedureClosed = WorkflowError(code: "procedure_closed", message: "Il procedimento è concluso: nessuna ulteriore azione è possibile.")
    public static let suspensionAlreadyUsed = WorkflowError(code: "suspension_already_used", message: "La sospensione per integrazione è già stata usata: la legge la consente una sola volta (L. 241/1990 art. 2 c.7).")
    public static let preavvisoRequired = WorkflowError(code: "preavviso_required", message: "Un esito negativo o parziale richiede prima il preavviso di rigetto (art. 10-bis).")
    public static let preavvisoWindowOpen = WorkflowError(code: "preavviso_window_open", message: "Sono in corso i 10 giorni per le osservazioni al preavviso di rigetto: attendere le osservazioni o la scadenza.")
    public static let accelerataNotAllowed = WorkflowError(code: "accelerata_not_allowed", message: "Questo tipo di procedimento non ammette la decisione accelerata.")
    public static let urgencyReasonRequired = WorkflowError(code: "urgency_reason_required", message: "Indicare i motivi di urgenza della decisione accelerata.")
    public static let termNotExpired = WorkflowError(code: "term_not_expired", message: "Il potere sostitutivo si esercita solo dopo la scadenza del termine (art. 2 c.9-ter).")

    /// The role may not perform the action.
    public static func procedureForbidden(roles: Set<String>, action: ProcedureEventKind) -> WorkflowError {
        let who = roles.isEmpty ? "nessun ruolo" : roles.sorted().joined(separator: ", ")
        return WorkflowError(code: "forbidden", message: "Con i ruoli \(who) non si può eseguire «\(action.label)» per questo tipo di procedimento.")
    }

    /// The event makes no sense at this point of the procedure.
    public static func invalidTransition(_ reason: String) -> WorkflowError {
        WorkflowError(code: "invalid_transition", message: "Azione non possibile in questa fase: \(reason).")
    }

    /// The document is held by another PA and must be acquired ex officio.
    public static func heldByPA(_ document: String) -> WorkflowError {
        WorkflowError(code: "held_by_pa", message: "Il documento «\(document)» è in possesso di una pubblica amministrazione: va acquisito d'ufficio, non chiesto al richiedente (art. 18 c.2).")
    }
}
