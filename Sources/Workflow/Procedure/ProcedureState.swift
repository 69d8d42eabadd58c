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
}
