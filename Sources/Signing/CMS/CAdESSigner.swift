import Foundation

/// CAdES baseline-B signatures (ETSI EN 319 122-1) in CMS SignedData: enveloping `.p7m`,
/// detached `.p7s`, a parallel signature added to an existing envelope, and counter-signatures.
public enum CAdESSigner {
    /// Signs `content`: enveloping when `detached` is false (`.p7m`), detached otherwise (`.p7s`).
    public static func sign(content: [UInt8], detached: Bool, key: SigningKey, signingTime: Date) throws(SigningError) -> [UInt8] {
        let signerInfo = try SignerInfoBuilder.build(digest: DigestAlgorithm.sha256.hash(content), contentType: OID.data,
                                                     key: key, signingTime: signingTime)
        var encapsulated = [DERWriter.oid(OID.data)]
        if !detached { encapsulated.append(DERWriter.contextConstructed(0, DERWriter.octetString(content))) }
        return assemble(version: DERWriter.integer(1), digestAlgorithms: [SignerInfoBuilder.sha256Algorithm],
                        encapsulated: DERWriter.sequence(encapsulated),
                        certificates: ([key.certificate] + key.chain).map(\.der), crls: nil, signerInfos: [signerInfo])
    }

    /// Adds a parallel signature (another signer over the same content) to an existing SignedData.
    /// A detached signature needs its content.
    public static func addSignature(to existing: [UInt8], detachedContent: [UInt8]?, key: SigningKey,
                                    signingTime: Date) throws(SigningError) -> [UInt8] {
        let signed = try parse(existing)
        guard let content = signed.content ?? detachedContent else {
            throw SigningError.input("La firma esistente è staccata (detached): indicare anche il documento firmato.")
        }
        if let contentDigest = existingDigest(signed), contentDigest != DigestAlgorithm.sha256.hash(content) {
            throw SigningError.input("Il documento non corrisponde alla firma esistente (impronta diversa): non si aggiunge una firma a un documento alterato.")
        }
        let signerInfo = try SignerInfoBuilder.build(digest: DigestAlgorithm.sha256.hash(content), contentType: signed.contentType,
                                                     key: key, signingTime: signingTime)
        return assemble(version: Array(signed.version),
                        digestAlgorithms: signed.digestAlgorithms.map { Array($0.raw) } + [SignerInfoBuilder.sha256Algorithm],
                        encapsulated: Array(signed.encapsulatedContentInfo),
                        certificates: signed.certificates.map(Array.init) + ([key.certificate] + key.chain).map(\.der),
                        crls: signed.crls.map(Array.init), signerInfos: signed.signerInfos.map { Array($0.raw) } + [signerInfo])
    }

    /// Counter-signs every top-level signature of an existing SignedData (RFC 5652 §11.4): the
    /// counter-signature covers the parent's signature value and sits in its unsigned attributes.
    public static func countersign(_ existing: [UInt8], key: SigningKey, signingTime: Date) throws(SigningError) -> [UInt8] {
        let signed = try parse(existing)
        guard !signed.signerInfos.isEmpty else { throw SigningError.input("Il file non contiene firme da controfirmare.") }
        var signerInfos: [[UInt8]] = []
        for parent in signed.signerInfos {
            let counter = try SignerInfoBuilder.build(digest: DigestAlgorithm.sha256.hash(parent.signature), contentType: nil,
                                                      key: key, signingTime: signingTime)
            do {
                signerInfos.append(try SignerInfoBuilder.addingUnsignedAttribute(
                    SignerInfoBuilder.attribute(OID.counterSignature, counter), to: parent))
            } catch {
                throw SigningError.input("Firma esistente non leggibile (\(error)).")
            }
        }
        return assemble(version: Array(signed.version),
                        digestAlgorithms: signed.digestAlgorithms.map { Array($0.raw) } + [SignerInfoBuilder.sha256Algorithm],
                        encapsulated: Array(signed.encapsulatedContentInfo),
                        certificates: signed.certificates.map(Array.init) + ([key.certificate] + key.chain).map(\.der),
                        crls: signed.crls.map(Array.init), signerInfos: signerInfos)
    }

    /// Adds a signature time-stamp token (CAdES-T) to each top-level SignerInfo signed by `certificate`
    /// that has none; `stamp` returns the token for the SHA-256 digest of a signature value.
    public static func addTimestamps(to existing: [UInt8], signedBy certificate: Certificate,
                                     stamp: ([UInt8]) async throws(SigningError) -> [UInt8]) async throws(SigningError) -> [UInt8] {
        let signed = try parse(existing)
        var signerInfos: [[UInt8]] = []
        for info in signed.signerInfos {
            guard case .issuerSerial(let issuer, let serial) = info.identifier, certificate.matches(issuerDER: issuer, serial: serial),
                  info.unsigned(OID.signatureTimeStampToken).isEmpty else {
                signerInfos.append(Array(info.raw))
                continue
            }
            let token = try await stamp(DigestAlgorithm.sha256.hash(info.signature))
            do {
                signerInfos.append(try SignerInfoBuilder.addingUnsignedAttribute(
                    DERWriter.sequence([DERWriter.oid(OID.signatureTimeStampToken), DERWriter.setOf([token])]), to: info))
            } catch {
                throw SigningError.timestamp("risposta non valida (\(error))")
            }
        }
        return assemble(version: Array(signed.version), digestAlgorithms: signed.digestAlgorithms.map { Array($0.raw) },
                        encapsulated: Array(signed.encapsulatedContentInfo), certificates: signed.certificates.map(Array.init),
                        crls: signed.crls.map(Array.init), signerInfos: signerInfos)
    }

    static func parse(_ bytes: [UInt8]) throws(SigningError) -> CMSSignedData {
        let der = ContainerDecoder.unwrap(bytes) ?? bytes
        do {
            return try CMSSignedData(der)
        } catch {
            throw SigningError.input("Il file esistente non è una busta CAdES (.p7m/.p7s) leggibile.")
        }
    }

    /// The SHA-256 messageDigest of an existing top-level signature, to check the content matches.
    private static func existingDigest(_ signed: CMSSignedData) -> [UInt8]? {
        for info in signed.signerInfos where DigestAlgorithm(oid: info.digestAlgorithmOID) == .sha256 {
            if let value = info.signed(OID.messageDigest).first, let octets = try? value.octets() { return octets }
        }
        return nil
    }

    static func assemble(version: [UInt8], digestAlgorithms: [[UInt8]], encapsulated: [UInt8], certificates: [[UInt8]],
                         crls: [UInt8]?, signerInfos: [[UInt8]]) -> [UInt8] {
        var algorithms: [[UInt8]] = []
        for algorithm in digestAlgorithms where !algorithms.contains(algorithm) { algorithms.append(algorithm) }
        var certs: [[UInt8]] = []
        for certificate in certificates where !certs.contains(certificate) { certs.append(certificate) }
        var fields = [version, DERWriter.setOf(algorithms), encapsulated]
        if !certs.isEmpty {
            let set = DERWriter.setOf(certs)
            fields.append(DERWriter.element(0xA0, Array(set.dropFirst(SignerInfoBuilder.headerLength(of: set)))))
        }
        if let crls { fields.append(crls) }
        fields.append(DERWriter.setOf(signerInfos))
        return DERWriter.sequence([DERWriter.oid(OID.signedData), DERWriter.contextConstructed(0, DERWriter.sequence(fields))])
    }
}
