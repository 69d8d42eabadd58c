/// Stable codes of a verification report, the same as the independent checker's
/// (`signature-samples/README.md`), each with an Italian explanation.
public enum VerificationCode: String, Sendable, Codable, CaseIterable, Comparable {
    // Document level.
    case formatUnknown = "FORMAT_UNKNOWN"
    case cmsMalformed = "CMS_MALFORMED"
    case xmlMalformed = "XML_MALFORMED"
    case contentMissing = "CONTENT_MISSING"
    case noSignature = "NO_SIGNATURE"
    case internalError = "INTERNAL_ERROR"
    // Signature level.
    case digestMismatch = "DIGEST_MISMATCH"
    case signedPropertiesDigestMismatch = "SIGNED_PROPERTIES_DIGEST_MISMATCH"
    case signatureInvalid = "SIGNATURE_INVALID"
    case signerCertNotFound = "SIGNER_CERT_NOT_FOUND"
    case signingCertV2Missing = "SIGNING_CERT_V2_MISSING"
    case signingCertV2Mismatch = "SIGNING_CERT_V2_MISMATCH"
    case signedPropertiesMissing = "SIGNED_PROPERTIES_MISSING"
    case weakDigestAlgorithm = "WEAK_DIGEST_ALGORITHM"
    case certExpired = "CERT_EXPIRED"
    case certNotYetValid = "CERT_NOT_YET_VALID"
    case certRevoked = "CERT_REVOKED"
    case revocationUnknown = "REVOCATION_UNKNOWN"
    case chainUntrusted = "CHAIN_UNTRUSTED"
    case chainInvalid = "CHAIN_INVALID"
    case keyUsageNoNonRepudiation = "KEY_USAGE_NO_NON_REPUDIATION"
    case timestampInvalid = "TIMESTAMP_INVALID"

    /// Document-level codes after which there is no verdict (exit status 2).
    public var isFatal: Bool {
        switch self {
        case .formatUnknown, .cmsMalformed, .xmlMalformed, .contentMissing, .internalError: true
        default: false
        }
    }

    /// What the code means, in Italian, for the person reading the report.
    public var message: String {
        switch self {
        case .formatUnknown: "Il file non è un documento firmato riconoscibile (né CAdES/CMS né XML con firma XAdES)."
        case .cmsMalformed: "La busta CMS (.p7m/.p7s) è danneggiata o troncata e non può essere letta."
        case .xmlMalformed: "Il documento XML non è ben formato o contiene costrutti non ammessi (DTD, entità)."
        case .contentMissing: "Firma staccata (detached): manca il documento firmato; indicarlo con --content."
        case .noSignature: "Il file non contiene alcuna firma."
        case .internalError: "Errore interno durante la verifica; segnalare il file all'assistenza."
        case .digestMismatch: "Il documento è stato modificato dopo la firma (impronta non corrispondente)."
        case .signedPropertiesDigestMismatch: "Le proprietà firmate (data e certificato di firma) sono state alterate dopo la firma."
        case .signatureInvalid: "Il valore della firma non è verificabile con la chiave pubblica del firmatario."
        case .signerCertNotFound: "Il certificato del firmatario non è presente nella firma."
        case .signingCertV2Missing: "Manca l'attributo signing-certificate-v2 richiesto per CAdES/XAdES."
        case .signingCertV2Mismatch: "L'attributo signing-certificate-v2 non corrisponde al certificato del firmatario."
        case .signedPropertiesMissing: "XAdES: le SignedProperties mancano, non sono firmate o non sono legate alla firma."
        case .weakDigestAlgorithm: "Algoritmo di hash debole (MD5, SHA-1 o SHA-224): non ammesso per nuove firme."
        case .certExpired: "Il certificato del firmatario era scaduto alla data di verifica o alla data di firma dichiarata."
        case .certNotYetValid: "Il certificato del firmatario non era ancora valido alla data di verifica o di firma."
        case .certRevoked: "Il certificato del firmatario risulta revocato (CRL)."
        case .revocationUnknown: "Stato di revoca non determinabile: nessuna CRL valida dell'emittente del certificato."
        case .chainUntrusted: "Il certificato non discende da un'autorità di certificazione attendibile."
        case .chainInvalid: "La catena di certificazione è presente ma non valida (firma della CA, vincoli o scadenza della CA)."
        case .keyUsageNoNonRepudiation: "Il certificato non ha l'uso chiave «non ripudio»: non è un certificato di firma qualificata."
        case .timestampInvalid: "La marca temporale non è valida, non è attendibile o non riguarda questa firma."
        }
    }

    public static func < (lhs: VerificationCode, rhs: VerificationCode) -> Bool { lhs.rawValue < rhs.rawValue }
}
