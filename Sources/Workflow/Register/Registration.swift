#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A registration in a register (TUDA art. 53): number, date and the immutable fields, plus the
/// annulment annotation when there is one (art. 54: the entry stays, marked annullata).
public struct Registration: Sendable, Hashable, Codable, Identifiable {
    public let id: Int64
    public let enteID: Int64
    /// Codice AOO.
    public let aoo: String
    public let registro: RegisterCode
    /// Civil year in Europe/Rome of the registration.
    public let anno: Int
    public let numero: Int
    public let registrataIl: Date
    /// Civil date in Europe/Rome of the registration.
    public let data: CivilDate
    public let direzione: FlowDirection
    public let oggetto: String
    public let mittenti: [Correspondent]
    public let destinatari: [Correspondent]
    public let documentoRicevutoNumero: String?
    public let documentoRicevutoData: CivilDate?
    public let classifica: String?
    public let fascicolo: String?
    public let riservato: Bool
    public let allegati: [RegisteredFile]
    public let praticaID: Int64?
    public let operatoreID: Int64
    public var annullamento: Annulment?
    /// True when oggetto and parties were hidden for the reader (riservato).
    public var oscurata: Bool

    public init(id: Int64, enteID: Int64, aoo: String, registro: RegisterCode, anno: Int, numero: Int, registrataIl: Date, data: CivilDate,
                input: RegistrationInput, operatoreID: Int64, annullamento: Annulment? = nil) {
        self.id = id
        self.enteID = enteID
        self.aoo = aoo
        self.registro = registro
        self.anno = anno
        self.numero = numero
        self.registrataIl = registrataIl
        self.data = data
        direzione = input.direzione
        oggetto = input.oggetto
        mittenti = input.mittenti
        destinatari = input.destinatari
        documentoRicevutoNumero = input.documentoRicevutoNumero
        documentoRicevutoData = input.documentoRicevutoData
        classifica = input.classifica
        fascicolo = input.fascicolo
        riservato = input.riservato
        allegati = input.allegati
        praticaID = input.praticaID
        self.operatoreID = operatoreID
        self.annullamento = annullamento
        oscurata = false
    }

    /// The number as the register shows it (`0000042` for the protocol).
    public var numeroFormattato: String { registro.format(numero) }

    /// The human-readable segnatura, e.g. `AOO_DEMO-PG-0000042-23/11/2026-A`.
    public var segnatura: String {
        "\(aoo)-\(registro.rawValue)-\(numeroFormattato)-\(data.italian)-\(direzione.letter)"
    }

    /// The entry as a reader without access to reserved data sees it: number, date and direction only.
    public func redacted() -> Registration {
        guard riservato else { return self }
        var input = RegistrationInput(registro: registro, direzione: direzione, oggetto: "Riservato", riservato: true)
        input.allegati = []
        var copy = Registration(id: id, enteID: enteID, aoo: aoo, registro: registro, anno: anno, numero: numero, registrataIl: registrataIl,
                                data: data, input: input, operatoreID: operatoreID, annullamento: annullamento)
        copy.oscurata = true
        return copy
    }

    /// The immutable fields in a canonical text form: its SHA-256 is stored with the entry and
    /// re-checked by the register check, so that any later change is detected.
    public var canonicalRecord: String {
        func party(_ c: Correspondent) -> String {
            [c.tipo.rawValue, c.denominazione, c.codiceFiscale ?? "", c.indirizzoTelematico ?? "", c.codiceAmministrazione ?? "", c.codiceAOO ?? ""]
                .map(Self.escape).joined(separator: ",")
        }
        let fields: [(String, String)] = [
            ("aoo", aoo), ("registro", registro.rawValue), ("anno", String(anno)), ("numero", String(numero)),
            ("registrata_il_ms", String(Int64((registrataIl.timeIntervalSince1970 * 1000).rounded()))), ("data", data.description),
            ("direzione", direzione.rawValue), ("oggetto", oggetto),
            ("mittenti", mittenti.map(party).joined(separator: ";")), ("destinatari", destinatari.map(party).joined(separator: ";")),
            ("doc_numero", documentoRicevutoNumero ?? ""), ("doc_data", documentoRicevutoData?.description ?? ""),
            ("classifica", classifica ?? ""), ("fascicolo", fascicolo ?? ""), ("riservato", riservato ? "1" : "0"),
            ("allegati", allegati.map { [$0.nome, $0.mimeType, $0.impronta, String($0.dimensione)].map(Self.escape).joined(separator: ",") }.joined(separator: ";")),
        ]
        return fields.map { "\($0.0)=\(Self.escape($0.1))" }.joined(separator: "\n")
    }

    private static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", ",", ";": out += "\\" + String(character)
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }
}

/// The annotation that annuls a registration (TUDA art. 54): who, when, why and by which act.
public struct Annulment: Sendable, Hashable, Codable {
    public let motivo: String
    /// Estremi of the authorising act (e.g. "Disposizione del responsabile n. 3 del 24/11/2026").
    public let provvedimento: String
    public let operatoreID: Int64
    public let il: Date

    public init(motivo: String, provvedimento: String, operatoreID: Int64, il: Date) {
        self.motivo = motivo
        self.provvedimento = provvedimento
        self.operatoreID = operatoreID
        self.il = il
    }

    /// Checks motive and authorising act; both are required by art. 54 c.2.
    public static func validate(motivo: String, provvedimento: String) throws(WorkflowError) {
        var issues: [FieldIssue] = []
        if motivo.trimmed.count < 5 { issues.append(FieldIssue(field: "motivo", message: "Indicare il motivo dell'annullamento.")) }
        if provvedimento.trimmed.isEmpty {
            issues.append(FieldIssue(field: "provvedimento", message: "Indicare gli estremi del provvedimento che autorizza l'annullamento (art. 54 DPR 445/2000)."))
        }
        if !issues.isEmpty { throw .invalid(issues) }
    }
}
