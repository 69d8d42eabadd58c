import Foundation

/// The ds:Signature a XAdES-B-B signature starts from, as XML text with empty DigestValue and
/// SignatureValue (filled in once the element sits where it will be verified).
///
/// Layout: SignedInfo (exclusive C14N, RSA/ECDSA-SHA256) with the data Reference and the
/// SignedProperties Reference, each with an explicit exclusive C14N Transform (except a
/// detached file, digested as raw bytes); SignatureValue; KeyInfo with the signer's
/// certificate and its chain; Object/QualifyingProperties (XAdES 1.3.2) with SigningTime,
/// SigningCertificateV2 (SHA-256 CertDigest + IssuerSerialV2) and DataObjectFormat.
struct XAdESSignatureTemplate {
    /// What the data Reference points at.
    enum DataReference {
        /// The document that contains the signature (URI="", enveloped-signature + exc-c14n).
        case enveloped
        /// An external file: its URI and SHA-256 digest.
        case detached(uri: String, digest: [UInt8])
    }

    /// Ids of the elements other parts refer to, from one random token.
    struct Identifiers {
        let signature: String
        let signedProperties: String
        let dataReference: String
        let signatureValue: String

        init(token: String) {
            signature = "Signature-\(token)"
            signedProperties = "SignedProperties-\(token)"
            dataReference = "Reference-\(token)"
            signatureValue = "SignatureValue-\(token)"
        }

        /// Fresh identifiers: 64 random bits in hexadecimal.
        static func random() -> Identifiers {
            Identifiers(token: String(UInt64.random(in: .min ... .max), radix: 16))
        }

        var all: [String] { [signature, signedProperties, dataReference, signatureValue] }
    }

    let ids: Identifiers
    let key: SigningKey
    let signingTime: Date
    let data: DataReference
    let mimeType: String

    private static let sha256 = DigestAlgorithm.sha256.xmlURI

    /// The template as a standalone XML document (UTF-8).
    var xml: [UInt8] {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<ds:Signature xmlns:ds=\"\(XMLDSig.namespace)\" xmlns:xades=\"\(XMLDSig.xadesNamespace)\" Id=\"\(ids.signature)\">"
        out += "<ds:SignedInfo>"
        out += "<ds:CanonicalizationMethod Algorithm=\"\(XMLDSig.exclusiveC14N)\"/>"
        out += "<ds:SignatureMethod Algorithm=\"\(key.xmlSignatureMethod)\"/>"
        out += dataReference
        out += "<ds:Reference Type=\"\(XMLDSig.signedPropertiesType)\" URI=\"#\(ids.signedProperties)\">"
        out += "<ds:Transforms><ds:Transform Algorithm=\"\(XMLDSig.exclusiveC14N)\"/></ds:Transforms>"
        out += "<ds:DigestMethod Algorithm=\"\(Self.sha256)\"/><ds:DigestValue></ds:DigestValue></ds:Reference>"
        out += "</ds:SignedInfo>"
        out += "<ds:SignatureValue Id=\"\(ids.signatureValue)\"></ds:SignatureValue>"
        out += "<ds:KeyInfo><ds:X509Data>"
        for certificate in [key.certificate] + key.chain {
            out += "<ds:X509Certificate>\(XMLBase64.encode(certificate.der))</ds:X509Certificate>"
        }
        out += "</ds:X509Data></ds:KeyInfo>"
        out += "<ds:Object><xades:QualifyingProperties Target=\"#\(ids.signature)\">"
        out += "<xades:SignedProperties Id=\"\(ids.signedProperties)\"><xades:SignedSignatureProperties>"
        out += "<xades:SigningTime>\(XAdESTime.format(signingTime))</xades:SigningTime>"
        out += "<xades:SigningCertificateV2><xades:Cert><xades:CertDigest>"
        out += "<ds:DigestMethod Algorithm=\"\(Self.sha256)\"/>"
        out += "<ds:DigestValue>\(XMLBase64.encode(DigestAlgorithm.sha256.hash(key.certificate.der)))</ds:DigestValue>"
        out += "</xades:CertDigest><xades:IssuerSerialV2>\(XMLBase64.encode(Self.issuerSerialV2(key.certificate)))</xades:IssuerSerialV2>"
        out += "</xades:Cert></xades:SigningCertificateV2></xades:SignedSignatureProperties>"
        out += "<xades:SignedDataObjectProperties><xades:DataObjectFormat ObjectReference=\"#\(ids.dataReference)\">"
        out += "<xades:MimeType>\(Self.escape(mimeType))</xades:MimeType></xades:DataObjectFormat></xades:SignedDataObjectProperties>"
        out += "</xades:SignedProperties></xades:QualifyingProperties></ds:Object>"
        out += "</ds:Signature>"
        return Array(out.utf8)
    }

    private var dataReference: String {
        switch data {
        case .enveloped:
            return "<ds:Reference Id=\"\(ids.dataReference)\" URI=\"\">"
                + "<ds:Transforms><ds:Transform Algorithm=\"\(XMLDSig.envelopedSignature)\"/>"
                + "<ds:Transform Algorithm=\"\(XMLDSig.exclusiveC14N)\"/></ds:Transforms>"
                + "<ds:DigestMethod Algorithm=\"\(Self.sha256)\"/><ds:DigestValue></ds:DigestValue></ds:Reference>"
        case .detached(let uri, let digest):
            return "<ds:Reference Id=\"\(ids.dataReference)\" URI=\"\(Self.escape(uri))\">"
                + "<ds:DigestMethod Algorithm=\"\(Self.sha256)\"/><ds:DigestValue>\(XMLBase64.encode(digest))</ds:DigestValue></ds:Reference>"
        }
    }

    /// IssuerSerialV2: base64 of DER SEQUENCE { GeneralNames { [4] directoryName issuer }, serialNumber }.
    static func issuerSerialV2(_ certificate: Certificate) -> [UInt8] {
        DERWriter.sequence([
            DERWriter.sequence([DERWriter.contextConstructed(4, certificate.issuerNameDER)]),
            DERWriter.unsignedInteger(certificate.serialNumber),
        ])
    }

    /// Escapes text for an attribute value or element content.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }
}
