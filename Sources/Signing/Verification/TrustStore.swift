import COpenSSL
import Foundation

/// Trust anchors and CRLs against which certificates are judged, as `openssl verify` does
/// (path to an anchor at the validation time, CRL check of the signer's certificate), plus the
/// checks qualified signatures need (validity at the claimed signing time, nonRepudiation).
public final class TrustStore: @unchecked Sendable {
    let store: OpaquePointer
    /// The configured trust anchors.
    public let anchors: [Certificate]
    /// The configured CRLs.
    public let crls: [RevocationList]
    /// Whether a CRL's signature verifies with an issuer's key, memoised: a batch checks the same pairs.
    private let coverageMemo = Memo<Bool>()
    private let chainMemo = Memo<Set<VerificationCode>>()

    public init(anchors: [Certificate], crls: [RevocationList] = []) throws(SigningError) {
        guard let store = X509_STORE_new() else { throw SigningError.crypto("memoria esaurita") }
        for anchor in anchors { X509_STORE_add_cert(store, anchor.x509) }
        OpenSSLErrors.clear()
        self.store = store
        self.anchors = anchors
        self.crls = crls
    }

    /// Loads anchors and CRLs from files (PEM bundles or DER).
    public convenience init(anchorFiles: [String], crlFiles: [String]) throws(SigningError) {
        var anchors: [Certificate] = []
        for path in anchorFiles { anchors += try Certificate.load(try Self.read(path)) }
        var crls: [RevocationList] = []
        for path in crlFiles { crls += try RevocationList.load(try Self.read(path)) }
        try self.init(anchors: anchors, crls: crls)
    }

    deinit { X509_STORE_free(store) }

    /// The bytes of a file, or an Italian error naming it.
    public static func read(_ path: String) throws(SigningError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SigningError.io(path, "file non trovato o non leggibile")
        }
        return Array(data)
    }

    /// Codes for `leaf` (chain, validity at `at` and at `signingTime`, revocation, key usage);
    /// `others` are the certificates the signature carries.
    func check(_ leaf: Certificate, others: [Certificate], at: Date, signingTime: Date?) -> Set<VerificationCode> {
        // The chain verdict depends on the certificates and the second of validation only: a batch of files
        // signed by one person computes it once.
        let key = ([leaf] + others.filter { $0 != leaf }).map { hexString(DigestAlgorithm.sha256.hash($0.der)) }.joined(separator: ",")
            + "@\(Int64(at.timeIntervalSince1970))"
        var codes = chainMemo.value(for: key) { chainCodes(leaf, others: others, at: at) }
        for time in [at] + (signingTime.map { [$0] } ?? []) {
            if time > leaf.notAfter { codes.insert(.certExpired) }
            if time < leaf.notBefore { codes.insert(.certNotYetValid) }
        }
        return codes
    }

    /// `openssl verify`'s verdict, CRL dates and key usage, independent of the claimed signing time.
    private func chainCodes(_ leaf: Certificate, others: [Certificate], at: Date) -> Set<VerificationCode> {
        var codes = Set<VerificationCode>()
        let untrusted = copenssl_sk_x509_new()
        defer { copenssl_sk_x509_free(untrusted) }
        for certificate in others where certificate != leaf { _ = copenssl_sk_x509_push(untrusted, certificate.x509) }
        let crlStack = crls.isEmpty ? nil : copenssl_sk_crl_new()
        defer { if let crlStack { copenssl_sk_crl_free(crlStack) } }
        for list in crls { _ = copenssl_sk_crl_push(crlStack, list.crl) }
        var log = copenssl_verify_log()
        let result = copenssl_verify_certificate(store, leaf.x509, untrusted, crlStack, time_t(at.timeIntervalSince1970), &log)
        OpenSSLErrors.clear()
        let entries = withUnsafeBytes(of: log.codes) { codes in withUnsafeBytes(of: log.depths) { depths in
            (0..<Int(log.count)).map { (codes.load(fromByteOffset: $0 * 4, as: Int32.self), depths.load(fromByteOffset: $0 * 4, as: Int32.self)) }
        } }
        for (code, depth) in entries {
            switch code {
            case X509_V_ERR_CERT_HAS_EXPIRED: codes.insert(depth == 0 ? .certExpired : .chainInvalid)
            case X509_V_ERR_CERT_NOT_YET_VALID: codes.insert(depth == 0 ? .certNotYetValid : .chainInvalid)
            case X509_V_ERR_CERT_REVOKED: codes.insert(depth == 0 ? .certRevoked : .chainInvalid)
            case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT, X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT, X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN,
                 X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY, X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
                codes.insert(.chainUntrusted)
            case X509_V_ERR_UNABLE_TO_GET_CRL, X509_V_ERR_CRL_NOT_YET_VALID, X509_V_ERR_CRL_HAS_EXPIRED:
                codes.insert(.revocationUnknown)
            default: codes.insert(.chainInvalid)
            }
        }
        if result != 1 && codes.isEmpty { codes.insert(.chainInvalid) }
        if !codes.contains(.chainUntrusted) {
            let issuers = (others + anchors).filter { $0.subjectNameDER == leaf.issuerNameDER }
            for list in crls {
                guard issuers.contains(where: { covers(list, leaf, signedBy: $0) }) else { continue }
                if let revoked = list.revocationDate(of: leaf), revoked <= at { codes.insert(.certRevoked) }
            }
        }
        if !leaf.extensionsDecode {
            codes.insert(.chainInvalid)
        } else if !leaf.hasNonRepudiation {
            codes.insert(.keyUsageNoNonRepudiation)
        }
        return codes
    }

    private func covers(_ list: RevocationList, _ leaf: Certificate, signedBy issuer: Certificate) -> Bool {
        let key = "\(ObjectIdentifier(list).hashValue)-\(hexString(DigestAlgorithm.sha256.hash(issuer.der)))-\(hexString(leaf.issuerNameDER))"
        return coverageMemo.value(for: key) { list.covers(leaf, signedBy: issuer) }
    }
}

/// A thread-safe memo of computed values by key.
final class Memo<Value: Sendable>: @unchecked Sendable {
    private let cache = BoundedCache<Value>(capacity: 4096)

    func value(for key: String, compute: () -> Value) -> Value {
        if let known = cache.value(for: key) { return known }
        let value = compute()
        cache.store(value, for: key)
        return value
    }
}

/// A thread-safe dictionary that forgets everything when it reaches its capacity.
final class BoundedCache<Value: Sendable>: @unchecked Sendable {
    private var values: [String: Value] = [:]
    private let lock = NSLock()
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    func value(for key: String) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        return values[key]
    }

    func store(_ value: Value, for key: String) {
        lock.lock()
        defer { lock.unlock() }
        if values.count >= capacity { values.removeAll(keepingCapacity: true) }
        values[key] = value
    }
}
