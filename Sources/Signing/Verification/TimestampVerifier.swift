import COpenSSL
import Foundation

/// Verifies an RFC 3161 signature time-stamp token over a signature value, as `openssl ts -verify
/// -data` does (token signature, TSA certificate chain to the trust anchors, timeStamping usage,
/// imprint), plus a SHA-256-or-better imprint.
enum TimestampVerifier {
    /// The verdict and the token's genTime.
    static func verify(token: DERNode, signatureValue: [UInt8], trust: TrustStore) -> TimestampReport {
        guard let signed = try? CMSSignedData(Array(token.raw)), signed.contentType == OID.tstInfo,
              let tstBytes = signed.content, let info = try? DERNode.parse(tstBytes[...]), let fields = try? info.children(),
              fields.count >= 5, let imprintFields = try? fields[2].children(), imprintFields.count == 2,
              let algorithmOID = try? CMSSignerInfo.algorithmOID(imprintFields[0]),
              let hashed = try? imprintFields[1].octets() else {
            return TimestampReport(isValid: false, genTime: nil)
        }
        let genTime = ASN1Time.date(fields[4])
        guard let algorithm = DigestAlgorithm(oid: algorithmOID), !algorithm.isWeak,
              algorithm.hash(signatureValue) == hashed else {
            return TimestampReport(isValid: false, genTime: genTime)
        }
        return TimestampReport(isValid: openSSLVerify(Array(token.raw), signed: signed, data: signatureValue, trust: trust),
                               genTime: genTime)
    }

    private static func openSSLVerify(_ der: [UInt8], signed: CMSSignedData, data: [UInt8], trust: TrustStore) -> Bool {
        defer { OpenSSLErrors.clear() }
        var pointer: UnsafePointer<UInt8>? = nil
        let pkcs7: UnsafeMutablePointer<PKCS7>? = der.withUnsafeBufferPointer { buffer in
            pointer = buffer.baseAddress
            return d2i_PKCS7(nil, &pointer, buffer.count)
        }
        guard let pkcs7 else { return false }
        defer { PKCS7_free(pkcs7) }
        guard let context = TS_VERIFY_CTX_new() else { return false }
        defer { TS_VERIFY_CTX_free(context) }
        guard let bio = BIO_new(BIO_s_mem()) else { return false }
        _ = data.withUnsafeBytes { BIO_write(bio, $0.baseAddress, Int32($0.count)) }  // a copy: the BIO owns its bytes
        // The context owns the BIO, the store reference and the certificate stack from here on.
        _ = TS_VERIFY_CTX_set_data(context, bio)
        X509_STORE_up_ref(trust.store)
        _ = TS_VERIFY_CTX_set_store(context, trust.store)
        let certificates = copenssl_sk_x509_new()
        for raw in signed.certificates {
            if let certificate = try? Certificate.shared(der: Array(raw)), X509_up_ref(certificate.x509) == 1 {
                _ = copenssl_sk_x509_push(certificates, certificate.x509)
            }
        }
        _ = TS_VERIFY_CTX_set_certs(context, certificates)
        _ = TS_VERIFY_CTX_set_flags(context, Int32(TS_VFY_VERSION | TS_VFY_SIGNER | TS_VFY_DATA | TS_VFY_SIGNATURE))
        return TS_RESP_verify_token(context, pkcs7) == 1
    }
}
