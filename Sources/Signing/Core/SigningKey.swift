import COpenSSL
import Foundation

/// A private key with its certificate and chain, loaded once and used for many signatures.
///
/// Keys come from a PKCS#12 file or a PKCS#11 token (smart card, HSM) through OpenSSL's
/// `pkcs11` engine. A key whose certificate lacks nonRepudiation is refused at load time,
/// since it cannot make a qualified signature. Safe to share across threads: file keys sign
/// concurrently, token operations are serialised (one session, one login).
public final class SigningKey: @unchecked Sendable {
    private let pkey: OpaquePointer
    private let engine: OpaquePointer?
    private let tokenLock: NSLock?
    /// The signer's certificate.
    public let certificate: Certificate
    /// The other certificates to embed (intermediate CAs), without the signer's.
    public let chain: [Certificate]

    private init(pkey: OpaquePointer, engine: OpaquePointer?, certificate: Certificate, chain: [Certificate],
                 requireNonRepudiation: Bool) throws(SigningError) {
        self.pkey = pkey
        self.engine = engine
        self.tokenLock = engine == nil ? nil : NSLock()
        self.certificate = certificate
        self.chain = chain.filter { $0 != certificate }
        if requireNonRepudiation && !certificate.hasNonRepudiation {
            throw SigningError.nonRepudiationMissing(certificate.subjectCN)
        }
        let now = Date()
        if now > certificate.notAfter || now < certificate.notBefore {
            throw SigningError(code: "certificato_non_valido",
                               message: "Il certificato di \(certificate.subjectCN) è valido dal \(certificate.notBefore.isoUTC) al \(certificate.notAfter.isoUTC): "
                                   + "oggi non può firmare. Rinnovare il certificato di firma.")
        }
        guard X509_check_private_key(certificate.x509, pkey) == 1 || engine != nil else {
            OpenSSLErrors.clear()
            throw SigningError.keyUnreadable("la chiave privata non corrisponde al certificato")
        }
    }

    deinit {
        EVP_PKEY_free(pkey)
        if let engine {
            ENGINE_finish(engine)
            ENGINE_free(engine)
        }
    }

    /// Loads a PKCS#12 file (`.p12`/`.pfx`), modern (AES/PBKDF2) or legacy (RC2/3DES).
    public static func pkcs12(path: String, password: String, requireNonRepudiation: Bool = true) throws(SigningError) -> SigningKey {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SigningError.io(path, "file non trovato o non leggibile")
        }
        return try pkcs12(data: Array(data), password: password, requireNonRepudiation: requireNonRepudiation)
    }

    /// Loads PKCS#12 bytes.
    public static func pkcs12(data: [UInt8], password: String, requireNonRepudiation: Bool = true) throws(SigningError) -> SigningKey {
        OpenSSLProviders.loadOnce()
        var pointer: UnsafePointer<UInt8>? = nil
        let p12: OpaquePointer? = data.withUnsafeBufferPointer { buffer in
            pointer = buffer.baseAddress
            return d2i_PKCS12(nil, &pointer, buffer.count)
        }
        guard let p12 else {
            throw SigningError.keyUnreadable("il file non è un PKCS#12 valido (\(OpenSSLErrors.drain()))")
        }
        defer { PKCS12_free(p12) }
        var key: OpaquePointer? = nil
        var cert: OpaquePointer? = nil
        var others: OpaquePointer? = nil
        guard PKCS12_parse(p12, password, &key, &cert, &others) == 1, let key, let cert else {
            let detail = OpenSSLErrors.drain()
            if detail.contains("mac verify failure") || detail.contains("decrypt") { throw SigningError.wrongPassword }
            throw SigningError.keyUnreadable(detail)
        }
        var chain: [Certificate] = []
        if let others {
            for index in 0..<copenssl_sk_x509_num(others) {
                if let x = copenssl_sk_x509_value(others, index), X509_up_ref(x) == 1 {
                    chain.append(try Certificate(taking: x))
                }
            }
            copenssl_sk_x509_pop_free(others)
        }
        let certificate: Certificate
        do { certificate = try Certificate(taking: cert) } catch { EVP_PKEY_free(key); throw error }
        return try SigningKey(pkey: key, engine: nil, certificate: certificate, chain: chain,
                              requireNonRepudiation: requireNonRepudiation)
    }

    /// Opens a PKCS#11 token: `module` is the PKCS#11 library (e.g. `/usr/lib/softhsm/libsofthsm2.so`),
    /// `uri` a `pkcs11:` URI of the private key, `pin` the user PIN (one login for all signatures).
    /// The certificate is read from the token (same URI, `type=cert`) unless `certificate` is given.
    public static func pkcs11(module: String, uri: String, pin: String, certificate: Certificate? = nil,
                              chain: [Certificate] = [], requireNonRepudiation: Bool = true) throws(SigningError) -> SigningKey {
        guard FileManager.default.fileExists(atPath: module) else {
            throw SigningError.token("modulo PKCS#11 \(module) non trovato")
        }
        guard let engine = copenssl_pkcs11_engine(module, pin) else {
            throw SigningError.token("motore pkcs11 di OpenSSL non disponibile (pacchetto libengine-pkcs11-openssl): \(OpenSSLErrors.drain())")
        }
        guard let key = ENGINE_load_private_key(engine, uri, nil, nil) else {
            let detail = OpenSSLErrors.drain()
            ENGINE_finish(engine)
            ENGINE_free(engine)
            if detail.contains("PIN") || detail.contains("login") { throw SigningError.wrongPassword }
            throw SigningError.token("chiave \(uri) non trovata sul dispositivo o PIN errato (\(detail))")
        }
        var cert = certificate
        if cert == nil {
            let certURI = Self.certificateURI(uri)
            if let x = copenssl_pkcs11_certificate(engine, certURI) {
                cert = try? Certificate(taking: x)
            }
            OpenSSLErrors.clear()
        }
        guard let cert else {
            EVP_PKEY_free(key)
            ENGINE_finish(engine)
            ENGINE_free(engine)
            throw SigningError.token("certificato della chiave non trovato sul dispositivo: indicarlo con --cert")
        }
        return try SigningKey(pkey: key, engine: engine, certificate: cert, chain: chain,
                              requireNonRepudiation: requireNonRepudiation)
    }

    private static func certificateURI(_ uri: String) -> String {
        let parts = uri.split(separator: ";").map(String.init).filter { !$0.hasPrefix("type=") && !$0.hasPrefix("pin-value=") }
        return (parts + ["type=cert"]).joined(separator: ";")
    }

    /// Whether the key is RSA (else ECDSA).
    public var isRSA: Bool { certificate.keyFamily == "rsa" }

    /// CMS signatureAlgorithm OID for SHA-256: sha256WithRSAEncryption or ecdsa-with-SHA256.
    var cmsSignatureAlgorithm: [UInt8] {
        isRSA ? DERWriter.algorithm("1.2.840.113549.1.1.11", nullParameters: true)
              : DERWriter.algorithm("1.2.840.10045.4.3.2", nullParameters: false)
    }

    /// XML-DSig SignatureMethod URI for SHA-256.
    var xmlSignatureMethod: String {
        isRSA ? "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256" : "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"
    }

    /// Signs `data` (hashing it with `digest`); ECDSA signatures come DER-encoded.
    public func sign(_ data: [UInt8], digest: DigestAlgorithm = .sha256) throws(SigningError) -> [UInt8] {
        tokenLock?.lock()
        defer { tokenLock?.unlock() }
        guard let context = EVP_MD_CTX_new() else { throw SigningError.crypto("memoria esaurita") }
        defer { EVP_MD_CTX_free(context) }
        var length = 0
        guard EVP_DigestSignInit(context, nil, digest.evp, nil, pkey) == 1,
              EVP_DigestSign(context, nil, &length, data, data.count) == 1 else {
            throw SigningError.crypto(OpenSSLErrors.drain())
        }
        var signature = [UInt8](repeating: 0, count: length)
        guard EVP_DigestSign(context, &signature, &length, data, data.count) == 1 else {
            throw SigningError.crypto(OpenSSLErrors.drain())
        }
        return Array(signature.prefix(length))
    }
}

/// Loads OpenSSL's default and legacy providers once, so that old PKCS#12 files (RC2, 3DES) open.
enum OpenSSLProviders {
    private static let loaded: Bool = {
        _ = OSSL_PROVIDER_load(nil, "legacy")
        _ = OSSL_PROVIDER_load(nil, "default")
        OpenSSLErrors.clear()
        return true
    }()

    static func loadOnce() { _ = loaded }
}
