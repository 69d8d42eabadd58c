/// A minimal writer of indented XML in the `prot:` namespace, used by ``Segnatura``.
///
/// Every element and attribute name gets the `prot:` prefix (the schema is
/// `elementFormDefault="qualified"` and `attributeFormDefault="qualified"`). Text and attribute
/// values are escaped; characters XML 1.0 cannot carry (C0 controls other than tab, line feed and
/// carriage return, U+FFFE, U+FFFF) are dropped, since no escape can represent them.
struct SegnaturaXMLWriter {
    static let prefix = "prot"

    private(set) var output = ""
    private var depth = 0

    /// An attribute in the `prot:` namespace.
    struct Attribute {
        let name: String
        let value: String

        init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Opens `<prot:name …>`; `namespaceDeclarations` are written verbatim (`xmlns:prot="…"`).
    mutating func open(_ name: String, _ attributes: [Attribute] = [], namespaceDeclarations: [(String, String)] = []) {
        line("<" + Self.prefix + ":" + name + Self.declarations(namespaceDeclarations) + Self.render(attributes) + ">")
        depth += 1
    }

    /// Closes `</prot:name>`.
    mutating func close(_ name: String) {
        depth -= 1
        line("</" + Self.prefix + ":" + name + ">")
    }

    /// `<prot:name …>text</prot:name>` on one line.
    mutating func leaf(_ name: String, _ text: String, _ attributes: [Attribute] = []) {
        let tag = Self.prefix + ":" + name
        line("<" + tag + Self.render(attributes) + ">" + Self.escapeText(text) + "</" + tag + ">")
    }

    /// `leaf` when `text` is not nil.
    mutating func leaf(_ name: String, ifPresent text: String?, _ attributes: [Attribute] = []) {
        if let text { leaf(name, text, attributes) }
    }

    private mutating func line(_ text: String) {
        output += String(repeating: "  ", count: depth) + text + "\n"
    }

    private static func declarations(_ pairs: [(String, String)]) -> String {
        pairs.map { " xmlns:" + $0.0 + "=\"" + escapeAttribute($0.1) + "\"" }.joined()
    }

    private static func render(_ attributes: [Attribute]) -> String {
        attributes.map { " " + prefix + ":" + $0.name + "=\"" + escapeAttribute($0.value) + "\"" }.joined()
    }

    /// Character data: `&`, `<`, `>` escaped; a carriage return as `&#13;` so that it survives
    /// end-of-line normalisation.
    static func escapeText(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars where isXMLCharacter(scalar) {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// An attribute value in double quotes: also `"` and the whitespace characters that attribute
    /// value normalisation would turn into spaces.
    static func escapeAttribute(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars where isXMLCharacter(scalar) {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// XML 1.0 `Char` (Swift scalars are never surrogates).
    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xFFFD: true
        case 0x10000...0x10FFFF: true
        default: false
        }
    }
}
