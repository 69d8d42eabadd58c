import COpenSSL
import Foundation

/// A certificate revocation list (CRL), PEM or DER, used as given: never fetched from the network.
public final class RevocationList: @unchecked Sendable {
    let crl: OpaquePointer

    init(der: [UInt8]) throws(SigningError) {
        var pointer: UnsafePointer<UInt8>? = nil
        let parsed: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            pointer = buffer.baseAddress
            return d2i_X509_CRL(nil, &pointer, buffer.count)
        }
        guard let parsed else {
            OpenSSLErrors.clear()
            throw SigningError.input("CRL non decodificabile.")
        }
        crl = parsed
    }

    deinit { X509_CRL_free(crl) }

    /// Every CRL in a PEM bundle, or one DER CRL.
    public static func load(_ data: [UInt8]) throws(SigningError) -> [RevocationList] {
        if let blocks = PEM.blocks(in: data, label: "X509 CRL"), !blocks.isEmpty {
            var result: [RevocationList] = []
            for block in blocks { result.append(try RevocationList(der: block)) }
            return result
        }
        return [try RevocationList(der: data)]
    }

    /// Whether the CRL was issued by `certificate`'s issuer and signed by `issuer`.
    func covers(_ certificate: Certificate, signedBy issuer: Certificate) -> Bool {
        guard X509_NAME_cmp(X509_CRL_get_issuer(crl), X509_get_issuer_name(certificate.x509)) == 0,
              let key = X509_get0_pubkey(issuer.x509) else { return false }
        defer { OpenSSLErrors.clear() }
        return X509_CRL_verify(crl, key) == 1
    }

    /// The revocation date of `certificate` when this CRL lists it.
    func revocationDate(of certificate: Certificate) -> Date? {
        var entry: OpaquePointer? = nil
        guard X509_CRL_get0_by_serial(crl, &entry, X509_get0_serialNumber(certificate.x509)) == 1, let entry else { return nil }
        return Certificate.date(X509_REVOKED_get0_revocationDate(entry)) ?? .distantPast
    }
}
