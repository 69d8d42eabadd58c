import Foundation
import Workflow

/// The registro giornaliero (TUDA art. 53 c.2): every registration of one day, plus the annulments made that day
/// to earlier ones, as XML and as a PDF. Built only from the register's data (no generation time inside),
/// so the same day always gives the same bytes and the same impronta.
struct DailyRegister {
    let enteName: String
    let aoo: String
    let registro: RegisterCode
    let day: CivilDate
    let entries: [Registration]
    let annulled: [Registration]

    /// `AOO-REGISTRO-AAAAMMGG`, the register's identifier and the base of its file names.
    var identifier: String { "\(aoo)-\(registro.rawValue)-\(day.description.replacingOccurrences(of: "-", with: ""))" }

    var summary: String {
        guard let first = entries.first, let last = entries.last else {
            return "Nessuna registrazione in data \(day.italian)."
        }
        return "\(entries.count) registrazion\(entries.count == 1 ? "e" : "i") in data \(day.italian), dal n. \(first.numeroFormattato) al n. \(last.numeroFormattato)."
    }

    var xml: [UInt8] {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<RegistroGiornaliero xmlns=\"urn:acts:registro-giornaliero:1\" identificativo=\"\(escape(identifier))\" aoo=\"\(escape(aoo))\" registro=\"\(registro.rawValue)\" data=\"\(day)\">\n"
        out += "  <Amministrazione>\(escape(enteName))</Amministrazione>\n"
        out += "  <Riepilogo registrazioni=\"\(entries.count)\" annullamenti=\"\(annulled.count)\""
        if let first = entries.first, let last = entries.last {
            out += " primoNumero=\"\(first.numeroFormattato)\" ultimoNumero=\"\(last.numeroFormattato)\""
        }
        out += ">\(escape(summary))</Riepilogo>\n"
        for entry in entries {
            out += "  <Registrazione numero=\"\(entry.numeroFormattato)\" ora=\"\(Self.time(entry.registrataIl))\" direzione=\"\(entry.direzione.rawValue)\""
                + " riservata=\"\(entry.riservato)\" annullata=\"\(entry.annullamento != nil)\">\n"
            out += "    <Oggetto>\(escape(entry.oggetto))</Oggetto>\n"
            for party in entry.mittenti { out += "    <Mittente>\(escape(party.denominazione))</Mittente>\n" }
            for party in entry.destinatari { out += "    <Destinatario>\(escape(party.denominazione))</Destinatario>\n" }
            if let number = entry.documentoRicevutoNumero {
                out += "    <DocumentoRicevuto numero=\"\(escape(number))\" data=\"\(entry.documentoRicevutoData?.description ?? "")\"/>\n"
            }
            if let classifica = entry.classifica { out += "    <Classifica>\(escape(classifica))</Classifica>\n" }
            if let fascicolo = entry.fascicolo { out += "    <Fascicolo>\(escape(fascicolo))</Fascicolo>\n" }
            for file in entry.allegati {
                out += "    <Impronta nomeFile=\"\(escape(file.nome))\" algoritmo=\"SHA-256\">\(file.improntaBase64)</Impronta>\n"
            }
            out += "  </Registrazione>\n"
        }
        for entry in annulled {
            guard let annulment = entry.annullamento else { continue }
            out += "  <Annullamento numero=\"\(entry.numeroFormattato)\" anno=\"\(entry.anno)\" ora=\"\(Self.time(annulment.il))\">\n"
            out += "    <Motivo>\(escape(annulment.motivo))</Motivo>\n    <Provvedimento>\(escape(annulment.provvedimento))</Provvedimento>\n"
            out += "  </Annullamento>\n"
        }
        out += "</RegistroGiornaliero>\n"
        return Array(out.utf8)
    }

    var pdf: [UInt8] {
        var lines = [
            "REGISTRO GIORNALIERO DI PROTOCOLLO - \(registro.label)",
            "\(enteName) - AOO \(aoo) - giorno \(day.italian) - identificativo \(identifier)",
            summary, "",
            "Numero   Ora       Dir. Oggetto / corrispondenti / classifica",
            String(repeating: "-", count: 110),
        ]
        for entry in entries {
            let mark = entry.annullamento == nil ? "" : " [ANNULLATA]"
            lines += wrap("\(entry.numeroFormattato)  \(Self.time(entry.registrataIl))  \(entry.direzione.letter)    \(entry.oggetto)\(mark)", indent: 28)
            let parties = (entry.mittenti.map { "da " + $0.denominazione } + entry.destinatari.map { "a " + $0.denominazione }).joined(separator: "; ")
            if !parties.isEmpty { lines += wrap(String(repeating: " ", count: 28) + parties, indent: 28) }
            if let classifica = entry.classifica { lines.append(String(repeating: " ", count: 28) + "Classifica \(classifica)" + (entry.fascicolo.map { ", fascicolo \($0)" } ?? "")) }
            for file in entry.allegati { lines.append(String(repeating: " ", count: 28) + "\(file.nome) SHA-256 \(file.improntaBase64)") }
        }
        if !annulled.isEmpty {
            lines += ["", "ANNULLAMENTI REGISTRATI IN DATA \(day.italian)"]
            for entry in annulled {
                guard let annulment = entry.annullamento else { continue }
                lines += wrap("\(entry.numeroFormattato)/\(entry.anno) alle \(Self.time(annulment.il)): \(annulment.motivo) - \(annulment.provvedimento)", indent: 4)
            }
        }
        return PlainPDF.make(title: "Registro giornaliero \(identifier)", lines: lines)
    }

    private func wrap(_ text: String, indent: Int, width: Int = 110) -> [String] {
        var lines: [String] = []
        var rest = Substring(text)
        while rest.count > width {
            let cut = rest.prefix(width).lastIndex(of: " ") ?? rest.index(rest.startIndex, offsetBy: width)
            lines.append(String(rest[..<cut]))
            rest = String(repeating: " ", count: indent) + rest[cut...].drop(while: { $0 == " " })
        }
        lines.append(String(rest))
        return lines
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// Time of day in Italy, `HH:MM:SS`.
    static func time(_ date: Date) -> String {
        let c = ProcedureService.calendar.dateComponents([.hour, .minute, .second], from: date)
        return String(format: "%02d:%02d:%02d", c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    /// The instants that bound a civil day in Italy.
    static func bounds(of day: CivilDate) -> (Date, Date) {
        let calendar = ProcedureService.calendar
        let start = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
        return (start, calendar.date(byAdding: .day, value: 1, to: start)!)
    }
}
