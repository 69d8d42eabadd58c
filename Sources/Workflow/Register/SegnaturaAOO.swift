/// The registering administration and AOO as the segnatura names them (AgID All. 6 §2.1.1): the
/// IPA codes emitted in `Identificatore` and in the `Mittente` of a document in partenza.
public struct SegnaturaAOO: Sendable, Hashable, Codable {
    /// Codice IPA of the administration (e.g. `c_e648`): `CodiceAmministrazione`.
    public var codiceIPA: String
    /// Denominazione of the administration (e.g. `Comune di Lodi`).
    public var denominazione: String
    /// Codice IPA of the AOO: from 1/1/2022 the `Codice_uni_aoo` (7 characters, first `A`), not the
    /// per-ente `cod_aoo`. It may differ from ``Registration/aoo``, the local key of the register.
    public var codiceAOO: String
    /// Denominazione of the AOO (e.g. `Area organizzativa omogenea del Comune di Lodi`).
    public var denominazioneAOO: String
    /// Domicilio digitale (PEC) of the AOO, written as its `IndirizzoTelematico` when present.
    public var indirizzoTelematico: String?

    /// The administration and AOO data; codes are emitted as given (trimmed).
    public init(codiceIPA: String, denominazione: String, codiceAOO: String, denominazioneAOO: String,
                indirizzoTelematico: String? = nil) {
        self.codiceIPA = codiceIPA
        self.denominazione = denominazione
        self.codiceAOO = codiceAOO
        self.denominazioneAOO = denominazioneAOO
        self.indirizzoTelematico = indirizzoTelematico
    }
}
