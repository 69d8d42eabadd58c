import Foundation
import Testing
@testable import Signing

/// The octets our references and SignedInfo canonicalise to, compared with the reference
/// checker's own functions (`_ref_octets`, lxml C14N) on documents built to exercise every
/// transform combination: enveloped-signature, inclusive / exclusive C14N with and without
/// comments, InclusiveNamespaces, Id references inside and around the signature.
@Suite("XAdES: canonicalizzazione come il verificatore di riferimento")
struct XAdESCanonicalizationTests {
    static let ds = "http://www.w3.org/2000/09/xmldsig#"
    static let inclusive = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"
    static let exclusive = "http://www.w3.org/2001/10/xml-exc-c14n#"
    static let enveloped = "http://www.w3.org/2000/09/xmldsig#enveloped-signature"

    static func reference(_ uri: String?, _ transforms: [String], prefixes: String? = nil) -> String {
        let attribute = uri.map { " URI=\"\($0)\"" } ?? ""
        let list = transforms.map { algorithm in
            let inner = prefixes.map { "<ec:InclusiveNamespaces xmlns:ec=\"\(exclusive)\" PrefixList=\"\($0)\"/>" } ?? ""
            return algorithm == exclusive && prefixes != nil
                ? "<ds:Transform Algorithm=\"\(algorithm)\">\(inner)</ds:Transform>" : "<ds:Transform Algorithm=\"\(algorithm)\"/>"
        }.joined()
        let block = transforms.isEmpty ? "" : "<ds:Transforms>\(list)</ds:Transforms>"
        return "<ds:Reference\(attribute)>\(block)<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>"
            + "<ds:DigestValue>AAAA</ds:DigestValue></ds:Reference>"
    }

    static var references: String {
        [
            reference("", [enveloped, exclusive]), reference("", [enveloped]), reference("", []), reference(nil, [enveloped]),
            reference("", [enveloped, inclusive + "#WithComments"]), reference("", [exclusive, enveloped]),
            reference("#p1", []), reference("#p1", [inclusive + "#WithComments"]), reference("#p1", [exclusive], prefixes: "unused #default a"),
            reference("#p1", [exclusive + "WithComments"]), reference("#p1", ["http://www.w3.org/2006/12/xml-c14n11"]),
            reference("#root", [enveloped, exclusive]), reference("#root", [enveloped, inclusive]), reference("#root", [inclusive]),
            reference("#obj", [enveloped, inclusive]), reference("#obj", [exclusive]), reference("#sig", [enveloped, inclusive]),
            reference("#wsu", [exclusive]), reference("#missing", []), reference("", ["http://www.w3.org/TR/1999/REC-xpath-19991116"]),
            reference("#xpointer(/)", []),
        ].joined()
    }

    static func document(signedInfoC14N: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <?xml-stylesheet type="text/xsl" href="atto.xsl"?>
        <!-- prima -->
        <a:Atto xmlns:a="urn:a" xmlns="urn:default" xmlns:unused="urn:unused" xml:lang="it" Id="root">
          <!-- commento -->
          <Testo attr="x &amp; y" b:z="1" xmlns:b="urn:b">Città &lt;è&gt; <![CDATA[dati <grezzi>]]>&#13;</Testo>
          <a:Parte Id="p1" xmlns:c="urn:c" xml:space="preserve"><!-- c --><c:Voce   c:n = '1' >1</c:Voce><Vuoto/><?pi dati?></a:Parte>
          <w:Blocco xmlns:w="urn:wsu" w:Id="wsu"><w:x/></w:Blocco>
          <ds:Signature xmlns:ds="\(ds)" Id="sig">
            <ds:SignedInfo xmlns:extra="urn:extra">
              <ds:CanonicalizationMethod Algorithm="\(signedInfoC14N)"><ec:InclusiveNamespaces \
        xmlns:ec="\(exclusive)" PrefixList="unused a"/></ds:CanonicalizationMethod>
              <ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>
              \(references)
            </ds:SignedInfo>
            <ds:SignatureValue>AAAA</ds:SignatureValue>
            <ds:Object Id="obj"><x:Dati xmlns:x="urn:x">v<!-- o --></x:Dati></ds:Object>
          </ds:Signature>
          <Coda>fine</Coda>
          <ds:Signature xmlns:ds="\(ds)"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="\(exclusive)"/>\
        <ds:SignatureMethod Algorithm="x"/>\(reference("", [enveloped]))\(reference("#sig", [exclusive]))</ds:SignedInfo></ds:Signature>
        </a:Atto>
        <!-- dopo -->
        """
    }

    static let script = """
        import hashlib, json, os, sys
        sys.path.insert(0, os.path.dirname(sys.argv[1]))
        import check
        from lxml import etree
        root = etree.fromstring(open(sys.argv[2], "rb").read(), check._xml_parser())
        out = []
        for sig in check._top_level_signatures(root):
            si = sig.find("{%s}SignedInfo" % check.DS)
            for r in si.findall("{%s}Reference" % check.DS):
                try:
                    out.append(hashlib.sha256(check._ref_octets(root, sig, r, None)).hexdigest())
                except ValueError:
                    out.append(None)
            cm = si.find("{%s}CanonicalizationMethod" % check.DS)
            exclusive, wc = check.C14N[cm.get("Algorithm")]
            incl = None
            for ch in cm:
                if isinstance(ch.tag, str) and etree.QName(ch).localname == "InclusiveNamespaces":
                    incl = (ch.get("PrefixList") or "").split() or None
            c14n = etree.tostring(si, method="c14n", exclusive=exclusive, with_comments=wc, inclusive_ns_prefixes=incl)
            out.append(hashlib.sha256(c14n).hexdigest())
        print(json.dumps(out))
        """

    /// The checker's hashes for `xml`: one per Reference (nil when it raises ValueError), then SignedInfo's, per signature.
    static func checkerHashes(_ xml: String) throws -> [String?] {
        let directory = try XAdESFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("doc.xml")
        let script = directory.appendingPathComponent("octets.py")
        try Data(xml.utf8).write(to: file)
        try Data(Self.script.utf8).write(to: script)
        let run = try ToolRun.run(XAdESFixtures.python, [script.path, XAdESFixtures.checker, file.path])
        #expect(run.status == 0, "\(run.errors)")
        let values = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [Any] ?? []
        return values.map { $0 as? String }
    }

    static func ourHashes(_ xml: String) throws -> [String?] {
        let document = try LibXMLDocument(parsing: Array(xml.utf8))
        var out: [String?] = []
        for signature in XAdESVerifier.topLevelSignatures(in: document) {
            let signedInfo = try #require(signature.child(ds, "SignedInfo"))
            for reference in signedInfo.children(ds, "Reference") {
                let octets = try XAdESReferenceOctets.octets(of: reference, signature: signature, document: document, external: nil)
                out.append(octets.map { hexString(DigestAlgorithm.sha256.hash($0)) })
            }
            let canonical = try XAdESSignatureValue.canonicalSignedInfo(signedInfo, document: document)
            out.append(canonical.map { hexString(DigestAlgorithm.sha256.hash($0)) })
        }
        return out
    }

    @Test(arguments: [inclusive, inclusive + "#WithComments", exclusive, exclusive + "WithComments"])
    func referenceAndSignedInfoOctetsMatchTheChecker(signedInfoC14N: String) throws {
        let xml = Self.document(signedInfoC14N: signedInfoC14N)
        let ours = try Self.ourHashes(xml)
        let theirs = try Self.checkerHashes(xml)
        #expect(ours.count == 25)
        #expect(ours.count == theirs.count)
        for (index, pair) in zip(ours, theirs).enumerated() {
            #expect(pair.0 == pair.1, "valore \(index)")
        }
        #expect(ours.contains { $0 == nil })
        #expect(Set(ours.compactMap { $0 }).count > 12)
    }

    @Test func envelopedTransformLeavesOutOnlyTheSignature() throws {
        let xml = "<r xmlns=\"urn:r\"><a>1</a><ds:Signature xmlns:ds=\"\(Self.ds)\"><ds:SignedInfo/></ds:Signature>\n<b>2</b></r>"
        let document = try LibXMLDocument(parsing: Array(xml.utf8))
        let signature = try #require(XAdESVerifier.topLevelSignatures(in: document).first)
        let whole = try #require(document.canonicalize(subtree: nil, excluding: signature, exclusive: true, withComments: false, inclusivePrefixes: nil))
        #expect(String(decoding: whole, as: UTF8.self) == "<r xmlns=\"urn:r\"><a>1</a>\n<b>2</b></r>")
        let inner = try #require(document.canonicalize(subtree: signature, excluding: nil, exclusive: false, withComments: false, inclusivePrefixes: nil))
        #expect(String(decoding: inner, as: UTF8.self)
                == "<ds:Signature xmlns=\"urn:r\" xmlns:ds=\"\(Self.ds)\"><ds:SignedInfo></ds:SignedInfo></ds:Signature>")
    }

    @Test func signingTimesParseLikePythonFromisoformat() {
        let base = Date(timeIntervalSince1970: 1_795_183_320)  // 2026-11-20T14:02:00Z
        #expect(XAdESTime.parse("2026-11-20T14:02:00Z") == base)
        #expect(XAdESTime.parse(" 2026-11-20T14:02:00+01:00 ") == base.addingTimeInterval(-3600))
        #expect(XAdESTime.parse("2026-11-20T14:02:00.5Z") == base.addingTimeInterval(0.5))
        #expect(XAdESTime.parse("2026-11-20 14:02") == base)
        #expect(XAdESTime.parse("20261120T140200Z") == base)
        #expect(XAdESTime.parse("2026-11-20") == base.addingTimeInterval(-(14 * 3600 + 120)))
        #expect(XAdESTime.parse("2026-11-20T24:00:00Z") == nil)
        #expect(XAdESTime.parse("2026-02-30T10:00:00Z") == nil)
        #expect(XAdESTime.parse("ieri") == nil)
        #expect(XAdESTime.format(base) == "2026-11-20T14:02:00Z")
    }

    @Test func base64FollowsStrictAndLenientRules() {
        #expect(XMLBase64.strict("QUJD\n") == Array("ABC".utf8))
        #expect(XMLBase64.strict("") == [])
        #expect(XMLBase64.strict("QUI") == nil)
        #expect(XMLBase64.strict("Q!UJD") == nil)
        #expect(XMLBase64.strict("QQ==QQ==") == nil)
        #expect(XMLBase64.lenient("Q!UJD") == Array("ABC".utf8))
        #expect(XMLBase64.lenient("QQ==QQ==") == Array("A".utf8))
        #expect(XMLBase64.lenient("QQ=") == nil)
    }
}
