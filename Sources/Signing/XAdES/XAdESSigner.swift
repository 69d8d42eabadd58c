import Foundation

/// Makes XAdES baseline B (ETSI EN 319 132-1, XAdES-B-B) signatures: RSA-SHA256 or
/// ECDSA-SHA256, SHA-256 digests, exclusive C14N for SignedInfo and an explicit exclusive C14N
/// Transform on every same-document Reference, SigningTime and SigningCertificateV2 in the
/// signed properties.
public enum XAdESSigner {
    /// Enveloped: the ds:Signature is appended as the last child of the document element of `xml`.
    ///
    /// The result is `xml` re-serialised as UTF-8 (same document, with the signature). A
    /// document with a DOCTYPE (DTD, entities) is refused.
    public static func signEnveloped(xml: [UInt8], key: SigningKey, signingTime: Date) throws(SigningError) -> [UInt8] {
        let document = try parse(xml, what: "Il documento XML da firmare", keepingCDATA: true)
        let ids = try freshIdentifiers(in: document)
        let template = XAdESSignatureTemplate(ids: ids, key: key, signingTime: signingTime, data: .enveloped, mimeType: "text/xml")
        let signature: LibXMLElement
        do {
            signature = try document.append(fragment: template.xml, to: document.root)
        } catch {
            throw SigningError.crypto("impossibile inserire la firma nel documento XML (\(error.italianDetail))")
        }
        return try complete(signature, in: document, key: key, envelopedData: true)
    }

    /// Detached: a standalone ds:Signature document referencing the file by `fileName` (URI) with the digest of `content`.
    public static func signDetached(content: [UInt8], fileName: String, key: SigningKey, signingTime: Date) throws(SigningError) -> [UInt8] {
        guard !fileName.isEmpty else {
            throw SigningError.input("Firma XAdES staccata: manca il nome del file firmato.")
        }
        let reference = XAdESSignatureTemplate.DataReference.detached(uri: uri(fileName), digest: DigestAlgorithm.sha256.hash(content))
        let template = XAdESSignatureTemplate(ids: .random(), key: key, signingTime: signingTime, data: reference,
                                              mimeType: mimeType(fileName))
        let document = try parse(template.xml, what: "Il modello della firma XAdES")
        return try complete(document.root, in: document, key: key, envelopedData: false)
    }

    /// Fills the DigestValues and the SignatureValue of a template already in place, then serialises.
    private static func complete(_ signature: LibXMLElement, in document: LibXMLDocument, key: SigningKey,
                                 envelopedData: Bool) throws(SigningError) -> [UInt8] {
        let ds = XMLDSig.namespace
        guard let signedInfo = signature.child(ds, "SignedInfo"),
              case let references = signedInfo.children(ds, "Reference"), references.count == 2,
              let signedProperties = signature.firstDescendant(XMLDSig.xadesNamespace, "SignedProperties"),
              let valueElement = signature.child(ds, "SignatureValue") else {
            throw SigningError.crypto("struttura della firma XAdES inattesa")
        }
        if envelopedData {
            let octets = try canonical(document, nil, excluding: signature)
            try setText(references[0].child(ds, "DigestValue"), XMLBase64.encode(DigestAlgorithm.sha256.hash(octets)))
        }
        let properties = try canonical(document, signedProperties, excluding: nil)
        try setText(references[1].child(ds, "DigestValue"), XMLBase64.encode(DigestAlgorithm.sha256.hash(properties)))
        let value = try XAdESSignatureValue.sign(try canonical(document, signedInfo, excluding: nil), key: key)
        try setText(valueElement, XMLBase64.encode(value))
        guard let output = document.serialized() else { throw SigningError.crypto("serializzazione del documento XML non riuscita") }
        return output
    }

    private static func parse(_ xml: [UInt8], what: String, keepingCDATA: Bool = false) throws(SigningError) -> LibXMLDocument {
        do {
            return try LibXMLDocument(parsing: xml, keepingCDATA: keepingCDATA)
        } catch {
            throw SigningError.input("\(what) non è utilizzabile: \(error.italianDetail).")
        }
    }

    private static func canonical(_ document: LibXMLDocument, _ subtree: LibXMLElement?, excluding: LibXMLElement?) throws(SigningError) -> [UInt8] {
        guard let octets = document.canonicalize(subtree: subtree, excluding: excluding, exclusive: true,
                                                 withComments: false, inclusivePrefixes: nil) else {
            throw SigningError.input("Il documento XML non può essere canonicalizzato (C14N esclusiva): ad esempio usa namespace con URI relativi.")
        }
        return octets
    }

    private static func setText(_ element: LibXMLElement?, _ text: String) throws(SigningError) {
        guard let element, element.setText(text) else { throw SigningError.crypto("impossibile scrivere nella firma XAdES") }
    }

    /// Identifiers not already used as an Id in the document.
    private static func freshIdentifiers(in document: LibXMLDocument) throws(SigningError) -> XAdESSignatureTemplate.Identifiers {
        for _ in 0..<8 {
            let ids = XAdESSignatureTemplate.Identifiers.random()
            if ids.all.allSatisfy({ document.element(withID: $0) == nil }) { return ids }
        }
        throw SigningError.crypto("impossibile generare identificatori univoci per la firma")
    }

    /// The file name as a relative URI reference (percent-encoded outside RFC 3986's safe characters).
    static func uri(_ fileName: String) -> String {
        let safe = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$'()*+,;=:@/")
        return fileName.addingPercentEncoding(withAllowedCharacters: safe) ?? fileName
    }

    /// The MIME type for DataObjectFormat, from the file extension.
    static func mimeType(_ fileName: String) -> String {
        switch (fileName as NSString).pathExtension.lowercased() {
        case "pdf": "application/pdf"
        case "xml": "text/xml"
        case "txt": "text/plain"
        case "p7m", "p7s": "application/pkcs7-mime"
        case "json": "application/json"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "tif", "tiff": "image/tiff"
        default: "application/octet-stream"
        }
    }
}
