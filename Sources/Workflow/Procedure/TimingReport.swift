/// Conclusion times per procedure type against the legal term (L. 241/1990 art. 2 c.4-bis).
public struct TimingReport: Sendable, Hashable, Codable {
    public struct Row: Sendable, Hashable, Codable {
        public let tipo: String
        public let descrizione: String
        /// The legal term in days.
        public let termine: Int
        public let concluse: Int
        public let inCorso: Int
        /// Average days taken (suspensions excluded), `nil` when none concluded.
        public let durataMedia: Double?
        public let durataMassima: Int?
        /// Concluded after the term.
        public let concluseInRitardo: Int
    }

    public let rows: [Row]

    /// Builds the report from every procedure of the ente, as of `today`.
    public static func compute(types: [ProcedureType], procedures: [(tipo: String, procedure: Procedure)], on today: CivilDate) -> TimingReport {
        let rows = types.map { type -> Row in
            let mine = procedures.filter { $0.tipo == type.codice }.map(\.procedure)
            let concluded = mine.filter(\.isConcluded).map { $0.snapshot(on: today) }
            let durations = concluded.map(\.daysElapsed)
            return Row(
                tipo: type.codice, descrizione: type.descrizione, termine: type.termDays, concluse: concluded.count, inCorso: mine.count - concluded.count,
                durataMedia: durations.isEmpty ? nil : Double(durations.reduce(0, +)) / Double(durations.count), durataMassima: durations.max(),
                concluseInRitardo: concluded.filter(\.late).count)
        }
        return TimingReport(rows: rows)
    }

    /// CSV with a header row, `;`-separated (the spreadsheet default in Italy), decimal comma.
    public var csv: String {
        var out = "tipo;descrizione;termine_giorni;concluse;in_corso;durata_media_giorni;durata_massima_giorni;concluse_in_ritardo\n"
        for r in rows {
            let media = r.durataMedia.map { v -> String in
                let tenths = Int((v * 10).rounded())
                return "\(tenths / 10),\(tenths % 10)"
            } ?? ""
            let descr = "\"" + r.descrizione.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
            out += "\(r.tipo);\(descr);\(r.termine);\(r.concluse);\(r.inCorso);\(media);\(r.durataMassima.map(String.init) ?? "");\(r.concluseInRitardo)\n"
        }
        return out
    }
}
