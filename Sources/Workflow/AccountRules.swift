/// Rules for user accounts, shared by the command line and the administration API.
public enum AccountRules {
    /// Problems with a username: 3–64 characters among lower-case letters, digits, `.`, `_`, `-`.
    public static func usernameIssue(_ username: String) -> FieldIssue? {
        let ok = (3...64).contains(username.count) && username.unicodeScalars.allSatisfy { s in
            (s.value >= 97 && s.value <= 122) || (s.value >= 48 && s.value <= 57) || s == "." || s == "_" || s == "-"
        }
        return ok ? nil : FieldIssue(field: "username", message: "Nome utente non valido: 3–64 caratteri fra lettere minuscole, cifre, punto, trattino e trattino basso.")
    }

    /// Problems with a password: at least 10 characters.
    public static func passwordIssue(_ password: String) -> FieldIssue? {
        password.count < 10 ? FieldIssue(field: "password", message: "La password deve avere almeno 10 caratteri.") : nil
    }

    /// Problems with a procedural function name (e.g. `responsabile_servizio`): lower-case words joined by `_`,
    /// neither a user role nor `rdp`, which is per pratica.
    public static func functionIssue(_ function: String) -> FieldIssue? {
        let wellFormed = (3...40).contains(function.count) && function.unicodeScalars.allSatisfy { ($0.value >= 97 && $0.value <= 122) || $0 == "_" }
        if !wellFormed || Role(rawValue: function) != nil || function == "rdp" {
            return FieldIssue(field: "funzioni", message: "Funzione «\(function)» non valida: ad esempio responsabile_servizio o titolare_potere_sostitutivo (rdp si assegna per pratica).")
        }
        return nil
    }
}
