import Foundation

/// Verifies XAdES (XML-DSig with ETSI qualifying properties) signatures with the semantics and
/// codes of the reference checker: every top-level ds:Signature (not nested in another) is
/// checked for integrity (references, SignedProperties, SignatureValue) and then for the
/// signer's certificate through ``TrustStore``.
///
/// Hostile input is refused before it can cost anything: a DOCTYPE (DTD, entity declarations)
/// makes the document `XML_MALFORMED` without being read, nothing is fetched from the network.
enum XAdESVerifier {
    /// Verifies `xml`, the signed XML file; `detachedContent` is the file external references
    /// point to (`--content`). `at` is the validation time (else `now`).
    static func verify(xml: [UInt8], detachedContent: [UInt8]?, trust: TrustStore, at: Date?, now: Date) -> VerificationReport {
        let document: LibXMLDocument
        do {
            document = try LibXMLDocument(parsing: xml)
        } catch {
            return .fatal(.xmlMalformed, detail: error.italianDetail)
        }
        let signatures = topLevelSignatures(in: document)
        guard !signatures.isEmpty else {
            return .fatal(.formatUnknown, detail: "documento XML senza firma ds:Signature")
        }
        var pending: [PendingSignature] = []
        do {
            for signature in signatures {
                pending.append(try XAdESSignatureInspector(document: document, signature: signature, external: detachedContent).inspect())
            }
        } catch {
            return .fatal(error.code, format: "xades", detail: error.detail)
        }
        var report = VerificationReport()
        report.format = "xades"
        let content = detachedContent ?? xml
        report.content = content
        report.contentSHA256 = hexString(DigestAlgorithm.sha256.hash(content))
        PendingSignature.finish(pending, trust: trust, at: at, now: now, into: &report)
        return report
    }

    /// The ds:Signature elements that are not inside another ds:Signature, in document order.
    static func topLevelSignatures(in document: LibXMLDocument) -> [LibXMLElement] {
        var result: [LibXMLElement] = []
        document.root.visit { (element: LibXMLElement) -> LibXMLElement.Visit in
            guard element.isNamed(XMLDSig.namespace, "Signature") else { return .descend }
            result.append(element)
            return .skipChildren
        }
        return result
    }
}
