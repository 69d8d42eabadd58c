/// The 15 states a procedure can show (scenario README §4).
public enum ProcedureState: String, Sendable, Hashable, Codable, CaseIterable {
    case presentata
    case avviata
    case istruttoria
    case sospesaIntegrazione = "sospesa_integrazione"
    case preavviso10bis = "preavviso_10bis"
    case proposta
    case accelerataProvvisoria = "accelerata_provvisoria"
    case decisaAccolta = "decisa_accolta"
    case decisaParziale = "decisa_parziale"
    case decisaRespinta = "decisa_respinta"
    case revocata
    case archiviataRinuncia = "archiviata_rinuncia"
    case conclusaSilenzioAssenso = "conclusa_silenzio_assenso"
    case inadempiente
    case potereSostitutivo = "potere_sostitutivo"

    /// Italian label for lists and pages.
    public var label: String {
        switch self {
        case .presentata: "Presentata"
        case .avviata: "Avviata"
        case .istruttoria: "In istruttoria"
        case .sospesaIntegrazione: "Sospesa per integrazione"
        case .preavviso10bis: "Preavviso di rigetto"
        case .proposta: "Proposta di determinazione"
        case .accelerataProvvisoria: "Misura urgente provvisoria"
        case .decisaAccolta: "Accolta"
        case .decisaParziale: "Accolta in parte"
        case .decisaRespinta: "Respinta"
        case .revocata: "Misura urgente revocata"
        case .archiviataRinuncia: "Archiviata per rinuncia"
        case .conclusaSilenzioAssenso: "Accolta per silenzio-assenso"
        case .inadempiente: "Termine scaduto"
        case .potereSostitutivo: "Potere sostitutivo"
        }
    }

    /// Whether the state closes the procedure.
    public var isClosing: Bool {
        [.decisaAccolta, .decisaParziale, .decisaRespinta, .revocata, .archiviataRinuncia, .conclusaSilenzioAssenso].contains(self)
    }
}
