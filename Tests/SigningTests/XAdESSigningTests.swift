import Foundation
import Testing
@testable import Signing

/// Signatures made by ``XAdESSigner`` with the corpus keys (RSA and ECDSA), enveloped and
/// detached: accepted by our verifier, by `xmlsec1 --verify` and by the reference checker,
/// and rejected by our verifier once the data or the signed properties are changed.
@Suite("XAdES: firma")
struct XAdESSigningTests {
    static let signers = ["mario-rossi", "anna-bianchi"]

    /// An act with what canonicalisation must get right: default and prefixed namespaces, a
    /// foreign `ds` prefix, accents, entities, CDATA, comments, a processing instruction.
    static let act = Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <?xml-stylesheet type="text/xsl" href="atto.xsl"?>
        <!-- atto generato per i test -->
        <Atto xmlns="urn:example:atti:1.0" xmlns:ds="urn:esempio:non-xmldsig" tipo="DETERMINAZIONE">
          <Ente codiceIPA="c_e648">Comune di Lodi &amp; Unione dei comuni</Ente>
          <!-- commento interno -->
          <Oggetto>Contributo per l'affitto — nucleo «Colombo», Città di Lodi</Oggetto>
          <ds:Nota><![CDATA[importo <provvisorio>]]></ds:Nota>
          <Dispositivo><Beneficiario>Chiara Colombo</Beneficiario><Importo valuta="EUR">162.01</Importo></Dispositivo>
        </Atto>
        """.utf8)

    static let signingTime = Date(timeIntervalSince1970: 1_795_429_140)  // 2026-11-23T10:19:00Z

    static func verify(_ xml: [UInt8], content: [UInt8]? = nil) throws -> VerificationReport {
        XAdESVerifier.verify(xml: xml, detachedContent: content, trust: try XAdESFixtures.trustStore(),
                             at: try XAdESFixtures.validationTime(), now: Date())
    }

    @Test(arguments: signers)
    func envelopedSignatureIsValidForUsXmlsecAndTheChecker(signer: String) throws {
        let key = try XAdESFixtures.key(signer)
        let signed = try XAdESSigner.signEnveloped(xml: Self.act, key: key, signingTime: Self.signingTime)
        let report = try Self.verify(signed)
        #expect(report.isValid, "\(report.signatures.map(\.errors))")
        #expect(report.format == "xades")
        #expect(report.signatures.map(\.signerCN) == [try XAdESFixtures.commonName(signer)])
        #expect(report.signatures.first?.signingTime == Self.signingTime)
        #expect(report.signatures.first?.signatureAlgorithm == key.xmlSignatureMethod)
        #expect(report.contentSHA256 == hexString(DigestAlgorithm.sha256.hash(signed)))
        let text = String(decoding: signed, as: UTF8.self)
        for kept in ["<![CDATA[importo <provvisorio>]]>", "<!-- commento interno -->", "<?xml-stylesheet type=\"text/xsl\" href=\"atto.xsl\"?>",
                     "Città di Lodi", "xmlns:ds=\"urn:esempio:non-xmldsig\""] {
            #expect(text.contains(kept), "\(kept)")
        }

        let directory = try XAdESFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("atto-firmato.xml")
        try Data(signed).write(to: file)
        let xmlsec = try ToolRun.xmlsec(file)
        #expect(xmlsec.status == 0, "xmlsec1: \(xmlsec.errors)")
        let checker = try ToolRun.checker(file, at: "2026-11-23T10:19:00Z")
        #expect(checker.run.status == 0, "check.py: \(checker.run.output) \(checker.run.errors)")
        #expect(checker.json["valid"] as? Bool == true)
        #expect(checker.json["format"] as? String == "xades")
        let signatures = checker.json["signatures"] as? [[String: Any]] ?? []
        #expect(signatures.compactMap { $0["signer_cn"] as? String } == [try XAdESFixtures.commonName(signer)])
        #expect(signatures.first?["signing_time"] as? String == "2026-11-23T10:19:00Z")
    }

    @Test(arguments: signers)
    func detachedSignatureIsValidForUsXmlsecAndTheChecker(signer: String) throws {
        let key = try XAdESFixtures.key(signer)
        let content = try XAdESFixtures.read("files/S01/determinazione-2026-1656.pdf")
        let name = "determinazione-2026-1656.pdf"
        let signed = try XAdESSigner.signDetached(content: content, fileName: name, key: key, signingTime: Self.signingTime)
        let report = try Self.verify(signed, content: content)
        #expect(report.isValid, "\(report.signatures.map(\.errors))")
        #expect(report.signatures.map(\.signerCN) == [try XAdESFixtures.commonName(signer)])
        #expect(report.contentSHA256 == hexString(DigestAlgorithm.sha256.hash(content)))
        #expect(report.content == content)

        let directory = try XAdESFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(name + ".xml")
        let contentFile = directory.appendingPathComponent(name)
        try Data(signed).write(to: file)
        try Data(content).write(to: contentFile)
        let xmlsec = try ToolRun.xmlsec(file, detached: (name, contentFile))
        #expect(xmlsec.status == 0, "xmlsec1: \(xmlsec.errors)")
        let checker = try ToolRun.checker(file, content: contentFile, at: "2026-11-23T10:19:00Z")
        #expect(checker.run.status == 0, "check.py: \(checker.run.output) \(checker.run.errors)")
        #expect(checker.json["valid"] as? Bool == true)
        #expect(checker.json["content_sha256"] as? String == hexString(DigestAlgorithm.sha256.hash(content)))
    }

    @Test(arguments: signers)
    func changingTheSignedXMLIsADigestMismatch(signer: String) throws {
        let signed = try XAdESSigner.signEnveloped(xml: Self.act, key: try XAdESFixtures.key(signer), signingTime: Self.signingTime)
        let text = String(decoding: signed, as: UTF8.self)
        #expect(text.contains("162.01"))
        let tampered = Array(text.replacingOccurrences(of: "162.01", with: "962.01").utf8)
        let report = try Self.verify(tampered)
        #expect(report.exitCode == 1)
        #expect(report.signatures.first?.errors == [.digestMismatch])

        let directory = try XAdESFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("manomesso.xml")
        try Data(tampered).write(to: file)
        let checker = try ToolRun.checker(file, at: "2026-11-23T10:19:00Z")
        #expect(checker.run.status == 1)
        #expect(checker.json["errors"] as? [String] == [])
        #expect((checker.json["signatures"] as? [[String: Any]])?.first?["errors"] as? [String] == ["DIGEST_MISMATCH"])
    }

    @Test func backDatingTheSigningTimeIsASignedPropertiesMismatch() throws {
        let signed = try XAdESSigner.signEnveloped(xml: Self.act, key: try XAdESFixtures.key("mario-rossi"), signingTime: Self.signingTime)
        let text = String(decoding: signed, as: UTF8.self)
        #expect(text.contains("<xades:SigningTime>2026-11-23T10:19:00Z</xades:SigningTime>"))
        let tampered = Array(text.replacingOccurrences(of: "2026-11-23T10:19:00Z", with: "2026-10-24T10:19:00Z").utf8)
        let report = try Self.verify(tampered)
        #expect(report.signatures.first?.errors == [.signedPropertiesDigestMismatch])
    }

    @Test func changingTheDetachedFileIsADigestMismatch() throws {
        let content = Array("Determinazione n. 12/2026: contributo di 300,00 euro.".utf8)
        let signed = try XAdESSigner.signDetached(content: content, fileName: "determina 12.txt",
                                                  key: try XAdESFixtures.key("anna-bianchi"), signingTime: Self.signingTime)
        #expect(String(decoding: signed, as: UTF8.self).contains("URI=\"determina%2012.txt\""))
        #expect(try Self.verify(signed, content: content).isValid)
        var changed = content
        changed[changed.count - 7] = UInt8(ascii: "9")
        let report = try Self.verify(signed, content: changed)
        #expect(report.exitCode == 1)
        #expect(report.signatures.first?.errors == [.digestMismatch])
        #expect(report.contentSHA256 == hexString(DigestAlgorithm.sha256.hash(changed)))
    }

    @Test func detachedSignatureWithoutContentIsContentMissing() throws {
        let signed = try XAdESSigner.signDetached(content: [1, 2, 3], fileName: "dati.bin",
                                                  key: try XAdESFixtures.key("mario-rossi"), signingTime: Self.signingTime)
        let report = try Self.verify(signed)
        #expect(report.errors == [.contentMissing])
        #expect(report.exitCode == 2)
        #expect(report.format == "xades")
        #expect(report.signatures.isEmpty)
        #expect(report.contentSHA256 == nil)
    }

    @Test func signatureCarriesTheXAdESBaselineElements() throws {
        let key = try XAdESFixtures.key("mario-rossi")
        let signed = try XAdESSigner.signEnveloped(xml: Self.act, key: key, signingTime: Self.signingTime)
        let document = try LibXMLDocument(parsing: signed)
        let signatures = XAdESVerifier.topLevelSignatures(in: document)
        let signature = try #require(signatures.first)
        #expect(signatures.count == 1)
        #expect(signature.parent == document.root)
        #expect(document.root.children.last == signature)
        let ds = XMLDSig.namespace
        let signedInfo = try #require(signature.child(ds, "SignedInfo"))
        #expect(signedInfo.child(ds, "CanonicalizationMethod")?.attribute("Algorithm") == XMLDSig.exclusiveC14N)
        for reference in signedInfo.children(ds, "Reference") {
            let transforms = reference.descendants(ds, "Transform").compactMap { $0.attribute("Algorithm") }
            #expect(transforms.last == XMLDSig.exclusiveC14N)
            #expect(reference.child(ds, "DigestMethod")?.attribute("Algorithm") == DigestAlgorithm.sha256.xmlURI)
        }
        let certificates = signature.descendants(ds, "X509Certificate").compactMap { XMLBase64.strict($0.text ?? "") }
        #expect(certificates == ([key.certificate] + key.chain).map(\.der))
        let xades = XMLDSig.xadesNamespace
        let qualifying = try #require(signature.firstDescendant(xades, "QualifyingProperties"))
        #expect(qualifying.attribute("Target") == "#" + (signature.attribute("Id") ?? "-"))
        let issuerSerial = try #require(signature.firstDescendant(xades, "IssuerSerialV2")?.text)
        let der = try #require(XMLBase64.strict(issuerSerial))
        let node = try DERNode.parse(der[...])
        let parts = try node.children()
        #expect(parts.count == 2)
        #expect(Array(parts[1].content.drop { $0 == 0 }) == key.certificate.serialNumber)
        let generalName = try #require(try parts[0].children().first)
        #expect(generalName.tag == 0xA4)
        #expect(Array(generalName.content) == key.certificate.issuerNameDER)
        #expect(signature.firstDescendant(xades, "MimeType")?.text == "text/xml")
    }

    @Test func documentsWithADoctypeAreNotSigned() throws {
        let key = try XAdESFixtures.key("mario-rossi")
        let xml = Array("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>".utf8)
        #expect(throws: SigningError.self) { try XAdESSigner.signEnveloped(xml: xml, key: key, signingTime: Self.signingTime) }
        #expect(throws: SigningError.self) { try XAdESSigner.signEnveloped(xml: Array("<a>".utf8), key: key, signingTime: Self.signingTime) }
    }
}
