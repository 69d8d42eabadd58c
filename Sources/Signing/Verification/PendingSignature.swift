import Foundation

/// A signature whose integrity has been checked, waiting for the certificate checks.
struct PendingSignature {
    var report = SignatureReport()
    /// The signer's certificate when found in the signature.
    var signer: Certificate?
    /// Every certificate the signature (or its level) carries, to build the chain.
    var embedded: [Certificate] = []
    var errors = Set<VerificationCode>()

    /// Fills the signer fields of the report from a certificate.
    mutating func setSigner(_ certificate: Certificate?) {
        signer = certificate
        report.signerCN = certificate?.subjectCN
        report.signerCF = certificate?.codiceFiscale
        report.signerSerialNumber = certificate?.subjectSerialNumber
        report.issuerCN = certificate?.issuerCN
    }

    /// Applies the certificate checks to every signature at one validation time and completes `report`:
    /// `at` when given, else the earliest valid time-stamp, else `now`.
    static func finish(_ pending: [PendingSignature], trust: TrustStore, at: Date?, now: Date,
                       into report: inout VerificationReport) {
        let stamped = pending.compactMap { $0.report.timestamp?.isValid == true ? $0.report.timestamp?.genTime : nil }
        let time = at ?? stamped.min() ?? now
        report.validationTime = time
        report.signatures = pending.map { item in
            var errors = item.errors
            if let signer = item.signer {
                errors.formUnion(trust.check(signer, others: item.embedded, at: time, signingTime: item.report.signingTime))
            }
            var signature = item.report
            signature.errors = errors.sorted()
            return signature
        }
        if report.signatures.isEmpty && !report.errors.contains(where: \.isFatal) && !report.errors.contains(.noSignature) {
            report.errors.append(.noSignature)
        }
    }
}
