import Foundation
import Signing

/// The JSON form of a verification report, with the field names of the independent checker
/// (`signature-samples/README.md`), shared by `acts verify --json` and the HTTP API.
struct VerificationReportJSON: Encodable {
    let report: VerificationReport
    let file: String?

    private enum Keys: String, CodingKey {
        case file, format, valid, errors, signatures, detail
        case contentSHA256 = "content_sha256", validationTime = "validation_time", exitCode = "exit_code"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        if let file { try container.encode(file, forKey: .file) }
        try container.encode(report.format, forKey: .format)
        try container.encode(report.isValid, forKey: .valid)
        try container.encode(report.errors.map(\.rawValue), forKey: .errors)
        try container.encode(report.signatures.map(SignatureJSON.init), forKey: .signatures)
        try container.encode(report.contentSHA256, forKey: .contentSHA256)
        try container.encode(report.validationTime.map(Self.iso), forKey: .validationTime)
        try container.encode(report.exitCode, forKey: .exitCode)
        if let detail = report.detail { try container.encode(detail, forKey: .detail) }
    }

    /// One JSON line.
    var line: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(self), as: UTF8.self)) ?? "{}"
    }

    static func iso(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    struct SignatureJSON: Encodable {
        let signature: SignatureReport

        init(_ signature: SignatureReport) { self.signature = signature }

        private enum Keys: String, CodingKey {
            case valid, errors, role, level, timestamp
            case signerCN = "signer_cn", signerCF = "signer_cf", serial = "signer_serial_number", issuerCN = "issuer_cn"
            case signingTime = "signing_time", timestampTime = "timestamp_time", digest = "digest_algorithm"
            case algorithm = "signature_algorithm", parent = "parent_signer_cn", messages = "messaggi"
        }

        private enum StampKeys: String, CodingKey { case valid, genTime = "gen_time" }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(signature.signerCN, forKey: .signerCN)
            try container.encode(signature.signerCF, forKey: .signerCF)
            try container.encode(signature.signerSerialNumber, forKey: .serial)
            try container.encode(signature.issuerCN, forKey: .issuerCN)
            try container.encode(signature.signingTime.map(VerificationReportJSON.iso), forKey: .signingTime)
            try container.encode(signature.timestamp?.genTime.map(VerificationReportJSON.iso), forKey: .timestampTime)
            if let stamp = signature.timestamp {
                var nested = container.nestedContainer(keyedBy: StampKeys.self, forKey: .timestamp)
                try nested.encode(stamp.isValid, forKey: .valid)
                try nested.encode(stamp.genTime.map(VerificationReportJSON.iso), forKey: .genTime)
            } else {
                try container.encodeNil(forKey: .timestamp)
            }
            try container.encode(signature.role.rawValue, forKey: .role)
            try container.encode(signature.level, forKey: .level)
            try container.encode(signature.isValid, forKey: .valid)
            try container.encode(signature.errors.map(\.rawValue), forKey: .errors)
            try container.encode(signature.errors.map(\.message), forKey: .messages)
            try container.encode(signature.digestAlgorithm, forKey: .digest)
            try container.encode(signature.signatureAlgorithm, forKey: .algorithm)
            if let parent = signature.parentSignerCN { try container.encode(parent, forKey: .parent) }
        }
    }
}
