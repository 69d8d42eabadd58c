import CXMLSec
import Foundation
import Testing
import Workflow
@testable import Signing

/// The segnatura di protocollo (AgID All. 6, XSD 3.0.0): built by ``Segnatura``, sealed with
/// XAdES-B-B, validated against the AgID schema by ``XMLSchemaValidator`` and by `xmllint`, and
/// read back by ``IncomingSegnatura``.
@Suite("Segnatura di protocollo")
struct SegnaturaTests {
    static let schemaPath = XAdESFixtures.packageRoot
        .appendingPathComponent("Tests/SigningTests/Fixtures/agid-segnatura/segnatura_protocollo.xsd").path
    static let validator: XMLSchemaValidator = try! XMLSchemaValidator(schemaPath: schemaPath)
    static let signingTime = Date(timeIntervalSince1970: 1_795_429_140)  // 2026-11-23T10:19:00Z

    static let primary = Array("%PDF-1.7 esito istanza contributo (busta p7m simulata)".utf8)
    static let attachment = Array("%PDF-1.7 allegato A: prospetto di calcolo".utf8)
    static let files = ["esito.pdf.p7m": primary, "allegato \"A\" & calcolo.pdf": attachment]
    static let aoo = SegnaturaAOO(codiceIPA: "c_e648", denominazione: "Comune di Lodi", codiceAOO: "A1B2C3D",
                                  denominazioneAOO: "Comune di Lodi - AOO unica", indirizzoTelematico: "comune.lodi@pec.regione.lombardia.it")

    static func file(_ name: String, _ content: [UInt8], _ mime: String) -> RegisteredFile {
        RegisteredFile(nome: name, mimeType: mime, impronta: DigestAlgorithm.sha256.hash(content).map { String(format: "%02x", $0) }.joined(),
                       dimensione: Int64(content.count))
    }

    /// A protocol registration in partenza to a citizen (with CF and PEC) and to INPS.
    static func registration(direzione: FlowDirection = .partenza, at instant: Date = signingTime,
                             data: CivilDate = CivilDate(year: 2026, month: 11, day: 23)!, classifica: String? = "VII.12") -> Registration {
        let input = RegistrationInput(
            direzione: direzione,
            oggetto: "Esito istanza \"contributo affitto\" & utenze <2026> — nucleo Città",
            mittenti: [Correspondent(tipo: .personaGiuridica, denominazione: "Cooperativa Sociale L'Arca & C.")],
            destinatari: [
                Correspondent(tipo: .personaFisica, denominazione: "Maria De Luca", codiceFiscale: "DLCMRA80A41F205X",
                              indirizzoTelematico: "maria.deluca@pec.it"),
                Correspondent(tipo: .amministrazione, denominazione: "INPS - Direzione provinciale di Lodi", codiceFiscale: "80078750587",
                              indirizzoTelematico: "direzione.provinciale.lodi@postacert.inps.gov.it", codiceAmministrazione: "inps",
                              codiceAOO: "AOO_INPS"),
            ],
            classifica: classifica, fascicolo: "2026-VII.12/0003", riservato: true,
            allegati: [file("esito.pdf.p7m", primary, "application/pkcs7-mime"), file("allegato \"A\" & calcolo.pdf", attachment, "application/pdf")])
        return Registration(id: 1, enteID: 1, aoo: "AOO_DEMO", registro: .protocolloGenerale, anno: data.year, numero: 42,
                            registrataIl: instant, data: data, input: input, operatoreID: 7)
    }

    static func unsealed(_ registration: Registration = registration()) throws -> String {
        try Segnatura.xml(for: registration, aoo: aoo, denominazioneClassifica: "Assistenza, benefici economici")
    }

    static func seal(_ xml: String) throws -> [UInt8] {
        try XAdESSigner.signEnveloped(xml: Array(xml.utf8), key: SampleSet.key("mario-rossi"), signingTime: signingTime)
    }

    /// `xmllint --noout --nonet --schema` on `bytes` (libxml2-utils, installed by the setup script).
    static func xmllint(_ bytes: [UInt8]) throws -> ToolRun {
        let path = try SampleSet.temporaryFile(bytes, name: "Segnatura.xml")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        return try ToolRun.run("/usr/bin/xmllint", ["--noout", "--nonet", "--schema", schemaPath, path])
    }

    @Test func builderWritesTheSchemaStructureEscaped() throws {
        let xml = try Self.unsealed()
        for expected in [
            "<prot:SegnaturaInformatica xmlns:prot=\"http://www.agid.gov.it/protocollo/\" prot:versione=\"3.0.0\" prot:lang=\"it\">",
            "<prot:CodiceAmministrazione prot:descrizione=\"Comune di Lodi\">c_e648</prot:CodiceAmministrazione>",
            "<prot:CodiceRegistro>PG</prot:CodiceRegistro>", "<prot:NumeroRegistrazione>0000042</prot:NumeroRegistrazione>",
            "<prot:DataRegistrazione>2026-11-23</prot:DataRegistrazione>", "<prot:OraRegistrazione>11:19:00+01:00</prot:OraRegistrazione>",
            "<prot:Oggetto>Esito istanza \"contributo affitto\" &amp; utenze &lt;2026&gt; — nucleo Città</prot:Oggetto>",
            "<prot:CodiceFlat>VII.12</prot:CodiceFlat>", "<prot:CodiceFascicolo>2026-VII.12/0003</prot:CodiceFascicolo>",
            "<prot:Riservato>true</prot:Riservato>", "<prot:Nome>Maria</prot:Nome>", "<prot:Cognome>De Luca</prot:Cognome>",
            "<prot:CodiceFiscale>DLCMRA80A41F205X</prot:CodiceFiscale>", "<prot:Destinatario prot:confermaRicezione=\"false\">",
            "<prot:CFAmministrazione>80078750587</prot:CFAmministrazione>", "<prot:CodiceIPAAOO>AOO_INPS</prot:CodiceIPAAOO>",
            "prot:nomeFile=\"allegato &quot;A&quot; &amp; calcolo.pdf\" prot:mimeType=\"application/pdf\"",
            "<prot:Impronta>\(Data(DigestAlgorithm.sha256.hash(Self.primary)).base64EncodedString())</prot:Impronta>",
            "<prot:UnDetached>true</prot:UnDetached>",
        ] {
            #expect(xml.contains(expected), "\(expected)")
        }
        #expect(!xml.contains("prot:algoritmo"))
        #expect(!xml.contains("Cooperativa"), "a partenza's mittente is the AOO itself")
        // The order of Descrizione: Mittente (the AOO), Destinatario ×2, DocumentoPrimario, Allegato.
        let order = ["<prot:Mittente>", "<prot:CodiceIPAAOO prot:descrizione=\"Comune di Lodi - AOO unica\">A1B2C3D<",
                     "<prot:Destinatario", "<prot:Destinatario>", "<prot:DocumentoPrimario", "<prot:Allegato"]
        let positions = order.map { xml.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }

    @Test func summerTimeAndDayMismatchAreHandled() throws {
        let july = Self.registration(at: Date(timeIntervalSince1970: 1_783_378_800), data: CivilDate(year: 2026, month: 7, day: 7)!)
        #expect(try Self.unsealed(july).contains("<prot:OraRegistrazione>01:00:00+02:00</prot:OraRegistrazione>"))  // 2026-07-06T23:00Z
        let recovered = Self.registration(data: CivilDate(year: 2026, month: 11, day: 24)!)
        #expect(!(try Self.unsealed(recovered)).contains("OraRegistrazione"))
    }

    @Test func builderRefusesWhatTheSchemaRequires() throws {
        let error = #expect(throws: WorkflowError.self) { try Self.unsealed(Self.registration(classifica: nil)) }
        #expect(error?.fields.map(\.field) == ["classifica"])
    }

    @Test func sealedSegnaturaIsValidForUsAndForXmllint() throws {
        let sealed = try Self.seal(try Self.unsealed())
        #expect(Self.validator.validate(sealed) == [])
        let report = XAdESVerifier.verify(xml: sealed, detachedContent: nil, trust: try XAdESFixtures.trustStore(),
                                          at: try XAdESFixtures.validationTime(), now: Date())
        #expect(report.isValid, "\(report.signatures.map(\.errors))")
        do {
            let run = try Self.xmllint(sealed)
            #expect(run.status == 0, "xmllint: \(run.errors)")
            #expect(run.errors.contains("validates"))
        }
        let arrivo = try Self.seal(try Self.unsealed(Self.registration(direzione: .arrivo)))
        #expect(Self.validator.validate(arrivo) == [])
        #expect(String(decoding: arrivo, as: UTF8.self).contains("<prot:Denominazione>Cooperativa Sociale L'Arca &amp; C.</prot:Denominazione>"))
    }

    @Test func unsealedSegnaturaFailsOnlyForTheMissingSignature() throws {
        let messages = Self.validator.validate(Array(try Self.unsealed().utf8))
        #expect(messages.count == 1, "\(messages)")
        #expect(messages.first?.contains("Signature") == true, "\(messages)")
        #expect(messages.first?.hasPrefix("riga ") == true, "\(messages)")
    }

    @Test(arguments: [
        ("<prot:NumeroRegistrazione>0000042<", "<prot:NumeroRegistrazione>000042<", "NumeroRegistrazione"),
        ("prot:versione=\"3.0.0\"", "versione=\"3.0.0\"", "versione"),
        ("<prot:CodiceRegistro>PG<", "<prot:CodiceRegistro>P G<", "CodiceRegistro"),
    ])
    func brokenSegnaturaFails(original: String, broken: String, mentioned: String) throws {
        let xml = try Self.unsealed()
        #expect(xml.contains(original))
        let sealed = try Self.seal(xml.replacingOccurrences(of: original, with: broken))
        let messages = Self.validator.validate(sealed)
        #expect(!messages.isEmpty)
        #expect(messages.contains { $0.contains(mentioned) }, "\(messages)")
        do {
            let run = try Self.xmllint(sealed)
            #expect(run.status != 0)
            #expect(run.errors.contains(mentioned), "\(run.errors)")
        }
    }

    @Test func incomingSegnaturaIsReadAndChecked() throws {
        let sealed = try Self.seal(try Self.unsealed())
        let incoming = try IncomingSegnatura(bytes: sealed)
        #expect(incoming.identificatore.codiceAmministrazione == "c_e648")
        #expect(incoming.identificatore.codiceAOO == "A1B2C3D")
        #expect(incoming.identificatore.codiceRegistro == "PG")
        #expect(incoming.identificatore.numeroRegistrazione == "0000042")
        #expect(incoming.identificatore.dataRegistrazione == "2026-11-23")
        #expect(incoming.oggetto == "Esito istanza \"contributo affitto\" & utenze <2026> — nucleo Città")
        #expect(incoming.documenti.map(\.nomeFile) == ["esito.pdf.p7m", "allegato \"A\" & calcolo.pdf"])
        #expect(incoming.documenti.map(\.primario) == [true, false])
        #expect(incoming.documenti.map(\.algoritmo) == ["SHA-256", "SHA-256"])
        #expect(incoming.documenti.first?.mimeType == "application/pkcs7-mime")
        #expect(incoming.firmata)

        #expect(incoming.check(files: Self.files, validator: Self.validator) == [])

        var tampered = Self.files
        tampered["esito.pdf.p7m"]?[0] ^= 1
        #expect(incoming.check(files: tampered, validator: Self.validator).map(\.code) == [.improntaDiversa])
        #expect(incoming.check(files: tampered, validator: nil).first?.file == "esito.pdf.p7m")

        var missing = Self.files
        missing["allegato \"A\" & calcolo.pdf"] = nil
        #expect(incoming.check(files: missing, validator: Self.validator).map(\.code) == [.documentoMancante])

        var extra = Self.files
        extra["non-dichiarato.pdf"] = Array("x".utf8)
        let anomalies = incoming.check(files: extra, validator: Self.validator)
        #expect(anomalies.map(\.code) == [.documentoNonDichiarato])
        #expect(anomalies.first?.message.contains("non-dichiarato.pdf") == true)
    }

    @Test func unsealedIncomingSegnaturaReportsSchemaAndSignature() throws {
        let incoming = try IncomingSegnatura(bytes: Array(try Self.unsealed().utf8))
        #expect(!incoming.firmata)
        let codes = incoming.check(files: Self.files, validator: Self.validator).map(\.code)
        #expect(codes == [.schemaNonValido, .firmaAssente])
        #expect(incoming.check(files: Self.files, validator: nil).map(\.code) == [.firmaAssente])
    }

    @Test func unsupportedAlgorithmIsReported() throws {
        let xml = try Self.unsealed().replacingOccurrences(of: "<prot:Impronta>", with: "<prot:Impronta prot:algoritmo=\"SHA-1\">")
        let incoming = try IncomingSegnatura(bytes: try Self.seal(xml))
        let anomalies = incoming.check(files: Self.files, validator: Self.validator)
        #expect(anomalies.map(\.code) == [.algoritmoNonSupportato, .algoritmoNonSupportato])
        #expect(IncomingSegnatura.digestAlgorithm("http://www.w3.org/2001/04/xmlenc#sha512") == .sha512)
        #expect(IncomingSegnatura.digestAlgorithm("sha-384") == .sha384)
    }

    @Test func hostileXMLIsRefused() throws {
        let hostile = Array("""
            <?xml version="1.0"?>
            <!DOCTYPE prot:SegnaturaInformatica [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa">]>
            <prot:SegnaturaInformatica xmlns:prot="http://www.agid.gov.it/protocollo/" prot:versione="3.0.0" prot:lang="it">&xxe;&a;</prot:SegnaturaInformatica>
            """.utf8)
        let error = #expect(throws: SigningError.self) { try IncomingSegnatura(bytes: hostile) }
        #expect(error?.code == "segnatura_non_leggibile")
        #expect(error?.message.contains("DOCTYPE") == true, "\(String(describing: error))")
        let messages = Self.validator.validate(hostile)
        #expect(messages.count == 1 && messages[0].contains("DOCTYPE"), "\(messages)")
        #expect(throws: SigningError.self) { try IncomingSegnatura(bytes: Array("<Segnatura/>".utf8)) }
        #expect(throws: SigningError.self) { try IncomingSegnatura(bytes: Array("<prot:x".utf8)) }
    }

    @Test func schemaLoadingIsLocalAndFailuresAreReported() throws {
        #expect(throws: SigningError.self) { try XMLSchemaValidator(schemaPath: "/nonexistent/schema.xsd") }
        let remote = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:r="urn:remote" targetNamespace="urn:t" elementFormDefault="qualified">
              <xs:import namespace="urn:remote" schemaLocation="http://192.0.2.1/remote.xsd"/>
              <xs:element name="T"><xs:complexType><xs:sequence><xs:element ref="r:Remote"/></xs:sequence></xs:complexType></xs:element>
            </xs:schema>
            """
        let path = try SampleSet.temporaryFile(Array(remote.utf8), name: "remote.xsd")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let started = Date()
        let error = #expect(throws: SigningError.self) { try XMLSchemaValidator(schemaPath: path) }
        #expect(error?.message.contains("Attempt to load network entity http://192.0.2.1/remote.xsd") == true, "\(String(describing: error))")
        #expect(Date().timeIntervalSince(started) < 5, "no network attempt")
    }

    @Test func oneShotCValidationReportsValidityAndMessages() throws {
        func run(_ bytes: [UInt8], schema: String = Self.schemaPath) -> (Int32, String) {
            var parse = CXMLSecParseResult()
            var messages: UnsafeMutablePointer<CChar>? = nil
            let status = bytes.withUnsafeBytes { raw in
                CXMLSec_validateWithSchemaFile(schema, raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count, &parse, &messages)
            }
            defer { CXMLSec_freeBuffer(messages) }
            return (status, messages.map { String(cString: $0) } ?? "")
        }
        let sealed = try Self.seal(try Self.unsealed())
        #expect(run(sealed) == (1, ""))
        let (invalid, messages) = run(Array(try Self.unsealed().utf8))
        #expect(invalid == 0)
        #expect(messages.hasPrefix("riga 2: ") && messages.contains("Signature"), "\(messages)")
        #expect(run(Array("<!DOCTYPE a []><a/>".utf8)).0 == -1)
        #expect(run(sealed, schema: "/nonexistent.xsd").0 == -2)
    }

    @Test func oneValidatorServesConcurrentValidations() async throws {
        let sealed = try Self.seal(try Self.unsealed())
        let unsealed = Array(try Self.unsealed().utf8)
        let results = await withTaskGroup(of: (Bool, Int).self) { group in
            for index in 0..<16 {
                group.addTask { (index % 2 == 0, Self.validator.validate(index % 2 == 0 ? sealed : unsealed).count) }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 16)
        #expect(results.allSatisfy { $0.0 ? $0.1 == 0 : $0.1 == 1 })
    }
}
