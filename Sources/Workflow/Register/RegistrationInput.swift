/// What an operator supplies to register a document; number, date and time are assigned by the system.
public struct RegistrationInput: Sendable, Hashable, Codable {
    public var registro: RegisterCode
    public var direzione: FlowDirection
    public var oggetto: String
    public var mittenti: [Correspondent]
    public var destinatari: [Correspondent]
    /// Number and date of the received document (art. 53 c.1 e), when present.
    public var documentoRicevutoNumero: String?
    public var documentoRicevutoData: CivilDate?
    /// Titolario classification (e.g. `7.1`), mandatory for the protocol: All. 6 requires `Classifica`.
    public var classifica: String?
    public var fascicolo: String?
    /// Social data: oggetto and parties hidden from roles without access; number and date stay visible.
    public var riservato: Bool
    public var allegati: [RegisteredFile]
    /// The pratica the document belongs to, when any.
    public var praticaID: Int64?

    public init(registro: RegisterCode = .protocolloGenerale, direzione: FlowDirection, oggetto: String, mittenti: [Correspondent] = [],
                destinatari: [Correspondent] = [], documentoRicevutoNumero: String? = nil, documentoRicevutoData: CivilDate? = nil,
                classifica: String? = nil, fascicolo: String? = nil, riservato: Bool = false, allegati: [RegisteredFile] = [],
                praticaID: Int64? = nil) {
        self.registro = registro
        self.direzione = direzione
        self.oggetto = oggetto
        self.mittenti = mittenti
        self.destinatari = destinatari
        self.documentoRicevutoNumero = documentoRicevutoNumero
        self.documentoRicevutoData = documentoRicevutoData
        self.classifica = classifica
        self.fascicolo = fascicolo
        self.riservato = riservato
        self.allegati = allegati
        self.praticaID = praticaID
    }

    /// The input trimmed and checked; every problem is listed in Italian.
    public func validated() throws(WorkflowError) -> RegistrationInput {
        var copy = self
        var issues: [FieldIssue] = []
        copy.oggetto = oggetto.trimmed
        if copy.oggetto.isEmpty {
            issues.append(FieldIssue(field: "oggetto", message: "Indicare l'oggetto del documento (è un dato obbligatorio e non modificabile della registrazione)."))
        } else if copy.oggetto.count > 2000 {
            issues.append(FieldIssue(field: "oggetto", message: "Oggetto troppo lungo: al massimo 2000 caratteri."))
        }
        copy.mittenti = mittenti.map(\.trimmed)
        copy.destinatari = destinatari.map(\.trimmed)
        if registro.isProtocol {
            if direzione == .arrivo && copy.mittenti.isEmpty {
                issues.append(FieldIssue(field: "mittenti", message: "Un documento in arrivo richiede il mittente."))
            }
            if direzione != .arrivo && copy.destinatari.isEmpty {
                issues.append(FieldIssue(field: "destinatari", message: "Un documento \(direzione.label) richiede almeno un destinatario."))
            }
            if (classifica?.trimmed ?? "").isEmpty {
                issues.append(FieldIssue(field: "classifica", message: "Indicare la classificazione del titolario (es. 7.1): è obbligatoria per la segnatura di protocollo."))
            }
        }
        for (index, party) in (copy.mittenti + copy.destinatari).enumerated() where party.denominazione.isEmpty {
            issues.append(FieldIssue(field: "corrispondenti[\(index)]", message: "Ogni mittente o destinatario deve avere una denominazione (nome e cognome o ragione sociale)."))
        }
        if let number = documentoRicevutoNumero?.trimmed, !number.isEmpty {
            copy.documentoRicevutoNumero = number
        } else {
            copy.documentoRicevutoNumero = nil
        }
        if copy.documentoRicevutoData != nil && copy.documentoRicevutoNumero == nil {
            issues.append(FieldIssue(field: "documentoRicevutoNumero", message: "Con la data del documento ricevuto indicare anche il suo numero di protocollo."))
        }
        copy.classifica = classifica?.trimmed.nilIfEmpty
        copy.fascicolo = fascicolo?.trimmed.nilIfEmpty
        for file in allegati {
            if file.impronta.count != 64 || !file.impronta.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) {
                issues.append(FieldIssue(field: "allegati", message: "Impronta SHA-256 non valida per il file «\(file.nome)»."))
            }
        }
        if !issues.isEmpty { throw .invalid(issues) }
        return copy
    }
}

extension Correspondent {
    var trimmed: Correspondent {
        var copy = self
        copy.denominazione = denominazione.trimmed
        copy.codiceFiscale = codiceFiscale?.trimmed.uppercased().nilIfEmpty
        copy.indirizzoTelematico = indirizzoTelematico?.trimmed.nilIfEmpty
        return copy
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
