import Foundation

/// Puts the fixed English parts of swift-argument-parser's help and error output into Italian, so that
/// `acts --help` and usage errors read in one language with our Italian descriptions.
enum ItalianHelp {
    /// Ordered replacements: longer, more specific phrases first.
    static let replacements: [(String, String)] = [
        ("OVERVIEW:", "DESCRIZIONE:"),
        ("USAGE:", "USO:"),
        ("ARGUMENTS:", "ARGOMENTI:"),
        ("OPTIONS:", "OPZIONI:"),
        ("SUBCOMMANDS:", "SOTTOCOMANDI:"),
        ("Show help information.", "Mostra questo aiuto."),
        ("Show the version.", "Mostra la versione."),
        ("See 'acts help <subcommand>' for detailed help.", "Vedere 'acts help <sottocomando>' per l'aiuto dettagliato."),
        ("for more information.", "per maggiori informazioni."),
        ("  See '", "  Vedere '"),
        ("<subcommand>", "<sottocomando>"),
        ("(default)", "(predefinito)"),
        ("(default: ", "(predefinito: "),
        ("Missing expected argument", "Manca l'argomento obbligatorio"),
        ("Missing value for option", "Manca il valore dell'opzione"),
        ("Unknown option", "Opzione sconosciuta"),
        ("Unexpected argument", "Argomento inatteso"),
        ("Unexpected arguments", "Argomenti inattesi"),
        ("is not a valid value for", "non è un valore valido per"),
        ("The value '", "Il valore '"),
        ("' is invalid for '", "' non è valido per '"),
        ("Error: ", "Errore: "),
        ("Help:  ", "Aiuto: "),
        ("Usage: ", "Uso: "),
    ]

    static func translate(_ text: String) -> String {
        replacements.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }
}
