/// The three-letter surname and name codes of the codice fiscale (DM 23/12/1976).
public enum NameCode {
    /// The code of a surname: consonants, then vowels, padded with `X`.
    public static func surname(_ text: String) -> String {
        let (consonants, vowels) = split(text)
        return String((consonants + vowels + ["X", "X", "X"]).prefix(3))
    }

    /// The code of a given name: with four or more consonants the 1st, 3rd and 4th; otherwise as for surnames.
    public static func name(_ text: String) -> String {
        let (consonants, vowels) = split(text)
        if consonants.count >= 4 { return String([consonants[0], consonants[2], consonants[3]]) }
        return String((consonants + vowels + ["X", "X", "X"]).prefix(3))
    }

    static func split(_ text: String) -> ([Character], [Character]) {
        let letters = normalized(text)
        let vowels = letters.filter { "AEIOU".contains($0) }
        let consonants = letters.filter { !"AEIOU".contains($0) }
        return (consonants, vowels)
    }

    /// Upper-case A–Z only: accents folded (à → A, ç → C), apostrophes, spaces and other marks dropped.
    public static func normalized(_ text: String) -> [Character] {
        var out: [Character] = []
        for scalar in text.uppercased().unicodeScalars {
            let folded = fold[scalar] ?? scalar
            if folded.value >= 65 && folded.value <= 90 { out.append(Character(folded)) }
        }
        return out
    }

    private static let fold: [Unicode.Scalar: Unicode.Scalar] = {
        let groups: [(String, Unicode.Scalar)] = [
            ("ÀÁÂÃÄÅĀĂĄ", "A"), ("ÇĆĈĊČ", "C"), ("ĎĐ", "D"), ("ÈÉÊËĒĔĖĘĚ", "E"), ("ĜĞĠĢ", "G"), ("ĤĦ", "H"),
            ("ÌÍÎÏĨĪĬĮİ", "I"), ("Ĵ", "J"), ("Ķ", "K"), ("ĹĻĽĿŁ", "L"), ("ÑŃŅŇ", "N"), ("ÒÓÔÕÖØŌŎŐ", "O"),
            ("ŔŖŘ", "R"), ("ŚŜŞŠȘ", "S"), ("ŢŤŦȚ", "T"), ("ÙÚÛÜŨŪŬŮŰŲ", "U"), ("Ŵ", "W"), ("ÝŸŶ", "Y"), ("ŹŻŽ", "Z"),
        ]
        var map: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (letters, base) in groups { for s in letters.unicodeScalars { map[s] = base } }
        return map
    }()
}
