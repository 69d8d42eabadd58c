/// Names of XML-DSig (W3C) and XAdES (ETSI EN 319 132-1): namespaces and algorithm identifiers,
/// with the tables the verifier accepts (the same as the reference checker's).
enum XMLDSig {
    /// `ds:` namespace.
    static let namespace = "http://www.w3.org/2000/09/xmldsig#"
    /// `xades:` namespace written by the signer (v1.3.2).
    static let xadesNamespace = "http://uri.etsi.org/01903/v1.3.2#"
    /// XAdES namespaces read by the verifier, in the order they are searched.
    static let xadesNamespaces = [xadesNamespace, "http://uri.etsi.org/01903/v1.4.1#"]
    /// Reference Type of the SignedProperties reference.
    static let signedPropertiesType = "http://uri.etsi.org/01903#SignedProperties"
    /// The enveloped-signature transform.
    static let envelopedSignature = "http://www.w3.org/2000/09/xmldsig#enveloped-signature"
    /// Exclusive C14N 1.0 without comments (what the signer writes).
    static let exclusiveC14N = "http://www.w3.org/2001/10/xml-exc-c14n#"

    /// A canonicalisation algorithm: exclusive or inclusive, with or without comments.
    struct Canonicalization: Equatable {
        let exclusive: Bool
        let withComments: Bool
    }

    /// The canonicalisation algorithms understood; C14N 1.1 is treated as 1.0 (as the checker does).
    static let canonicalizations: [String: Canonicalization] = [
        "http://www.w3.org/TR/2001/REC-xml-c14n-20010315": Canonicalization(exclusive: false, withComments: false),
        "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments": Canonicalization(exclusive: false, withComments: true),
        "http://www.w3.org/2001/10/xml-exc-c14n#": Canonicalization(exclusive: true, withComments: false),
        "http://www.w3.org/2001/10/xml-exc-c14n#WithComments": Canonicalization(exclusive: true, withComments: true),
        "http://www.w3.org/2006/12/xml-c14n11": Canonicalization(exclusive: false, withComments: false),
        "http://www.w3.org/2006/12/xml-c14n11#WithComments": Canonicalization(exclusive: false, withComments: true),
    ]

    /// The digest algorithm named by a DigestMethod URI; MD5 and unknown URIs are not digests here.
    static func digest(_ uri: String?) -> DigestAlgorithm? {
        guard let uri, let algorithm = DigestAlgorithm(xmlURI: uri), algorithm != .md5 else { return nil }
        return algorithm
    }

    /// The InclusiveNamespaces PrefixList of a Transform or CanonicalizationMethod (the last
    /// `InclusiveNamespaces` child in any namespace), nil when absent or empty.
    ///
    /// `#default` is dropped: the reference checker (lxml) only passes libxml2 the prefixes
    /// that occur as names in the document, so `#default` never reaches its C14N.
    static func inclusivePrefixes(of element: LibXMLElement) -> String? {
        var prefixes: String?
        for child in element.children where child.localName == "InclusiveNamespaces" {
            let list = (child.attribute("PrefixList") ?? "").split(whereSeparator: \.isWhitespace).filter { $0 != "#default" }
            prefixes = list.isEmpty ? nil : list.joined(separator: " ")
        }
        return prefixes
    }
}
