import Foundation

extension IncomingSegnatura {
    /// Checks the segnatura against the received files and, when a validator is given, against
    /// the AgID schema; returns every anomaly found (empty: nothing to report).
    ///
    /// `files` maps each received file name (as the segnatura's `prot:nomeFile` names it) to its
    /// content, the segnatura itself excluded. The checks, in the order reported:
    /// `SCHEMA_NON_VALIDO` (one per schema diagnostic), `FIRMA_ASSENTE` (presence of
    /// `ds:Signature` only: verify it with ``SignatureVerifier``), then for each declared document
    /// `ALGORITMO_NON_SUPPORTATO`, `DOCUMENTO_MANCANTE` or `IMPRONTA_DIVERSA`, and last
    /// `DOCUMENTO_NON_DICHIARATO` for received files not declared (by name).
    public func check(files: [String: [UInt8]], validator: XMLSchemaValidator?) -> [Anomaly] {
        var anomalies: [Anomaly] = []
        if let validator {
            for message in validator.validate(xml) {
                anomalies.append(Anomaly(code: .schemaNonValido, message: "La segnatura non è conforme allo schema AgID (All. 6): \(message)"))
            }
        }
        if !firmata {
            anomalies.append(Anomaly(code: .firmaAssente,
                                     message: "La segnatura non è sigillata: manca la firma XML (ds:Signature) dell'AOO mittente richiesta dall'All. 6 delle Linee guida AgID."))
        }
        for documento in documenti {
            let name = documento.nomeFile
            let algorithm = Self.digestAlgorithm(documento.algoritmo)
            if algorithm == nil {
                anomalies.append(Anomaly(code: .algoritmoNonSupportato,
                                         message: "L'impronta del file «\(name)» usa l'algoritmo «\(documento.algoritmo)», non supportato (ammessi SHA-224, SHA-256, SHA-384, SHA-512): il file non può essere verificato.",
                                         file: name))
            }
            guard let content = files[name] else {
                anomalies.append(Anomaly(code: .documentoMancante,
                                         message: "Il file «\(name)», dichiarato nella segnatura, non è stato ricevuto.", file: name))
                continue
            }
            guard let algorithm else { continue }
            guard let declared = XMLBase64.strict(documento.impronta) else {
                anomalies.append(Anomaly(code: .improntaDiversa,
                                         message: "L'impronta dichiarata per il file «\(name)» non è in base64 valido: impossibile confrontarla con il file ricevuto.",
                                         file: name))
                continue
            }
            if algorithm.hash(content) != declared {
                anomalies.append(Anomaly(code: .improntaDiversa,
                                         message: "L'impronta \(documento.algoritmo) del file «\(name)» non corrisponde a quella dichiarata nella segnatura: il file ricevuto è diverso da quello protocollato dal mittente.",
                                         file: name))
            }
        }
        let declaredNames = Set(documenti.map(\.nomeFile))
        for name in files.keys.sorted() where !declaredNames.contains(name) {
            anomalies.append(Anomaly(code: .documentoNonDichiarato,
                                     message: "Il file «\(name)» è stato ricevuto ma non è dichiarato nella segnatura.", file: name))
        }
        return anomalies
    }

    /// The algorithms of All. 6 Table 1 that need no key: by name (`SHA-256`, `SHA256`) or by
    /// XML-DSig/XML-Enc URI. HMAC variants, SHA-1 and MD5 are not supported.
    static func digestAlgorithm(_ name: String) -> DigestAlgorithm? {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let supported: [DigestAlgorithm] = [.sha224, .sha256, .sha384, .sha512]
        if let byURI = DigestAlgorithm(xmlURI: trimmed) { return supported.contains(byURI) ? byURI : nil }
        switch trimmed.uppercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "") {
        case "SHA224": return .sha224
        case "SHA256": return .sha256
        case "SHA384": return .sha384
        case "SHA512": return .sha512
        default: return nil
        }
    }
}
