import COpenSSL
import Foundation

/// An X.509 certificate (immutable), with the fields a signature report shows.
public final class Certificate: @unchecked Sendable, Hashable {
    let x509: OpaquePointer
    /// The DER encoding.
    public let der: [UInt8]
    /// Subject common name (CN), or the whole subject when it has none.
    public let subjectCN: String
    /// Subject serialNumber attribute (Italian qualified certificates: `TINIT-<codice fiscale>`).
    public let subjectSerialNumber: String?
    /// Issuer common name.
    public let issuerCN: String?
    /// Validity period.
    public let notBefore: Date
    public let notAfter: Date
    /// Big-endian serial number magnitude.
    public let serialNumber: [UInt8]

    /// Parses one DER certificate.
    public init(der: [UInt8]) throws(SigningError) {
        var pointer: UnsafePointer<UInt8>? = nil
        let parsed: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            pointer = buffer.baseAddress
            return d2i_X509(nil, &pointer, buffer.count)
        }
        guard let parsed else {
            OpenSSLErrors.clear()
            throw SigningError.input("Certificato non decodificabile (DER X.509 non valido).")
        }
        x509 = parsed
        self.der = der
        subjectCN = Self.entry(X509_get_subject_name(parsed), NID_commonName) ?? Self.oneLine(X509_get_subject_name(parsed))
        subjectSerialNumber = Self.entry(X509_get_subject_name(parsed), NID_serialNumber)
        issuerCN = Self.entry(X509_get_issuer_name(parsed), NID_commonName)
        notBefore = Self.date(X509_get0_notBefore(parsed)) ?? .distantFuture
        notAfter = Self.date(X509_get0_notAfter(parsed)) ?? .distantPast
        serialNumber = Self.magnitude(X509_get0_serialNumber(parsed))
        _ = X509_get_extension_flags(parsed)  // caches extensions: makes later reads thread-safe
    }

    /// Takes ownership of an `X509*` (reference already counted for us).
    convenience init(taking pointer: OpaquePointer) throws(SigningError) {
        defer { X509_free(pointer) }
        let length = i2d_X509(pointer, nil)
        guard length > 0 else { throw SigningError.crypto("certificato non serializzabile") }
        var bytes = [UInt8](repeating: 0, count: Int(length))
        bytes.withUnsafeMutableBufferPointer { buffer in
            var out = buffer.baseAddress
            _ = i2d_X509(pointer, &out)
        }
        try self.init(der: bytes)
    }

    deinit { X509_free(x509) }

    /// The certificate for `der`, parsed once per process: OpenSSL 3 decodes public keys slowly (its decoder
    /// framework takes locks), and a batch of files signed by one person carries the same certificates.
    static func shared(der: [UInt8]) throws(SigningError) -> Certificate {
        let key = hexString(DigestAlgorithm.sha256.hash(der))
        if let known = parsed.value(for: key) { return known }
        let certificate = try Certificate(der: der)
        _ = X509_get0_pubkey(certificate.x509)  // decoded now, reused by every verification
        parsed.store(certificate, for: key)
        return certificate
    }

    private static let parsed = BoundedCache<Certificate>(capacity: 4096)

    /// Every certificate in a PEM bundle or one DER certificate.
    public static func load(_ data: [UInt8]) throws(SigningError) -> [Certificate] {
        if let pem = PEM.blocks(in: data, label: "CERTIFICATE"), !pem.isEmpty {
            var result: [Certificate] = []
            for block in pem { result.append(try Certificate(der: block)) }
            return result
        }
        return [try Certificate(der: data)]
    }

    /// The codice fiscale of the holder, from a `TINIT-` serialNumber.
    public var codiceFiscale: String? {
        guard let serial = subjectSerialNumber else { return nil }
        for prefix in ["TINIT-", "IDCIT-"] where serial.uppercased().hasPrefix(prefix) {
            return String(serial.dropFirst(prefix.count)).uppercased()
        }
        return serial.count == 16 ? serial.uppercased() : nil
    }

    /// Whether keyUsage is present and includes nonRepudiation (contentCommitment).
    public var hasNonRepudiation: Bool {
        let flags = X509_get_extension_flags(x509)
        guard flags & UInt32(EXFLAG_INVALID) == 0, flags & UInt32(EXFLAG_KUSAGE) != 0 else { return false }
        return X509_get_key_usage(x509) & UInt32(KU_NON_REPUDIATION) != 0
    }

    /// Whether its extensions decode (a certificate with undecodable extensions cannot be validated).
    public var extensionsDecode: Bool { X509_get_extension_flags(x509) & UInt32(EXFLAG_INVALID) == 0 }

    /// Whether it is a CA certificate (basicConstraints cA).
    public var isCA: Bool { X509_get_extension_flags(x509) & UInt32(EXFLAG_CA) != 0 }

    /// DER of the issuer Name.
    public var issuerNameDER: [UInt8] { Self.nameDER(X509_get_issuer_name(x509)) }

    /// DER of the subject Name.
    public var subjectNameDER: [UInt8] { Self.nameDER(X509_get_subject_name(x509)) }

    /// Subject key identifier, when present.
    public var subjectKeyIdentifier: [UInt8]? {
        guard let ski = X509_get0_subject_key_id(x509) else { return nil }
        return Self.bytes(ski)
    }

    /// Whether `issuerDER` (a DER Name) and `serial` identify this certificate (RFC 5280 name comparison).
    func matches(issuerDER: ArraySlice<UInt8>, serial: ArraySlice<UInt8>) -> Bool {
        guard Array(serial.drop(while: { $0 == 0 })) == serialNumber.drop(while: { $0 == 0 }).map({ $0 }) else { return false }
        let bytes = Array(issuerDER)
        var pointer: UnsafePointer<UInt8>? = nil
        let name: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            pointer = buffer.baseAddress
            return d2i_X509_NAME(nil, &pointer, buffer.count)
        }
        guard let name else { OpenSSLErrors.clear(); return false }
        defer { X509_NAME_free(name) }
        return X509_NAME_cmp(name, X509_get_issuer_name(x509)) == 0
    }

    /// Whether `signature` over `data` verifies with this certificate's public key.
    /// `ecdsaRaw`: the signature is r‖s (XML-DSig) rather than DER.
    func verify(signature: [UInt8], data: [UInt8], digest: DigestAlgorithm, ecdsaRaw: Bool = false) -> Bool {
        guard let key = X509_get0_pubkey(x509) else { OpenSSLErrors.clear(); return false }
        var sig = signature
        if ecdsaRaw {
            guard EVP_PKEY_get_base_id(key) == EVP_PKEY_EC, let der = ECDSASignature.der(fromRaw: signature) else { return false }
            sig = der
        }
        guard let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context); OpenSSLErrors.clear() }
        guard EVP_DigestVerifyInit(context, nil, digest.evp, nil, key) == 1 else { return false }
        return EVP_DigestVerify(context, sig, sig.count, data, data.count) == 1
    }

    /// Key algorithm family of the public key: `rsa`, `ec` or `other`.
    var keyFamily: String {
        guard let key = X509_get0_pubkey(x509) else { return "other" }
        switch EVP_PKEY_get_base_id(key) {
        case EVP_PKEY_RSA: return "rsa"
        case EVP_PKEY_EC: return "ec"
        default: return "other"
        }
    }

    public static func == (lhs: Certificate, rhs: Certificate) -> Bool { lhs.der == rhs.der }
    public func hash(into hasher: inout Hasher) { hasher.combine(der) }

    // MARK: - OpenSSL readers

    private static func entry(_ name: OpaquePointer?, _ nid: Int32) -> String? {
        guard let name else { return nil }
        let index = X509_NAME_get_index_by_NID(name, nid, -1)
        guard index >= 0, let entry = X509_NAME_get_entry(name, index), let data = X509_NAME_ENTRY_get_data(entry) else { return nil }
        var out: UnsafeMutablePointer<UInt8>? = nil
        let length = ASN1_STRING_to_UTF8(&out, data)
        guard length >= 0, let out else { return nil }
        defer { copenssl_free(out) }
        return String(decoding: UnsafeBufferPointer(start: out, count: Int(length)), as: UTF8.self)
    }

    private static func oneLine(_ name: OpaquePointer?) -> String {
        guard let name, let bio = BIO_new(BIO_s_mem()) else { return "" }
        defer { BIO_free(bio) }
        X509_NAME_print_ex(bio, name, 0, copenssl_name_flags_rfc2253())
        var data: UnsafeMutablePointer<CChar>? = nil
        let length = copenssl_bio_mem_data(bio, &data)
        guard let data, length > 0 else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
    }

    private static func nameDER(_ name: OpaquePointer?) -> [UInt8] {
        guard let name else { return [] }
        let length = i2d_X509_NAME(name, nil)
        guard length > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: Int(length))
        bytes.withUnsafeMutableBufferPointer { buffer in
            var out = buffer.baseAddress
            _ = i2d_X509_NAME(name, &out)
        }
        return bytes
    }

    static func date(_ time: UnsafePointer<ASN1_TIME>?) -> Date? {
        guard let time else { return nil }
        var value = tm()
        guard ASN1_TIME_to_tm(time, &value) == 1 else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&value)))
    }

    private static func magnitude(_ integer: UnsafePointer<ASN1_INTEGER>?) -> [UInt8] {
        guard let integer, let bn = ASN1_INTEGER_to_BN(integer, nil) else { return [] }
        defer { BN_free(bn) }
        var bytes = [UInt8](repeating: 0, count: Int((BN_num_bits(bn) + 7) / 8))
        _ = BN_bn2bin(bn, &bytes)
        return bytes
    }

    static func bytes(_ string: UnsafePointer<ASN1_STRING>) -> [UInt8] {
        let length = Int(ASN1_STRING_length(string))
        guard length > 0, let data = ASN1_STRING_get0_data(string) else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: length))
    }
}
