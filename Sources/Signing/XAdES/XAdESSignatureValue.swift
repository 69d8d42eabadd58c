import COpenSSL

/// The ds:SignatureValue over the canonical ds:SignedInfo: checked against the signer's
/// certificate (RSA PKCS#1 v1.5 or ECDSA r‖s, the hash named by the SignatureMethod URI).
enum XAdESSignatureValue {
    /// Key family and hash named by a SignatureMethod URI ending in `#rsa-shaN` / `#ecdsa-shaN`.
    static func method(_ uri: String) -> (ecdsa: Bool, digest: DigestAlgorithm)? {
        guard let marker = uri.lastIndex(of: "#") else { return nil }
        let parts = uri[uri.index(after: marker)...].split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == "rsa" || parts[0] == "ecdsa", parts[1].hasPrefix("sha"),
              parts[1].count > 3, parts[1].dropFirst(3).allSatisfy({ $0.isASCII && $0.isNumber }),
              let digest = DigestAlgorithm(rawValue: String(parts[1])) else { return nil }
        return (parts[0] == "ecdsa", digest)
    }

    /// Whether the signature verifies with `signer`: false for an unknown CanonicalizationMethod
    /// or SignatureMethod, undecodable base64 or a key of the other family.
    static func verify(signature: LibXMLElement, signedInfo: LibXMLElement, signatureMethod: String,
                       signer: Certificate, document: LibXMLDocument) throws(XAdESFailure) -> Bool {
        guard let data = try canonicalSignedInfo(signedInfo, document: document) else { return false }
        guard let valueElement = signature.child(XMLDSig.namespace, "SignatureValue") else {
            throw .internalError("ds:SignatureValue assente")
        }
        guard let value = XMLBase64.strict(valueElement.text ?? ""), let named = Self.method(signatureMethod) else { return false }
        switch (named.ecdsa, signer.keyFamily) {
        case (false, "rsa"): return signer.verify(signature: value, data: data, digest: named.digest)
        case (true, "ec"): return signer.verify(signature: value, data: data, digest: named.digest, ecdsaRaw: true)
        default: return false
        }
    }

    /// SignedInfo canonicalised with its CanonicalizationMethod (and InclusiveNamespaces);
    /// nil when the method is unknown.
    static func canonicalSignedInfo(_ signedInfo: LibXMLElement, document: LibXMLDocument) throws(XAdESFailure) -> [UInt8]? {
        guard let method = signedInfo.child(XMLDSig.namespace, "CanonicalizationMethod") else {
            throw .internalError("ds:CanonicalizationMethod assente in ds:SignedInfo")
        }
        guard let c14n = XMLDSig.canonicalizations[method.attribute("Algorithm") ?? ""] else { return nil }
        guard let data = document.canonicalize(subtree: signedInfo, excluding: nil, exclusive: c14n.exclusive,
                                               withComments: c14n.withComments,
                                               inclusivePrefixes: XMLDSig.inclusivePrefixes(of: method)) else {
            throw .internalError("canonicalizzazione XML (C14N) di ds:SignedInfo non riuscita")
        }
        return data
    }

    /// Signs the canonical SignedInfo with `key`; ECDSA values are converted to r‖s.
    static func sign(_ canonicalSignedInfo: [UInt8], key: SigningKey) throws(SigningError) -> [UInt8] {
        let signature = try key.sign(canonicalSignedInfo, digest: .sha256)
        if key.isRSA { return signature }
        guard let raw = ECDSASignature.raw(fromDER: signature, componentLength: key.certificate.ecdsaComponentLength) else {
            throw SigningError.crypto("firma ECDSA in formato inatteso")
        }
        return raw
    }
}

extension Certificate {
    /// Length in bytes of each of r and s for the certificate's EC key (32 for P-256).
    var ecdsaComponentLength: Int {
        guard let key = X509_get0_pubkey(x509) else { return 32 }
        return (Int(EVP_PKEY_get_bits(key)) + 7) / 8
    }
}
