import Foundation

/// Builds a CAdES baseline-B SignerInfo: SHA-256, signed attributes content-type (not for
/// counter-signatures, RFC 5652 §11.1), signing-time, message-digest and ESS signing-certificate-v2.
enum SignerInfoBuilder {
    static let sha256Algorithm = DERWriter.algorithm(DigestAlgorithm.sha256.oid, nullParameters: false)

    /// The DER SignerInfo signing `digest` (the hash of the content, or of the parent signature value).
    static func build(digest: [UInt8], contentType: String?, key: SigningKey, signingTime: Date) throws(SigningError) -> [UInt8] {
        var attributes: [[UInt8]] = []
        if let contentType {
            attributes.append(attribute(OID.contentType, DERWriter.oid(contentType)))
        }
        attributes.append(attribute(OID.signingTime, DERWriter.time(signingTime)))
        attributes.append(attribute(OID.messageDigest, DERWriter.octetString(digest)))
        attributes.append(attribute(OID.signingCertificateV2, signingCertificateV2(key.certificate)))
        var signedSet = DERWriter.setOf(attributes)
        let signature = try key.sign(signedSet, digest: .sha256)
        signedSet[0] = 0xA0
        return DERWriter.sequence([
            DERWriter.integer(1),
            issuerAndSerial(key.certificate),
            sha256Algorithm,
            signedSet,
            key.cmsSignatureAlgorithm,
            DERWriter.octetString(signature),
        ])
    }

    /// An Attribute: SEQUENCE { type, SET { value } }.
    static func attribute(_ oid: String, _ value: [UInt8]) -> [UInt8] {
        DERWriter.sequence([DERWriter.oid(oid), DERWriter.setOf([value])])
    }

    static func issuerAndSerial(_ certificate: Certificate) -> [UInt8] {
        DERWriter.sequence([certificate.issuerNameDER, DERWriter.unsignedInteger(certificate.serialNumber)])
    }

    /// SigningCertificateV2 { certs SEQUENCE { ESSCertIDv2 { certHash (SHA-256, the default algorithm,
    /// therefore omitted), issuerSerial { GeneralNames { directoryName }, serialNumber } } } }.
    static func signingCertificateV2(_ certificate: Certificate) -> [UInt8] {
        let generalNames = DERWriter.sequence([DERWriter.contextConstructed(4, certificate.issuerNameDER)])
        let issuerSerial = DERWriter.sequence([generalNames, DERWriter.unsignedInteger(certificate.serialNumber)])
        let certID = DERWriter.sequence([DERWriter.octetString(DigestAlgorithm.sha256.hash(certificate.der)), issuerSerial])
        return DERWriter.sequence([DERWriter.sequence([certID])])
    }

    /// Length of the identifier and length octets of a DER element.
    static func headerLength(of element: [UInt8]) -> Int {
        guard element.count > 1 else { return element.count }
        return element[1] < 0x80 ? 2 : 2 + Int(element[1] & 0x7F)
    }

    /// Re-encodes `signerInfo` with `attribute` appended to its unsigned attributes.
    static func addingUnsignedAttribute(_ attribute: [UInt8], to signerInfo: CMSSignerInfo) throws(DERError) -> [UInt8] {
        let node = try DERNode.parse(signerInfo.raw)
        var fields = try node.children().map { Array($0.raw) }
        var unsigned = signerInfo.unsignedAttributes.map { Array($0.raw) }
        if let last = fields.last, last.first == 0xA1 { fields.removeLast() }
        unsigned.append(attribute)
        let set = DERWriter.setOf(unsigned)
        fields.append(DERWriter.element(0xA1, Array(set.dropFirst(headerLength(of: set)))))
        return DERWriter.sequence(fields)
    }
}
