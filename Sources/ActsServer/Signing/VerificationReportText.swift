import Foundation
import Signing

/// The Italian human-readable form of a verification report (`acts verify` without `--json`).
enum VerificationReportText {
    static func render(_ report: VerificationReport, file: String) -> String {
        let kind = ["cades": "CAdES", "xades": "XAdES"][report.format] ?? "formato non riconosciuto"
        let verdict = report.exitCode == 2 ? "NON VERIFICABILE" : report.isValid ? "FIRMA VALIDA" : "FIRMA NON VALIDA"
        var lines = ["\(file): \(verdict) (\(kind))"]
        for code in report.errors { lines.append("  ✗ \(code.message) [\(code.rawValue)]") }
        if let detail = report.detail { lines.append("  Dettaglio: \(detail)") }
        for signature in report.signatures {
            let who = signature.role == .countersigner ? "Controfirma" : (report.signatures.count > 1 ? "Firma" : "Firmatario")
            var head = "  \(who) (livello \(signature.level)): \(signature.signerCN ?? "certificato non trovato")"
            if let cf = signature.signerCF { head += ", codice fiscale \(cf)" }
            lines.append(head + " — " + (signature.isValid ? "valida" : "NON valida"))
            if let issuer = signature.issuerCN { lines.append("    Emittente: \(issuer)") }
            if let time = signature.signingTime { lines.append("    Data di firma dichiarata: \(italian(time))") }
            if let stamp = signature.timestamp {
                lines.append("    Marca temporale: \(stamp.genTime.map(italian) ?? "data illeggibile")" + (stamp.isValid ? " (valida)" : " (NON valida)"))
            }
            if let parent = signature.parentSignerCN { lines.append("    Controfirma la firma di \(parent)") }
            for code in signature.errors { lines.append("    ✗ \(code.message) [\(code.rawValue)]") }
        }
        if let time = report.validationTime { lines.append("  Verifica riferita al \(italian(time))") }
        if let digest = report.contentSHA256 { lines.append("  Impronta SHA-256 del documento: \(digest)") }
        return lines.joined(separator: "\n")
    }

    static func italian(_ date: Date) -> String {
        let c = ProcedureService.calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%02d/%02d/%04d %02d:%02d:%02d (ora italiana)", c.day!, c.month!, c.year!, c.hour!, c.minute!, c.second!)
    }
}
