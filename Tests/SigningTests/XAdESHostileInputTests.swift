import Foundation
import Testing
@testable import Signing

/// Hostile and broken XML: refused as `XML_MALFORMED` (exit 2) without expanding entities,
/// reading DTDs or fetching anything, and quickly; XML without a signature is `FORMAT_UNKNOWN`.
@Suite("XAdES: input ostile o non valido")
struct XAdESHostileInputTests {
    static let laughs: String = {
        var declarations = "<!ENTITY lol0 \"lol\">"
        for level in 1...12 {
            let previous = String(repeating: "&lol\(level - 1);", count: 10)
            declarations += "<!ENTITY lol\(level) \"\(previous)\">"
        }
        return "<?xml version=\"1.0\"?><!DOCTYPE lolz [\(declarations)]><lolz>&lol12;</lolz>"
    }()

    static let hostile: [(name: String, xml: String)] = [
        ("billion laughs", laughs),
        ("entità esterna file", "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>"),
        ("entità esterna http", "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"http://127.0.0.1:9/x\">]><a>&x;</a>"),
        ("entità parametro", "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p.dtd\"> %p;]><a/>"),
        ("DTD esterna", "<?xml version=\"1.0\"?><!DOCTYPE a SYSTEM \"http://127.0.0.1:9/a.dtd\"><a/>"),
        ("DOCTYPE semplice", "<!DOCTYPE a><a/>"),
        ("attributi di default", "<!DOCTYPE a [<!ATTLIST a Id ID #IMPLIED x CDATA \"y\">]><a/>"),
        ("firma con DTD", "<!DOCTYPE Signature [<!ENTITY v \"AAAA\">]><ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignatureValue>&v;</ds:SignatureValue></ds:Signature>"),
    ]

    static func verify(_ xml: [UInt8]) throws -> VerificationReport {
        XAdESVerifier.verify(xml: xml, detachedContent: nil, trust: try XAdESFixtures.trustStore(),
                             at: try XAdESFixtures.validationTime(), now: Date())
    }

    @Test func doctypesAndEntitiesAreRefusedQuickly() throws {
        for (name, xml) in Self.hostile {
            let clock = ContinuousClock()
            var report = VerificationReport()
            let elapsed = try clock.measure { report = try Self.verify(Array(xml.utf8)) }
            #expect(report.errors == [.xmlMalformed], "\(name)")
            #expect(report.exitCode == 2, "\(name)")
            #expect(report.signatures.isEmpty && report.contentSHA256 == nil, "\(name)")
            #expect(report.detail?.contains("DOCTYPE") == true, "\(name): \(report.detail ?? "")")
            #expect(elapsed < .seconds(1), "\(name): \(elapsed)")
        }
    }

    @Test func parserNeverLoadsTheDTDOrExpandsEntities() {
        #expect(throws: LibXMLParseError.self) { try LibXMLDocument(parsing: Array(Self.laughs.utf8)) }
        do {
            _ = try LibXMLDocument(parsing: Array(Self.hostile[1].xml.utf8))
            Issue.record("documento con DOCTYPE accettato")
        } catch {
            guard case .doctype = error else { Issue.record("errore inatteso \(error)"); return }
        }
    }

    @Test func malformedXMLIsXMLMalformed() throws {
        let inputs = ["<a><b></a>", "<?xml version=\"1.0\"?>", "", "<a>&undefined;</a>", "<a/><b/>",
                      "  <?xml version=\"1.0\"?><a/>", "<a xmlns:p=\"urn:x\"><p:b></q:b></a>",
                      String(repeating: "<a>", count: 5000) + String(repeating: "</a>", count: 5000)]
        for input in inputs {
            let report = try Self.verify(Array(input.utf8))
            #expect(report.errors == [.xmlMalformed], "\(input.prefix(40))")
            #expect(report.exitCode == 2)
            #expect(report.format == "unknown")
            #expect(report.detail?.hasPrefix("XML non ben formato") == true)
        }
    }

    @Test func xmlWithoutSignatureIsFormatUnknown() throws {
        for input in ["<a/>", "<a xmlns:ds=\"urn:not-dsig\"><ds:Signature/></a>", "<Signature/>"] {
            let report = try Self.verify(Array(input.utf8))
            #expect(report.errors == [.formatUnknown], "\(input)")
            #expect(report.exitCode == 2)
        }
    }

    @Test func undecodableCertificateIsXMLMalformed() throws {
        let xml = """
            <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo/>\
            <ds:KeyInfo><ds:X509Data><ds:X509Certificate>QUJD</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature>
            """
        let report = try Self.verify(Array(xml.utf8))
        #expect(report.errors == [.xmlMalformed])
        #expect(report.format == "xades")
    }

    @Test func brokenSignaturesNeverCrash() throws {
        let ds = "xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\""
        let cases: [(String, [VerificationCode])] = [
            ("<ds:Signature \(ds)/>", [.internalError]),
            ("<ds:Signature \(ds)><ds:SignedInfo/></ds:Signature>", [.internalError]),
            ("<ds:Signature \(ds)><ds:SignedInfo><ds:SignatureMethod/><ds:Reference URI=\"#x\"/></ds:SignedInfo></ds:Signature>", [.internalError]),
            ("<ds:Signature \(ds)><ds:SignedInfo><ds:SignatureMethod/><ds:Reference URI=\"x.pdf\"><ds:DigestMethod/></ds:Reference></ds:SignedInfo></ds:Signature>",
             [.contentMissing]),
        ]
        for (xml, codes) in cases {
            let report = try Self.verify(Array(xml.utf8))
            #expect(report.errors == codes, "\(xml)")
            #expect(report.exitCode == 2)
        }
        let empty = try Self.verify(Array("<ds:Signature \(ds)><ds:SignedInfo><ds:SignatureMethod Algorithm=\"x\"/></ds:SignedInfo></ds:Signature>".utf8))
        #expect(empty.exitCode == 1)
        #expect(Set(empty.signatures.first?.errors ?? []) == [.signedPropertiesMissing, .signerCertNotFound, .signingCertV2Missing])
    }
}
