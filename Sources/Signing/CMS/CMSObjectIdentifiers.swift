/// Object identifiers used by CMS, CAdES and RFC 3161.
enum OID {
    static let data = "1.2.840.113549.1.7.1"
    static let signedData = "1.2.840.113549.1.7.2"
    static let contentType = "1.2.840.113549.1.9.3"
    static let messageDigest = "1.2.840.113549.1.9.4"
    static let signingTime = "1.2.840.113549.1.9.5"
    static let counterSignature = "1.2.840.113549.1.9.6"
    static let signingCertificate = "1.2.840.113549.1.9.16.2.12"
    static let signingCertificateV2 = "1.2.840.113549.1.9.16.2.47"
    static let signatureTimeStampToken = "1.2.840.113549.1.9.16.2.14"
    static let tstInfo = "1.2.840.113549.1.9.16.1.4"

    /// The hash a signature algorithm implies (nil: the SignerInfo's digestAlgorithm applies),
    /// and the key family it needs; nil when the algorithm is unknown.
    static func signatureAlgorithm(_ oid: String) -> (family: String, hash: DigestAlgorithm?)? {
        switch oid {
        case "1.2.840.113549.1.1.1": ("rsa", nil)
        case "1.2.840.113549.1.1.4": ("rsa", .md5)
        case "1.2.840.113549.1.1.5": ("rsa", .sha1)
        case "1.2.840.113549.1.1.14": ("rsa", .sha224)
        case "1.2.840.113549.1.1.11": ("rsa", .sha256)
        case "1.2.840.113549.1.1.12": ("rsa", .sha384)
        case "1.2.840.113549.1.1.13": ("rsa", .sha512)
        case "1.2.840.10045.2.1", "1.2.840.10045.4.3": ("ec", nil)
        case "1.2.840.10045.4.1": ("ec", .sha1)
        case "1.2.840.10045.4.3.1": ("ec", .sha224)
        case "1.2.840.10045.4.3.2": ("ec", .sha256)
        case "1.2.840.10045.4.3.3": ("ec", .sha384)
        case "1.2.840.10045.4.3.4": ("ec", .sha512)
        default: nil
        }
    }

    /// A readable name for a signature algorithm OID.
    static func signatureAlgorithmName(_ oid: String) -> String {
        switch oid {
        case "1.2.840.113549.1.1.1": "rsassa_pkcs1v15"
        case "1.2.840.113549.1.1.11": "sha256_rsa"
        case "1.2.840.113549.1.1.12": "sha384_rsa"
        case "1.2.840.113549.1.1.13": "sha512_rsa"
        case "1.2.840.113549.1.1.5": "sha1_rsa"
        case "1.2.840.113549.1.1.10": "rsassa_pss"
        case "1.2.840.10045.4.3.2": "sha256_ecdsa"
        case "1.2.840.10045.4.3.3": "sha384_ecdsa"
        case "1.2.840.10045.4.3.4": "sha512_ecdsa"
        case "1.2.840.10045.4.1": "sha1_ecdsa"
        default: oid
        }
    }
}
