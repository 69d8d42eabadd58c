#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The segnatura di protocollo of a registration as XML (AgID LG 2021 All. 6,
/// `segnatura_protocollo.xsd` version 3.0.0), **before** it is sealed.
///
/// The result has no `ds:Signature`, which the schema requires as the last child of
/// `SegnaturaInformatica`: the AOO seals it with an enveloped XAdES-B-B signature (All. 6 §2.2
/// step E) and only then is it valid. The builder is pure: no clock, no I/O.
///
/// What is written, in the schema's order:
/// * `Intestazione/Identificatore`: the administration's and the AOO's IPA codes from
///   ``SegnaturaAOO`` (with their denominazioni as `prot:descrizione`), the register code, the
///   number zero-padded to at least 7 digits (also for a repertorio, whose own display has no
///   padding: the schema requires `[0-9]{7,}`), the civil date, and `OraRegistrazione` as Italian
///   civil time with its offset (e.g. `10:19:00+01:00`), left out when that time falls on a day
///   other than ``Registration/data`` (e.g. a recovered emergency registration);
/// * `Oggetto`; `Classifica` with `CodiceFlat` = ``Registration/classifica`` and `Denominazione` =
///   `denominazioneClassifica`, by default `Classificazione <codice>` (the registration stores the
///   code only); `Fascicolo` when there is one, `Denominazione` by default `Fascicolo <codice>`;
///   `Riservato` = `true` only when the registration is riservata;
/// * `Descrizione`: for a document in partenza or interno the `Mittente` is the administration
///   with its AOO (and the AOO's PEC); the `Destinatario`s are the registration's (an interno with
///   none goes to the AOO itself). For a document in arrivo the `Mittente` is the first mittente
///   (the schema allows one) and the `Destinatario` is the AOO. `prot:confermaRicezione="false"`
///   is written for recipients that are not administrations with an IPA code (only AOOs send
///   the confirmation); the others keep the schema default (`true`);
/// * the first file is `DocumentoPrimario`, the others `Allegato`, each with its base64 SHA-256
///   `Impronta` (no `prot:algoritmo`: SHA-256 is the schema default) and, for a `.p7m` or
///   `application/pkcs7-mime` file, `firmatoDigitalmente/UnDetached`.
///
/// Not written: `PrimaRegistrazione` and `Riferimenti` (the registration keeps only the number and
/// date of a received document, not its full Identificatore and Classifica), postal addresses
/// (the schema's `CAPType` wants 6 digits), `CollocazioneTelematica`.
public enum Segnatura {
    /// The namespace of the segnatura (`prot:`).
    public static let namespace = "http://www.agid.gov.it/protocollo/"
    /// The only version the schema allows (`prot:versione`, fixed).
    public static let versione = "3.0.0"

    /// The unsealed segnatura of `registration` as UTF-8 XML text with an XML declaration.
    ///
    /// Throws ``WorkflowError/invalid(_:)`` listing in Italian what the schema requires and the
    /// registration lacks: the classification, the files, the IPA codes, a mittente (arrivo) or
    /// a destinatario (partenza).
    public static func xml(for registration: Registration, aoo: SegnaturaAOO, denominazioneClassifica: String? = nil,
                           denominazioneFascicolo: String? = nil) throws(WorkflowError) -> String {
        try check(registration, aoo)
        var writer = SegnaturaXMLWriter()
        writer.open("SegnaturaInformatica", [.init("versione", versione), .init("lang", "it")],
                    namespaceDeclarations: [(SegnaturaXMLWriter.prefix, namespace)])
        intestazione(&writer, registration, aoo, denominazioneClassifica: denominazioneClassifica,
                     denominazioneFascicolo: denominazioneFascicolo)
        descrizione(&writer, registration, aoo)
        writer.close("SegnaturaInformatica")
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + writer.output
    }

    /// The registration number as the segnatura writes it: at least 7 digits.
    public static func numeroRegistrazione(_ numero: Int) -> String {
        let digits = String(numero)
        return digits.count >= 7 ? digits : String(repeating: "0", count: 7 - digits.count) + digits
    }

    private static func intestazione(_ writer: inout SegnaturaXMLWriter, _ registration: Registration, _ aoo: SegnaturaAOO,
                                     denominazioneClassifica: String?, denominazioneFascicolo: String?) {
        writer.open("Intestazione")
        writer.open("Identificatore")
        writer.leaf("CodiceAmministrazione", aoo.codiceIPA.trimmed, SegnaturaXMLWriter.descrizione(aoo.denominazione))
        writer.leaf("CodiceAOO", aoo.codiceAOO.trimmed, SegnaturaXMLWriter.descrizione(aoo.denominazioneAOO))
        writer.leaf("CodiceRegistro", registration.registro.rawValue)
        writer.leaf("NumeroRegistrazione", numeroRegistrazione(registration.numero))
        writer.leaf("DataRegistrazione", registration.data.description)
        let time = ItalianLocalTime(registration.registrataIl)
        if time.date == registration.data { writer.leaf("OraRegistrazione", time.xsdTime) }
        writer.close("Identificatore")
        writer.leaf("Oggetto", registration.oggetto)
        let classifica = registration.classifica?.trimmed ?? ""
        writer.open("Classifica")
        writer.leaf("Denominazione", denominazioneClassifica?.trimmedNonEmpty ?? "Classificazione \(classifica)")
        writer.leaf("CodiceFlat", classifica)
        writer.close("Classifica")
        if let fascicolo = registration.fascicolo?.trimmedNonEmpty {
            writer.open("Fascicolo")
            writer.leaf("Denominazione", denominazioneFascicolo?.trimmedNonEmpty ?? "Fascicolo \(fascicolo)")
            writer.leaf("CodiceFascicolo", fascicolo)
            writer.close("Fascicolo")
        }
        if registration.riservato { writer.leaf("Riservato", "true") }
        writer.close("Intestazione")
    }

    private static func descrizione(_ writer: inout SegnaturaXMLWriter, _ registration: Registration, _ aoo: SegnaturaAOO) {
        writer.open("Descrizione")
        writer.open("Mittente")
        if registration.direzione == .arrivo, let mittente = registration.mittenti.first {
            writer.party(mittente)
        } else {
            writer.ownAdministration(aoo)
        }
        writer.close("Mittente")
        if registration.direzione == .arrivo || registration.destinatari.isEmpty {
            writer.open("Destinatario")
            writer.ownAdministration(aoo)
            writer.close("Destinatario")
        } else {
            for destinatario in registration.destinatari {
                let confirms = destinatario.tipo == .amministrazione && destinatario.codiceAmministrazione?.trimmedNonEmpty != nil
                writer.open("Destinatario", confirms ? [] : [.init("confermaRicezione", "false")])
                writer.party(destinatario)
                writer.close("Destinatario")
            }
        }
        for (index, file) in registration.allegati.enumerated() {
            document(&writer, index == 0 ? "DocumentoPrimario" : "Allegato", file)
        }
        writer.close("Descrizione")
    }

    private static func document(_ writer: inout SegnaturaXMLWriter, _ element: String, _ file: RegisteredFile) {
        writer.open(element, [.init("nomeFile", file.nome), .init("mimeType", file.mimeType)])
        writer.leaf("Impronta", file.improntaBase64)
        if file.nome.lowercased().hasSuffix(".p7m") || file.mimeType.lowercased() == "application/pkcs7-mime" {
            writer.open("firmatoDigitalmente")
            writer.leaf("UnDetached", "true")
            writer.close("firmatoDigitalmente")
        }
        writer.close(element)
    }

    /// What the schema requires and the registration must provide.
    private static func check(_ registration: Registration, _ aoo: SegnaturaAOO) throws(WorkflowError) {
        var issues: [FieldIssue] = []
        if aoo.codiceIPA.trimmed.isEmpty {
            issues.append(FieldIssue(field: "codiceIPA", message: "Manca il codice IPA dell'amministrazione, obbligatorio nella segnatura di protocollo."))
        }
        if aoo.codiceAOO.trimmed.isEmpty {
            issues.append(FieldIssue(field: "codiceAOO", message: "Manca il codice IPA dell'AOO, obbligatorio nella segnatura di protocollo."))
        }
        if registration.classifica?.trimmedNonEmpty == nil {
            issues.append(FieldIssue(field: "classifica", message: "La segnatura di protocollo richiede la classificazione del titolario (es. 7.1)."))
        }
        if registration.allegati.isEmpty {
            issues.append(FieldIssue(field: "allegati", message: "La segnatura di protocollo richiede almeno il documento principale con la sua impronta."))
        }
        for file in registration.allegati where file.impronta.count != 64 || file.improntaBase64.isEmpty {
            issues.append(FieldIssue(field: "allegati", message: "Impronta SHA-256 non valida per il file «\(file.nome)»."))
        }
        if registration.direzione == .arrivo && registration.mittenti.isEmpty {
            issues.append(FieldIssue(field: "mittenti", message: "La segnatura di un documento in arrivo richiede il mittente."))
        }
        if registration.direzione == .partenza && registration.destinatari.isEmpty {
            issues.append(FieldIssue(field: "destinatari", message: "La segnatura di un documento in partenza richiede almeno un destinatario."))
        }
        if !issues.isEmpty { throw .invalid(issues) }
    }
}
