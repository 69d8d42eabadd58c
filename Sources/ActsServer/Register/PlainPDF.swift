import Foundation
import Signing

/// A minimal, deterministic PDF of monospaced text pages (A4, Courier, WinAnsi encoding): the same lines
/// always give the same bytes, so a register printed twice has the same impronta.
enum PlainPDF {
    static let linesPerPage = 70

    static func make(title: String, lines: [String]) -> [UInt8] {
        let pages = stride(from: 0, to: max(lines.count, 1), by: linesPerPage).map { Array(lines[$0..<min($0 + linesPerPage, lines.count)]) }
        // Objects: 1 catalog, 2 page tree, 3 font, 4 info, then a page and its content stream for each page.
        let pageIDs = pages.indices.map { 5 + $0 * 2 }
        var objects: [[UInt8]] = [
            Array("<< /Type /Catalog /Pages 2 0 R >>".utf8),
            Array("<< /Type /Pages /Count \(pages.count) /Kids [\(pageIDs.map { "\($0) 0 R" }.joined(separator: " "))] >>".utf8),
            Array("<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>".utf8),
            Array("<< /Title (".utf8) + winAnsi(escape(title)) + Array(") /Producer (acts) >>".utf8),
        ]
        for (index, page) in pages.enumerated() {
            objects.append(Array(("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                + "/Contents \(pageIDs[index] + 1) 0 R >>").utf8))
            let content = winAnsi("BT /F1 8 Tf 10 TL 36 806 Td\n" + page.map { "(\(escape($0))) '\n" }.joined()
                + "ET\nBT /F1 7 Tf 480 24 Td (Pagina \(index + 1) di \(pages.count)) Tj ET\n")
            objects.append(Array("<< /Length \(content.count) >>\nstream\n".utf8) + content + Array("endstream".utf8))
        }
        var out = Array("%PDF-1.4\n".utf8) + [0x25, 0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(index + 1) 0 obj\n".utf8) + object + Array("\nendobj\n".utf8)
        }
        let xref = out.count
        out += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for offset in offsets { out += Array(String(format: "%010d 00000 n \n", offset).utf8) }
        let id = hexString(DigestAlgorithm.sha256.hash(out).prefix(16)).uppercased()  // content-derived, so stable too
        out += Array("trailer\n<< /Size \(objects.count + 1) /Root 1 0 R /Info 4 0 R /ID [<\(id)> <\(id)>] >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }

    /// Escapes a PDF literal string.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(").replacingOccurrences(of: ")", with: "\\)")
    }

    /// Text in WinAnsi (Latin-1 plus € and ’); other characters become `?`.
    static func winAnsi(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar in
            switch scalar {
            case "€": 0x80
            case "’": 0x92
            default: scalar.value < 0x100 ? UInt8(scalar.value) : 0x3F
            }
        }
    }
}
