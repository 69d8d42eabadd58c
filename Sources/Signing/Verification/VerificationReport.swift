import Foundation

/// The result of verifying one signed file: a value, not a boolean.
public struct VerificationReport: Sendable {
    /// `cades`, `xades` or `unknown`.
    public var format: String = "unknown"
    /// Document-level codes (fatal ones mean no verdict).
    public var errors: [VerificationCode] = []
    /// Every signature, all nesting levels and counter-signatures included.
    public var signatures: [SignatureReport] = []
    /// SHA-256 of the (innermost) signed content, hex.
    public var contentSHA256: String?
    /// The time certificates were judged at.
    public var validationTime: Date?
    /// Italian detail for a document-level error.
    public var detail: String?
    /// The signed content (innermost for nested CAdES; the XML itself for enveloped XAdES); not serialised.
    public var content: [UInt8]?

    public init() {}

    /// True when there is at least one signature and neither the document nor any signature has an error.
    public var isValid: Bool { !signatures.isEmpty && errors.isEmpty && signatures.allSatisfy(\.isValid) }

    /// 0 valid, 1 invalid, 2 unreadable (a fatal document-level code).
    public var exitCode: Int32 {
        if errors.contains(where: \.isFatal) { return 2 }
        return isValid ? 0 : 1
    }

    /// The report for a file over ``SignatureVerifier/maximumSize``, refused without reading it.
    public static func tooLarge(size: Int) -> VerificationReport {
        .fatal(.formatUnknown, detail: "File di \(size / 1_048_576) MB: oltre il limite di \(SignatureVerifier.maximumSize / 1_048_576) MB per la verifica.")
    }

    /// A report for input that has no verdict.
    static func fatal(_ code: VerificationCode, format: String = "unknown", detail: String? = nil) -> VerificationReport {
        var report = VerificationReport()
        report.format = format
        report.errors = [code]
        report.detail = detail
        return report
    }
}

/// One signature (or counter-signature) in a report.
public struct SignatureReport: Sendable {
    public enum Role: String, Sendable, Codable { case signer, countersigner }

    public var signerCN: String?
    /// Codice fiscale from the certificate's serialNumber (`TINIT-…`).
    public var signerCF: String?
    public var signerSerialNumber: String?
    public var issuerCN: String?
    public var signingTime: Date?
    /// Signature time-stamp (CAdES-T), when present.
    public var timestamp: TimestampReport?
    public var role: Role = .signer
    /// Nesting level: 0 = outermost envelope.
    public var level: Int = 0
    public var errors: [VerificationCode] = []
    public var digestAlgorithm: String?
    public var signatureAlgorithm: String?
    /// CN of the signature this one counter-signs.
    public var parentSignerCN: String?

    public init() {}

    public var isValid: Bool { errors.isEmpty }
}

/// A signature time-stamp token's verdict.
public struct TimestampReport: Sendable {
    public var isValid: Bool
    public var genTime: Date?
}
