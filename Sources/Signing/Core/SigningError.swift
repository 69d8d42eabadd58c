/// The single error type of the signing module: a stable `code` and an Italian `message` a user can act on.
public struct SigningError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable machine-readable code, e.g. `chiave_illeggibile`, `pin_errato`, `non_ripudio_assente`.
    public let code: String
    /// Italian message a user can act on.
    public let message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }

    static func keyUnreadable(_ detail: String) -> SigningError {
        SigningError(code: "chiave_illeggibile", message: "Impossibile leggere la chiave di firma: \(detail).")
    }

    static let wrongPassword = SigningError(
        code: "pin_errato",
        message: "Password o PIN errato per il file della chiave. Verificare il PIN e riprovare.")

    static func nonRepudiationMissing(_ subject: String) -> SigningError {
        SigningError(
            code: "non_ripudio_assente",
            message: "Il certificato di \(subject) non ha l'uso chiave «non ripudio» (nonRepudiation): "
                + "non è un certificato di firma qualificata e non può firmare atti. Usare il certificato di firma della smart card o del token.")
    }

    static func token(_ detail: String) -> SigningError {
        SigningError(code: "token_pkcs11", message: "Errore del dispositivo di firma (PKCS#11): \(detail).")
    }

    static func input(_ detail: String) -> SigningError {
        SigningError(code: "input_non_valido", message: detail)
    }

    static func timestamp(_ detail: String) -> SigningError {
        SigningError(code: "marca_temporale", message: "Marca temporale non ottenuta: \(detail).")
    }

    static func crypto(_ detail: String) -> SigningError {
        SigningError(code: "errore_crittografico", message: "Operazione crittografica non riuscita: \(detail).")
    }

    static func io(_ path: String, _ detail: String) -> SigningError {
        SigningError(code: "file", message: "Impossibile accedere al file \(path): \(detail).")
    }
}
