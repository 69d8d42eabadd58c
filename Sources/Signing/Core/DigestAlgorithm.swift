import Foundation
import COpenSSL

/// A hash algorithm as signatures name it (CMS OIDs, XML-DSig URIs), computed through OpenSSL.
public enum DigestAlgorithm: String, Sendable, CaseIterable, Codable {
    case md5, sha1, sha224, sha256, sha384, sha512

    /// Below SHA-256: not accepted for new signatures (`WEAK_DIGEST_ALGORITHM`).
    public var isWeak: Bool { self == .md5 || self == .sha1 || self == .sha224 }

    /// The algorithm's object identifier (dotted).
    public var oid: String {
        switch self {
        case .md5: "1.2.840.113549.2.5"
        case .sha1: "1.3.14.3.2.26"
        case .sha224: "2.16.840.1.101.3.4.2.4"
        case .sha256: "2.16.840.1.101.3.4.2.1"
        case .sha384: "2.16.840.1.101.3.4.2.2"
        case .sha512: "2.16.840.1.101.3.4.2.3"
        }
    }

    /// The XML-DSig / XML-Enc identifier of the digest method.
    public var xmlURI: String {
        switch self {
        case .md5: "http://www.w3.org/2001/04/xmldsig-more#md5"
        case .sha1: "http://www.w3.org/2000/09/xmldsig#sha1"
        case .sha224: "http://www.w3.org/2001/04/xmldsig-more#sha224"
        case .sha256: "http://www.w3.org/2001/04/xmlenc#sha256"
        case .sha384: "http://www.w3.org/2001/04/xmldsig-more#sha384"
        case .sha512: "http://www.w3.org/2001/04/xmlenc#sha512"
        }
    }

    /// The algorithm named by a CMS OID, or nil.
    public init?(oid: String) {
        guard let match = Self.allCases.first(where: { $0.oid == oid }) else { return nil }
        self = match
    }

    /// The algorithm named by an XML-DSig digest URI, or nil.
    public init?(xmlURI: String) {
        guard let match = Self.allCases.first(where: { $0.xmlURI == xmlURI }) else { return nil }
        self = match
    }

    /// The algorithm fetched once from OpenSSL's providers: OpenSSL 3 would otherwise look it up (under a
    /// global lock) on every digest and signature, which halves throughput on two threads.
    var evp: OpaquePointer? { FetchedDigests.table[self] ?? nil }

    fileprivate var openSSLName: String {
        switch self {
        case .md5: "MD5"
        case .sha1: "SHA1"
        case .sha224: "SHA2-224"
        case .sha256: "SHA2-256"
        case .sha384: "SHA2-384"
        case .sha512: "SHA2-512"
        }
    }

    /// The digest of `data`.
    public func hash<C: ContiguousBytes>(_ data: C) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        data.withUnsafeBytes { raw in
            _ = EVP_Digest(raw.baseAddress, raw.count, &out, &length, evp, nil)
        }
        return Array(out.prefix(Int(length)))
    }
}

/// The digests fetched once per process (immutable after initialisation, shared by all threads).
private enum FetchedDigests {
    nonisolated(unsafe) static let table: [DigestAlgorithm: OpaquePointer?] = {
        OpenSSLProviders.loadOnce()
        var table: [DigestAlgorithm: OpaquePointer?] = [:]
        for algorithm in DigestAlgorithm.allCases { table[algorithm] = EVP_MD_fetch(nil, algorithm.openSSLName, nil) }
        OpenSSLErrors.clear()
        return table
    }()
}

/// Lowercase hexadecimal of bytes.
public func hexString<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
    let digits = Array("0123456789abcdef".utf8)
    var out = [UInt8]()
    for byte in bytes {
        out.append(digits[Int(byte >> 4)])
        out.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
}
