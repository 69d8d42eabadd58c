/// A syntactically valid Italian codice fiscale for a natural person, decoded into its parts.
///
/// Validation covers the 16-character layout, the omocodia substitutions (letters `LMNPQRSTUV`
/// standing for digits in the numeric positions), the month letter, the day (plus 40 for women)
/// and the check character. Consistency with the declared anagrafica is checked separately by
/// ``consistencyIssues(cognome:nome:sesso:dataNascita:luogoNascita:catalog:)``.
public struct CodiceFiscale: Sendable, Hashable, CustomStringConvertible {
    /// The code as given, upper-cased (omocodic letters kept).
    public let value: String
    /// The three letters derived from the surname.
    public let surnameCode: String
    /// The three letters derived from the given name.
    public let nameCode: String
    /// The last two digits of the birth year.
    public let yearOfCentury: Int
    /// Birth month, 1–12.
    public let month: Int
    /// Birth day, 1–31.
    public let day: Int
    /// Sex encoded by the day field.
    public let sesso: Sesso
    /// Belfiore (catastale) code of the birthplace, with omocodic letters turned back into digits.
    public let belfiore: String
    /// Whether any numeric position carries an omocodia letter.
    public let isOmocode: Bool

    static let omocodiaPositions = [6, 7, 9, 10, 12, 13, 14]
    static let omocodiaLetters = Array("LMNPQRSTUV")
    static let monthLetters = Array("ABCDEHLMPRST")
    static let oddValues: [Character: Int] = [
        "0": 1, "1": 0, "2": 5, "3": 7, "4": 9, "5": 13, "6": 15, "7": 17, "8": 19, "9": 21,
        "A": 1, "B": 0, "C": 5, "D": 7, "E": 9, "F": 13, "G": 15, "H": 17, "I": 19, "J": 21,
        "K": 2, "L": 4, "M": 18, "N": 20, "O": 11, "P": 3, "Q": 6, "R": 8, "S": 12, "T": 14,
        "U": 16, "V": 10, "W": 22, "X": 25, "Y": 24, "Z": 23,
    ]

    /// Parses and validates `text` (spaces ignored, case-insensitive).
    /// - Throws: ``WorkflowError`` with code `dati_non_validi` naming the field `codiceFiscale`.
    public init(_ text: String, field: String = "codiceFiscale") throws(WorkflowError) {
        let cf = String(text.filter { $0 != " " }.uppercased())
        func fail(_ message: String) -> WorkflowError { .invalid([FieldIssue(field: field, message: message)]) }
        let chars = Array(cf)
        guard chars.count == 16 else {
            throw fail("Il codice fiscale deve avere 16 caratteri (ne ha \(chars.count)).")
        }
        guard chars.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) }) else {
            throw fail("Il codice fiscale contiene caratteri non ammessi: solo lettere e cifre.")
        }
        var plain = chars
        var omocode = false
        for (i, c) in chars.enumerated() {
            let numeric = Self.omocodiaPositions.contains(i)
            if numeric {
                if c.isNumber { continue }
                guard let digit = Self.omocodiaLetters.firstIndex(of: c) else {
                    throw fail("Carattere «\(c)» non ammesso in posizione \(i + 1) del codice fiscale.")
                }
                plain[i] = Character(String(digit))
                omocode = true
            } else if !c.isLetter {
                throw fail("In posizione \(i + 1) del codice fiscale è attesa una lettera.")
            }
        }
        guard chars[15] == Self.checkCharacter(for: chars[0..<15]) else {
            throw fail("Il carattere di controllo del codice fiscale non è corretto: verificare di averlo trascritto esattamente.")
        }
        guard let monthIndex = Self.monthLetters.firstIndex(of: chars[8]) else {
            throw fail("La lettera del mese di nascita («\(chars[8])») non è valida.")
        }
        let rawDay = Int(String(plain[9...10]))!
        let sesso: Sesso = rawDay > 40 ? .femmina : .maschio
        let day = rawDay > 40 ? rawDay - 40 : rawDay
        guard (1...31).contains(day) else {
            throw fail("Il giorno di nascita nel codice fiscale (\(rawDay)) non è valido.")
        }
        let month = monthIndex + 1
        let yy = Int(String(plain[6...7]))!
        // A day that exists in no year for that month (e.g. 31 April) is always wrong; 29 February is checked later with the full year.
        guard day <= CivilDate.daysIn(month: month, year: 2000) else {
            throw fail("La data di nascita nel codice fiscale non esiste (giorno \(day) del mese \(month)).")
        }
        self.value = cf
        self.surnameCode = String(chars[0...2])
        self.nameCode = String(chars[3...5])
        self.yearOfCentury = yy
        self.month = month
        self.day = day
        self.sesso = sesso
        self.belfiore = String(plain[11...14])
        self.isOmocode = omocode
    }

    public var description: String { value }

    /// The check character for the first 15 characters of a code.
    public static func checkCharacter(for first15: ArraySlice<Character>) -> Character {
        var sum = 0
        for (offset, c) in first15.enumerated() {
            if offset % 2 == 0 {
                sum += oddValues[c] ?? 0
            } else if let digit = c.wholeNumberValue, c.isASCII {
                sum += digit
            } else if let ascii = c.asciiValue {
                sum += Int(ascii) - 65
            }
        }
        return Character(UnicodeScalar(UInt8(65 + sum % 26)))
    }

    /// The birth date, choosing the most recent century that does not put the birth after `today`.
    public func birthDate(notAfter today: CivilDate) -> CivilDate? {
        var year = (today.year / 100) * 100 + yearOfCentury
        if let candidate = CivilDate(year: year, month: month, day: day), candidate <= today { return candidate }
        year -= 100
        return CivilDate(year: year, month: month, day: day)
    }

    /// Computes the codice fiscale of a person (no omocodia), e.g. for demo data and tests.
    public static func compute(cognome: String, nome: String, sesso: Sesso, dataNascita: CivilDate, belfiore: String) -> String {
        let yy = dataNascita.year % 100
        let day = dataNascita.day + (sesso == .femmina ? 40 : 0)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let body = NameCode.surname(cognome) + NameCode.name(nome) + two(yy)
            + String(monthLetters[dataNascita.month - 1]) + two(day) + belfiore.uppercased()
        return body + String(checkCharacter(for: Array(body)[0..<15]))
    }
}
