import Foundation

/// A segnatura di protocollo received from another AOO (AgID LG 2021 All. 6,
/// `segnatura_protocollo.xsd` 3.0), read with the secure parser (no DTD, no network).
///
/// The root may be `SegnaturaInformatica` in the `prot` namespace or, as PEC messages may carry
/// it (`pec_message.xsd`), in the `pec` namespace; its content is in the `prot` namespace.
/// Attributes are read namespace-qualified (`prot:nomeFile`) and, for lenient reading of
/// non-conforming senders, also unqualified; the schema check reports the latter.
public struct IncomingSegnatura: Sendable, Hashable {
    /// Namespace of the segnatura (`prot:`).
    public static let namespace = "http://www.agid.gov.it/protocollo/"
    /// Namespace of the PEC-channel messages, whose `SegnaturaInformatica` root is also accepted.
    public static let pecNamespace = "http://www.agid.gov.it/protocollo/pec/"

    /// `Intestazione/Identificatore`: who registered the document, where, with which number.
    public struct Identificatore: Sendable, Hashable {
        /// Codice IPA of the sending administration.
        public let codiceAmministrazione: String
        /// Codice IPA of the sending AOO.
        public let codiceAOO: String
        /// Code of the register that numbered the document (e.g. `PG`).
        public let codiceRegistro: String
        /// As written (at least 7 digits in a valid segnatura).
        public let numeroRegistrazione: String
        /// `xs:date` as written, normally `YYYY-MM-DD`.
        public let dataRegistrazione: String
        /// `xs:time` as written, when present.
        public let oraRegistrazione: String?
    }

    /// A declared document: the `DocumentoPrimario` or an `Allegato`.
    public struct Documento: Sendable, Hashable {
        /// `prot:nomeFile`: the name the received file must have.
        public let nomeFile: String
        /// `prot:mimeType` as declared.
        public let mimeType: String
        /// The declared digest, base64 as written.
        public let impronta: String
        /// `prot:algoritmo`, `SHA-256` when absent (the schema default).
        public let algoritmo: String
        /// True for the `DocumentoPrimario`.
        public let primario: Bool
    }

    /// The sender's registration identifier.
    public let identificatore: Identificatore
    /// `Intestazione/Oggetto` as written.
    public let oggetto: String
    /// The primary document first, then the attachments, in document order.
    public let documenti: [Documento]
    /// Whether the segnatura carries a `ds:Signature` (its verification is a separate step).
    public let firmata: Bool
    /// The segnatura as received.
    public let xml: [UInt8]

    /// Reads a segnatura. Throws when the bytes are not well-formed XML, contain a DOCTYPE, or are
    /// not a `SegnaturaInformatica`; missing elements are read as empty strings (the schema check
    /// of ``check(files:validator:)`` reports them).
    public init(bytes: [UInt8]) throws(SigningError) {
        let document: LibXMLDocument
        do {
            document = try LibXMLDocument(parsing: bytes)
        } catch {
            throw SigningError(code: "segnatura_non_leggibile", message: "La segnatura di protocollo non è leggibile: \(error.italianDetail).")
        }
        let root = document.root
        guard root.isNamed(Self.namespace, "SegnaturaInformatica") || root.isNamed(Self.pecNamespace, "SegnaturaInformatica") else {
            throw SigningError(code: "segnatura_non_valida",
                               message: "Il documento non è una segnatura di protocollo AgID: l'elemento principale è «\(root.localName)» invece di «SegnaturaInformatica» (namespace \(Self.namespace)).")
        }
        let prot = Self.namespace
        let intestazione = root.child(prot, "Intestazione")
        let identifier = intestazione?.child(prot, "Identificatore")
        func field(_ name: String) -> String { Self.text(identifier?.child(prot, name)) }
        identificatore = Identificatore(
            codiceAmministrazione: field("CodiceAmministrazione"), codiceAOO: field("CodiceAOO"),
            codiceRegistro: field("CodiceRegistro"), numeroRegistrazione: field("NumeroRegistrazione"),
            dataRegistrazione: field("DataRegistrazione"),
            oraRegistrazione: identifier?.child(prot, "OraRegistrazione").map { Self.text($0) })
        oggetto = intestazione?.child(prot, "Oggetto")?.text ?? ""
        var documenti: [Documento] = []
        for element in root.child(prot, "Descrizione")?.children ?? [] {
            let primario = element.isNamed(prot, "DocumentoPrimario")
            guard primario || element.isNamed(prot, "Allegato") else { continue }
            let impronta = element.child(prot, "Impronta")
            documenti.append(Documento(
                nomeFile: Self.attribute(element, "nomeFile") ?? "", mimeType: Self.attribute(element, "mimeType") ?? "",
                impronta: Self.text(impronta), algoritmo: impronta.flatMap { Self.attribute($0, "algoritmo") } ?? "SHA-256",
                primario: primario))
        }
        self.documenti = documenti
        firmata = root.firstDescendant(XMLDSig.namespace, "Signature") != nil
        xml = bytes
    }

    /// The text of an element, without surrounding whitespace.
    private static func text(_ element: LibXMLElement?) -> String {
        (element?.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `prot:name`, else an unqualified `name`.
    private static func attribute(_ element: LibXMLElement, _ name: String) -> String? {
        let attributes = element.attributes
        return (attributes.first { $0.localName == name && $0.namespaceURI == namespace }
            ?? attributes.first { $0.localName == name && $0.namespaceURI == nil })?.value
    }
}
