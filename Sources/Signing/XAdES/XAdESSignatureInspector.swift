/// Checks one top-level ds:Signature the way the reference checker does (`check_xades`):
/// embedded certificates, signer selection, SignedProperties binding, algorithms, every
/// Reference digest, the SignatureValue, SigningCertificateV2 and SigningTime. The certificate
/// checks (chain, validity, revocation, key usage) come later from `PendingSignature.finish`.
struct XAdESSignatureInspector {
    let document: LibXMLDocument
    let signature: LibXMLElement
    /// The detached content for external references.
    let external: [UInt8]?

    private static let ds = XMLDSig.namespace

    func inspect() throws(XAdESFailure) -> PendingSignature {
        var errors = Set<VerificationCode>()
        let certificates = try embeddedCertificates()
        let signedProperties = xades("SignedProperties")
        let signingCertificate = xades("SigningCertificateV2")
        let signer = try selectSigner(among: certificates, signingCertificate: signingCertificate)
        guard let signedInfo = signature.child(Self.ds, "SignedInfo") else {
            throw .internalError("ds:SignedInfo assente nella firma")
        }
        if !isBound(signedProperties, signedInfo: signedInfo) { errors.insert(.signedPropertiesMissing) }
        guard let methodElement = signedInfo.child(Self.ds, "SignatureMethod") else {
            throw .internalError("ds:SignatureMethod assente in ds:SignedInfo")
        }
        let signatureMethod = methodElement.attribute("Algorithm") ?? ""
        if ["sha1", "md5", "sha224"].contains(where: { signatureMethod.hasSuffix($0) }) { errors.insert(.weakDigestAlgorithm) }
        for reference in signedInfo.children(Self.ds, "Reference") {
            errors.formUnion(try check(reference))
        }
        if let signer {
            if !(try XAdESSignatureValue.verify(signature: signature, signedInfo: signedInfo, signatureMethod: signatureMethod,
                                                signer: signer, document: document)) {
                errors.insert(.signatureInvalid)
            }
        } else {
            errors.insert(.signerCertNotFound)
        }
        if let signingCertificate {
            if let signer { errors.formUnion(try check(signingCertificate, against: signer)) }
        } else {
            errors.insert(.signingCertV2Missing)
        }
        var pending = PendingSignature()
        pending.setSigner(signer)
        pending.embedded = certificates
        pending.errors = errors
        pending.report.role = .signer
        pending.report.level = 0
        pending.report.signatureAlgorithm = signatureMethod
        pending.report.signingTime = xades("SigningTime")?.text.flatMap { $0.isEmpty ? nil : XAdESTime.parse($0) }
        return pending
    }

    // MARK: - Certificates

    /// Every ds:X509Certificate inside the signature; one that does not decode makes the document malformed.
    private func embeddedCertificates() throws(XAdESFailure) -> [Certificate] {
        var result: [Certificate] = []
        for element in signature.descendants(Self.ds, "X509Certificate") {
            guard let der = XMLBase64.strict(element.text ?? ""), (try? DERNode.parse(der[...])) != nil,
                  let certificate = try? Certificate.shared(der: der) else {
                throw XAdESFailure(code: .xmlMalformed, detail: "un certificato X509Certificate in KeyInfo non è decodificabile")
            }
            result.append(certificate)
        }
        return result
    }

    /// The certificate SigningCertificateV2 designates, else the first non-CA, else the first.
    private func selectSigner(among certificates: [Certificate], signingCertificate: LibXMLElement?) throws(XAdESFailure) -> Certificate? {
        var signer: Certificate?
        if let signingCertificate {
            for digest in try certDigests(in: signingCertificate) {
                for certificate in certificates where signer == nil {
                    if let algorithm = digest.algorithm, algorithm.hash(certificate.der) == digest.value { signer = certificate }
                }
            }
        }
        return signer ?? certificates.first { !($0.extensionsDecode && $0.isCA) } ?? certificates.first
    }

    /// Error codes of SigningCertificateV2 against the signer: no CertDigest of it → mismatch; weak hash → weak.
    private func check(_ signingCertificate: LibXMLElement, against signer: Certificate) throws(XAdESFailure) -> Set<VerificationCode> {
        var codes = Set<VerificationCode>()
        var matched = false
        for digest in try certDigests(in: signingCertificate) {
            guard let algorithm = digest.algorithm, algorithm.hash(signer.der) == digest.value else { continue }
            matched = true
            if algorithm.isWeak { codes.insert(.weakDigestAlgorithm) }
        }
        if !matched { codes.insert(.signingCertV2Mismatch) }
        return codes
    }

    /// Every `CertDigest` (any namespace) under SigningCertificateV2: its digest algorithm and value.
    private func certDigests(in signingCertificate: LibXMLElement) throws(XAdESFailure) -> [(algorithm: DigestAlgorithm?, value: [UInt8])] {
        var elements: [LibXMLElement] = []
        signingCertificate.visit { (element: LibXMLElement) -> Bool in
            if element.localName == "CertDigest" { elements.append(element) }
            return true
        }
        var result: [(algorithm: DigestAlgorithm?, value: [UInt8])] = []
        for element in elements {
            guard let method = element.child(Self.ds, "DigestMethod"), let valueElement = element.child(Self.ds, "DigestValue") else {
                throw .internalError("xades:CertDigest senza ds:DigestMethod o ds:DigestValue")
            }
            guard let value = XMLBase64.lenient(valueElement.text ?? "") else {
                throw .internalError("ds:DigestValue di xades:CertDigest non decodificabile")
            }
            result.append((XMLDSig.digest(method.attribute("Algorithm")), value))
        }
        return result
    }

    // MARK: - SignedProperties and references

    /// Whether SignedProperties is referenced with the SignedProperties Type and its
    /// QualifyingProperties Target names this signature's Id.
    private func isBound(_ signedProperties: LibXMLElement?, signedInfo: LibXMLElement) -> Bool {
        guard let signedProperties, let identifier = signedProperties.identifier else { return false }
        let referenced = signedInfo.children(Self.ds, "Reference").contains {
            $0.attribute("Type") == XMLDSig.signedPropertiesType && $0.attribute("URI") == "#" + identifier
        }
        guard referenced, let qualifying = xades("QualifyingProperties"),
              let signatureID = signature.attribute("Id"), !signatureID.isEmpty else { return false }
        return qualifying.attribute("Target") == "#" + signatureID
    }

    /// Error codes of one Reference: weak or unknown digest algorithm, digest mismatch.
    private func check(_ reference: LibXMLElement) throws(XAdESFailure) -> Set<VerificationCode> {
        var codes = Set<VerificationCode>()
        guard let method = reference.child(Self.ds, "DigestMethod") else {
            throw .internalError("ds:Reference senza ds:DigestMethod")
        }
        let algorithm = XMLDSig.digest(method.attribute("Algorithm"))
        if algorithm?.isWeak ?? true { codes.insert(.weakDigestAlgorithm) }
        let octets = try XAdESReferenceOctets.octets(of: reference, signature: signature, document: document, external: external)
        var matches = false
        if let octets, let algorithm {
            guard let valueElement = reference.child(Self.ds, "DigestValue") else {
                throw .internalError("ds:Reference senza ds:DigestValue")
            }
            if let expected = XMLBase64.strict(valueElement.text ?? "") { matches = algorithm.hash(octets) == expected }
        }
        if !matches {
            codes.insert(reference.attribute("Type") == XMLDSig.signedPropertiesType ? .signedPropertiesDigestMismatch : .digestMismatch)
        }
        return codes
    }

    /// The first element `localName` in XAdES 1.3.2 inside the signature, else in 1.4.1.
    private func xades(_ localName: String) -> LibXMLElement? {
        for namespace in XMLDSig.xadesNamespaces {
            if let found = signature.firstDescendant(namespace, localName) { return found }
        }
        return nil
    }
}
