/// The octets an XML-DSig Reference digests, computed as the reference checker does:
/// an external URI takes the detached content as is (no transforms allowed); `URI=""` (or no
/// URI) is the whole document without comments; `#id` is the element whose `Id`/`ID`/`id`
/// attribute has that value; transforms are enveloped-signature and the C14N variants (the
/// last C14N wins, a later enveloped transform does not change an earlier C14N); without a
/// C14N transform the result is inclusive C14N 1.0 without comments.
enum XAdESReferenceOctets {
    /// The octets, or nil when they cannot be computed (target not found, unsupported
    /// transform): the reference then does not match.
    static func octets(of reference: LibXMLElement, signature: LibXMLElement, document: LibXMLDocument,
                       external: [UInt8]?) throws(XAdESFailure) -> [UInt8]? {
        let uri = reference.attribute("URI")
        let transforms = reference.children(XMLDSig.namespace, "Transforms").flatMap { $0.children(XMLDSig.namespace, "Transform") }
        if let uri, !uri.isEmpty, !uri.hasPrefix("#") {
            guard let external else {
                throw XAdESFailure(code: .contentMissing,
                                   detail: "la firma è staccata (riferimento esterno «\(uri)»): indicare il documento firmato con --content")
            }
            return transforms.isEmpty ? external : nil
        }
        var target: LibXMLElement?
        let sameDocument = !(uri ?? "").isEmpty
        if let uri, sameDocument {
            guard let found = document.element(withID: String(uri.dropFirst())) else { return nil }
            target = found
        }
        var removed = false
        var octets: [UInt8]?
        for transform in transforms {
            let algorithm = transform.attribute("Algorithm") ?? ""
            if algorithm == XMLDSig.envelopedSignature {
                if signature.parent != nil { removed = true }
            } else if let c14n = XMLDSig.canonicalizations[algorithm] {
                octets = try canonicalize(document, target, excluding: removed ? signature : nil, exclusive: c14n.exclusive,
                                          withComments: c14n.withComments && sameDocument,
                                          prefixes: XMLDSig.inclusivePrefixes(of: transform))
            } else {
                return nil
            }
        }
        if let octets { return octets }
        return try canonicalize(document, target, excluding: removed ? signature : nil, exclusive: false,
                                withComments: false, prefixes: nil)
    }

    private static func canonicalize(_ document: LibXMLDocument, _ target: LibXMLElement?, excluding: LibXMLElement?,
                                     exclusive: Bool, withComments: Bool, prefixes: String?) throws(XAdESFailure) -> [UInt8] {
        guard let octets = document.canonicalize(subtree: target, excluding: excluding, exclusive: exclusive,
                                                 withComments: withComments, inclusivePrefixes: prefixes) else {
            throw .internalError("canonicalizzazione XML (C14N) non riuscita per un riferimento della firma")
        }
        return octets
    }
}
