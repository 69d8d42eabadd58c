import ArgumentParser
import Foundation
import Signing

extension ActsCommand {
    /// `acts sign`: signs many files in one run (firma massiva) with a PKCS#12 file or a PKCS#11 token.
    struct SignCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sign",
            abstract: "Firma digitale CAdES o XAdES di uno o più documenti (firma massiva), con chiave in file PKCS#12 o su dispositivo PKCS#11.",
            discussion: """
            Uscite: CARTELLA/<nome>.p7m (cades), <nome>.p7s (cades-detached), <nome> (xades, firma inclusa nell'XML), \
            <nome>.xades.xml (xades-detached). Una riga JSON per file su standard output; avanzamento su standard error. \
            Con --add-to o --countersign il file esistente viene firmato di nuovo (stesso nome nella cartella di uscita); \
            per una firma staccata il documento va indicato come FILE.
            """)

        @Option(help: ArgumentHelp("Formato: cades, cades-detached, xades, xades-detached.", valueName: "formato"))
        var format: String
        @Option(help: ArgumentHelp("File PKCS#12 (.p12/.pfx) con chiave e certificato.", valueName: "file.p12")) var key: String?
        @Option(name: .customLong("password-env"), help: ArgumentHelp("Variabile d'ambiente con la password del file PKCS#12.", valueName: "VAR"))
        var passwordEnv: String?
        @Option(name: .customLong("pkcs11-module"), help: ArgumentHelp("Libreria PKCS#11 del dispositivo (es. /usr/lib/softhsm/libsofthsm2.so).", valueName: "lib"))
        var pkcs11Module: String?
        @Option(name: .customLong("pkcs11-uri"), help: ArgumentHelp("URI pkcs11: della chiave privata.", valueName: "uri")) var pkcs11URI: String?
        @Option(name: .customLong("pin-env"), help: ArgumentHelp("Variabile d'ambiente con il PIN del dispositivo.", valueName: "VAR"))
        var pinEnv: String?
        @Option(help: ArgumentHelp("Certificato del firmatario (PEM/DER) se non è sul dispositivo.", valueName: "pem")) var cert: String?
        @Option(help: ArgumentHelp("Certificati intermedi da includere nella firma (PEM).", valueName: "pem")) var chain: String?
        @Option(help: ArgumentHelp("URL del servizio di marcatura temporale RFC 3161 (CAdES-T).", valueName: "url")) var tsa: String?
        @Option(name: .customLong("add-to"), help: ArgumentHelp("Aggiunge una firma parallela a questo file .p7m/.p7s.", valueName: "file"))
        var addTo: String?
        @Option(help: ArgumentHelp("Controfirma le firme di questo file .p7m/.p7s.", valueName: "file")) var countersign: String?
        @Option(help: ArgumentHelp("Cartella di uscita.", valueName: "cartella")) var out: String
        @Option(help: ArgumentHelp("Documenti firmati in parallelo (predefinito: numero di processori).", valueName: "n")) var jobs: Int?
        @Argument(help: ArgumentHelp("Documenti da firmare.", valueName: "file")) var files: [String] = []

        func validate() throws {
            guard let parsed = BatchSigner.Format(rawValue: format) else {
                throw ValidationError("Formato «\(format)» sconosciuto: usare cades, cades-detached, xades o xades-detached.")
            }
            if (key == nil) == (pkcs11Module == nil) {
                throw ValidationError("Indicare la chiave: --key FILE.p12 --password-env VAR oppure --pkcs11-module LIB --pkcs11-uri URI --pin-env VAR.")
            }
            if key != nil && passwordEnv == nil { throw ValidationError("Con --key indicare --password-env VAR (la password non va scritta sulla riga di comando).") }
            if pkcs11Module != nil && (pkcs11URI == nil || pinEnv == nil) { throw ValidationError("Con --pkcs11-module indicare --pkcs11-uri e --pin-env.") }
            if addTo != nil && countersign != nil { throw ValidationError("Usare --add-to oppure --countersign, non entrambi.") }
            if (addTo != nil || countersign != nil) && !(parsed == .cades || parsed == .cadesDetached) {
                throw ValidationError("Firma parallela e controfirma sono disponibili per i formati cades e cades-detached.")
            }
            if addTo == nil && countersign == nil && files.isEmpty { throw ValidationError("Indicare almeno un documento da firmare.") }
            if tsa != nil && !(parsed == .cades || parsed == .cadesDetached) { throw ValidationError("La marca temporale (--tsa) è disponibile per CAdES.") }
            if let tsa, URL(string: tsa)?.scheme?.hasPrefix("http") != true { throw ValidationError("URL del servizio di marcatura non valido: «\(tsa)».") }
        }

        func run() async throws {
            let signingKey: SigningKey
            do {
                signingKey = try loadKey()
            } catch {
                FileHandle.standardError.write(Data("\(error.message)\n".utf8))
                throw ExitCode(2)
            }
            let outputDirectory = URL(fileURLWithPath: out)
            try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
            let batchFormat = BatchSigner.Format(rawValue: format)!
            var operation = BatchSigner.Operation.sign
            var jobs: [BatchSigner.Job]
            if let existing = addTo ?? countersign {
                let source = URL(fileURLWithPath: existing)
                operation = addTo != nil ? .addSignature(content: files.first.map { URL(fileURLWithPath: $0) }) : .countersign
                jobs = [BatchSigner.Job(input: source, output: outputDirectory.appendingPathComponent(source.lastPathComponent))]
            } else {
                jobs = files.map { file in
                    let input = URL(fileURLWithPath: file)
                    return BatchSigner.Job(input: input, output: outputDirectory.appendingPathComponent(batchFormat.outputName(for: input.lastPathComponent)))
                }
            }
            let signer = BatchSigner(key: signingKey, format: batchFormat, operation: operation,
                                     timestamp: tsa.flatMap(URL.init(string:)).map { TimestampClient(url: $0) },
                                     concurrency: self.jobs ?? ProcessInfo.processInfo.activeProcessorCount)
            let total = jobs.count
            let progress = ProgressLine(total: total)
            let results = await signer.run(jobs, progress: { result, done in
                FileHandle.standardOutput.write(Data((Self.jsonLine(result, signer: signingKey.certificate.subjectCN, format: batchFormat) + "\n").utf8))
                progress.update(done)
            })
            progress.finish(failed: results.filter { $0.error != nil }.count)
            if results.contains(where: { $0.error != nil }) { throw ExitCode(1) }
        }

        private func loadKey() throws(SigningError) -> SigningKey {
            if let key {
                guard let password = ProcessInfo.processInfo.environment[passwordEnv ?? ""] else {
                    throw SigningError(code: "pin_assente", message: "Variabile d'ambiente \(passwordEnv ?? "") non impostata: contiene la password della chiave.")
                }
                return try SigningKey.pkcs12(path: key, password: password)
            }
            guard let pin = ProcessInfo.processInfo.environment[pinEnv ?? ""] else {
                throw SigningError(code: "pin_assente", message: "Variabile d'ambiente \(pinEnv ?? "") non impostata: contiene il PIN del dispositivo.")
            }
            let certificate = try cert.map { path throws(SigningError) in try Certificate.load(try TrustStore.read(path)).first! }
            let chainCertificates = try chain.map { path throws(SigningError) in try Certificate.load(try TrustStore.read(path)) } ?? []
            return try SigningKey.pkcs11(module: pkcs11Module!, uri: pkcs11URI!, pin: pin, certificate: certificate, chain: chainCertificates)
        }

        static func jsonLine(_ result: BatchSigner.Result, signer: String, format: BatchSigner.Format) -> String {
            var object: [String: String] = ["file": result.job.input.path, "format": format.rawValue]
            if let error = result.error {
                object["errore"] = error.code
                object["messaggio"] = error.message
            } else {
                object["output"] = result.job.output.path
                object["sha256"] = result.outputSHA256
                object["signer_cn"] = signer
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let text = (try? String(decoding: encoder.encode(object), as: UTF8.self)) ?? "{}"
            return result.error == nil ? String(text.dropLast()) + ",\"ok\":true}" : String(text.dropLast()) + ",\"ok\":false}"
        }
    }
}
