import Foundation

/// Verifies CAdES (CMS SignedData): enveloping and detached, nested envelopes ("matrioska"),
/// parallel signatures, counter-signatures and signature time-stamps.
enum CAdESVerifier {
    static func verify(der: [UInt8], detachedContent: [UInt8]?, trust: TrustStore, at: Date?, now: Date) -> VerificationReport {
        var current: CMSSignedData
        do {
            current = try parse(der)
        } catch {
            return .fatal(.cmsMalformed, detail: "Busta CMS non decodificabile: \(error).")
        }
        var report = VerificationReport()
        report.format = "cades"
        var pending: [PendingSignature] = []
        var level = 0
        var content: [UInt8]
        while true {
            if let encapsulated = current.content {
                content = encapsulated
            } else if level == 0, let detachedContent {
                content = detachedContent
            } else {
                return .fatal(.contentMissing, format: "cades",
                              detail: "Firma staccata: indicare il documento firmato con --content.")
            }
            var certificates: [Certificate] = []
            for raw in current.certificates {
                guard let certificate = try? Certificate.shared(der: Array(raw)) else {
                    return .fatal(.cmsMalformed, format: "cades", detail: "Un certificato nella busta non è decodificabile.")
                }
                certificates.append(certificate)
            }
            for info in current.signerInfos {
                pending += evaluate(info, data: content, certificates: certificates, role: .signer, level: level,
                                    parentCN: nil, trust: trust)
            }
            guard let innerDER = ContainerDecoder.unwrap(content), let inner = try? parse(innerDER) else { break }
            current = inner
            level += 1
        }
        report.contentSHA256 = hexString(DigestAlgorithm.sha256.hash(content))
        report.content = content
        PendingSignature.finish(pending, trust: trust, at: at, now: now, into: &report)
        return report
    }

    /// Parses and applies the structural checks the reference checker treats as malformed input.
    static func parse(_ der: [UInt8]) throws -> CMSSignedData {
        let signed = try CMSSignedData(der)
        for algorithm in signed.digestAlgorithms {
            let oid = try CMSSignerInfo.algorithmOID(algorithm)
            guard DigestAlgorithm(oid: oid) != nil else { throw DERError.unexpected("algoritmo di hash sconosciuto \(oid)") }
        }
        for info in signed.signerInfos { _ = try info.counterSignatures() }
        return signed
    }

    /// One SignerInfo and, recursively, its counter-signatures.
    private static func evaluate(_ info: CMSSignerInfo, data: [UInt8], certificates: [Certificate], role: SignatureReport.Role,
                                 level: Int, parentCN: String?, trust: TrustStore) -> [PendingSignature] {
        var item = PendingSignature()
        item.embedded = certificates
        item.report.role = role
        item.report.level = level
        item.report.parentSignerCN = parentCN
        item.setSigner(signerCertificate(info, in: certificates))
        let digest = DigestAlgorithm(oid: info.digestAlgorithmOID)
        let algorithm = OID.signatureAlgorithm(info.signatureAlgorithmOID)
        let signatureHash = algorithm.map { $0.hash ?? digest } ?? nil
        item.report.digestAlgorithm = digest?.rawValue ?? info.digestAlgorithmOID
        item.report.signatureAlgorithm = OID.signatureAlgorithmName(info.signatureAlgorithmOID)
        if digest?.isWeak == true || signatureHash?.isWeak == true { item.errors.insert(.weakDigestAlgorithm) }
        let toBeSigned: [UInt8]
        if let signedAttributes = info.signedAttributesToBeSigned {
            let declared = info.signed(OID.messageDigest).first.flatMap { try? $0.octets() }
            if declared == nil || digest == nil || declared! != digest!.hash(data) { item.errors.insert(.digestMismatch) }
            toBeSigned = signedAttributes
            item.report.signingTime = info.signed(OID.signingTime).first.flatMap(ASN1Time.date)
        } else {
            toBeSigned = data
        }
        if let signer = item.signer {
            let familyMatches = algorithm?.family == signer.keyFamily
            if !familyMatches || signatureHash == nil
                || !signer.verify(signature: info.signature, data: toBeSigned, digest: signatureHash!) {
                item.errors.insert(.signatureInvalid)
            }
            if info.signedAttributesNode != nil {
                item.errors.formUnion(checkSigningCertificate(info, signer))
            }
        } else {
            item.errors.insert(.signerCertNotFound)
        }
        if info.signedAttributesNode == nil { item.errors.insert(.signingCertV2Missing) }
        if let token = info.unsigned(OID.signatureTimeStampToken).first {
            let stamp = TimestampVerifier.verify(token: token, signatureValue: info.signature, trust: trust)
            item.report.timestamp = stamp
            if !stamp.isValid { item.errors.insert(.timestampInvalid) }
        }
        var result = [item]
        for counter in (try? info.counterSignatures()) ?? [] {
            result += evaluate(counter, data: info.signature, certificates: certificates, role: .countersigner, level: level,
                               parentCN: item.report.signerCN, trust: trust)
        }
        return result
    }

    private static func signerCertificate(_ info: CMSSignerInfo, in certificates: [Certificate]) -> Certificate? {
        switch info.identifier {
        case .issuerSerial(let issuer, let serial):
            certificates.first { $0.matches(issuerDER: issuer, serial: serial) }
        case .keyIdentifier(let identifier):
            certificates.first { $0.subjectKeyIdentifier == identifier }
        }
    }

    /// ESS signing-certificate-v2 present and matching the signer certificate (hash and issuer/serial).
    static func checkSigningCertificate(_ info: CMSSignerInfo, _ signer: Certificate) -> Set<VerificationCode> {
        guard let value = info.signed(OID.signingCertificateV2).first else { return [.signingCertV2Missing] }
        do {
            guard let certs = try value.children().first, let first = try certs.children().first else {
                return [.signingCertV2Mismatch]
            }
            var fields = try first.children()
            var algorithm = DigestAlgorithm.sha256
            if fields.first?.tag == 0x30 {
                guard let declared = DigestAlgorithm(oid: try CMSSignerInfo.algorithmOID(fields[0])) else { return [.signingCertV2Mismatch] }
                algorithm = declared
                fields.removeFirst()
            }
            var codes = Set<VerificationCode>()
            if algorithm.isWeak { codes.insert(.weakDigestAlgorithm) }
            guard let hash = fields.first, hash.tag == 0x04 else { return codes.union([.signingCertV2Mismatch]) }
            if try hash.octets() != algorithm.hash(signer.der) { codes.insert(.signingCertV2Mismatch) }
            if fields.count > 1 {
                let issuerSerial = try fields[1].children()
                guard issuerSerial.count >= 2 else { return codes.union([.signingCertV2Mismatch]) }
                let names = try issuerSerial[0].children().filter { $0.tag == 0xA4 }.compactMap { try $0.children().first?.raw }
                if !names.contains(where: { signer.matches(issuerDER: $0, serial: issuerSerial[1].content) }) {
                    codes.insert(.signingCertV2Mismatch)
                }
            }
            return codes
        } catch {
            return [.signingCertV2Mismatch]
        }
    }
}
