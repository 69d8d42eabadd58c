import Foundation

/// Verifies any signed file: CAdES (DER, PEM or base64 as mailboxes deliver it) or XAdES.
public struct SignatureVerifier: Sendable {
    /// Largest file accepted (the content of a signed act rarely exceeds a few MB).
    public static let maximumSize = 256 * 1024 * 1024

    public let trust: TrustStore

    public init(trust: TrustStore) {
        self.trust = trust
    }

    /// Verifies `data`; `content` is the signed file of a detached signature; `at` the validation
    /// time (default: the earliest valid time-stamp, else `now`).
    public func verify(_ data: [UInt8], content: [UInt8]? = nil, at: Date? = nil, now: Date = Date()) -> VerificationReport {
        guard data.count <= Self.maximumSize else { return .tooLarge(size: data.count) }
        var start = data.startIndex
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
        while start < data.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(data[start]) { start += 1 }
        if start < data.endIndex, data[start] == UInt8(ascii: "<") {
            return XAdESVerifier.verify(xml: data, detachedContent: content, trust: trust, at: at, now: now)
        }
        guard let der = ContainerDecoder.unwrap(data) else {
            return .fatal(.formatUnknown, detail: "Il file non è una busta CAdES (.p7m/.p7s) né un XML firmato.")
        }
        return CAdESVerifier.verify(der: der, detachedContent: content, trust: trust, at: at, now: now)
    }
}
