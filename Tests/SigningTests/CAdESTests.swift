import Foundation
import Testing
@testable import Signing

@Suite("Firma CAdES: busta, staccata, parallela, controfirma, annidata")
struct CAdESTests {
    let content = Array("Determinazione n. 42/2026 — contributo economico di € 1.234,56\n".utf8)
    let now = Date()

    @Test(arguments: ["mario-rossi", "anna-bianchi"])
    func envelopingSignatureIsAcceptedByUsCheckerAndOpenSSL(_ signer: String) throws {
        let key = try SampleSet.key(signer)
        let p7m = try CAdESSigner.sign(content: content, detached: false, key: key, signingTime: now)
        let report = SignatureVerifier(trust: try SampleSet.trust()).verify(p7m)
        #expect(report.isValid, "\(report.signatures.map(\.errors))")
        #expect(report.content == content)
        #expect(report.signatures.first?.signerCN == SampleSet.manifest.pki.signers[signer]!.cn)
        #expect(report.signatures.first?.signerCF?.count == 16)
        let file = try SampleSet.temporaryFile(p7m, name: "atto.txt.p7m")
        let checked = try Command.checker(file)
        #expect(checked.status == 0, "\(checked.stdout) \(checked.stderr)")
        let openssl = try Command.run("openssl", ["cms", "-verify", "-cades", "-binary", "-inform", "DER", "-in", file,
                                                  "-CAfile", SampleSet.path("pki/trust/test-root-ca.pem"), "-purpose", "any", "-out", "/dev/null"])
        #expect(openssl.status == 0, "\(openssl.stderr)")
    }

    @Test func detachedSignatureNeedsItsContentAndDetectsAnotherOne() throws {
        let p7s = try CAdESSigner.sign(content: content, detached: true, key: try SampleSet.key("mario-rossi"), signingTime: now)
        let verifier = SignatureVerifier(trust: try SampleSet.trust())
        #expect(verifier.verify(p7s, content: content).isValid)
        let missing = verifier.verify(p7s)
        #expect(missing.errors == [.contentMissing])
        #expect(missing.exitCode == 2)
        var other = content
        other[0] ^= 1
        #expect(verifier.verify(p7s, content: other).signatures.first?.errors == [.digestMismatch])
        let file = try SampleSet.temporaryFile(p7s, name: "atto.txt.p7s")
        let contentFile = try SampleSet.temporaryFile(content, name: "atto.txt")
        #expect(try Command.checker(file, content: contentFile).status == 0)
    }

    @Test func tamperedEnvelopeIsRejected() throws {
        var p7m = try CAdESSigner.sign(content: content, detached: false, key: try SampleSet.key("mario-rossi"), signingTime: now)
        let index = p7m.firstRange(of: Array("1.234,56".utf8))!.lowerBound
        p7m[index] = UInt8(ascii: "9")
        let report = SignatureVerifier(trust: try SampleSet.trust()).verify(p7m)
        #expect(!report.isValid)
        #expect(report.signatures.first?.errors == [.digestMismatch])
        #expect(report.exitCode == 1)
        #expect(try Command.checker(try SampleSet.temporaryFile(p7m, name: "x.p7m")).status == 1)
    }

    @Test func parallelSignatureAndCountersignature() throws {
        let first = try CAdESSigner.sign(content: content, detached: false, key: try SampleSet.key("mario-rossi"), signingTime: now)
        let parallel = try CAdESSigner.addSignature(to: first, detachedContent: nil, key: try SampleSet.key("anna-bianchi"), signingTime: now)
        let verifier = SignatureVerifier(trust: try SampleSet.trust())
        let both = verifier.verify(parallel)
        #expect(both.isValid)
        #expect(both.signatures.map { $0.signerCN! }.sorted() == ["Anna Bianchi", "Mario Rossi"])
        #expect(both.signatures.allSatisfy { $0.role == .signer && $0.level == 0 })
        #expect(try Command.checker(try SampleSet.temporaryFile(parallel, name: "p.p7m")).status == 0)

        let countersigned = try CAdESSigner.countersign(first, key: try SampleSet.key("anna-bianchi"), signingTime: now)
        let report = verifier.verify(countersigned)
        #expect(report.isValid)
        let counter = report.signatures.first { $0.role == .countersigner }
        #expect(counter?.signerCN == "Anna Bianchi")
        #expect(counter?.parentSignerCN == "Mario Rossi")
        let checked = try Command.checker(try SampleSet.temporaryFile(countersigned, name: "c.p7m"))
        #expect(checked.status == 0, "\(checked.stdout)")
    }

    @Test func nestedEnvelopeReportsBothLevelsAndExtractsInnermost() throws {
        let inner = try CAdESSigner.sign(content: content, detached: false, key: try SampleSet.key("anna-bianchi"), signingTime: now)
        let outer = try CAdESSigner.sign(content: inner, detached: false, key: try SampleSet.key("mario-rossi"), signingTime: now)
        let report = SignatureVerifier(trust: try SampleSet.trust()).verify(outer)
        #expect(report.isValid)
        #expect(report.signatures.map { "\($0.level) \($0.signerCN!)" } == ["0 Mario Rossi", "1 Anna Bianchi"])
        #expect(report.content == content)
        #expect(report.contentSHA256 == hexString(DigestAlgorithm.sha256.hash(content)))
    }

    @Test func mailboxWrappingsVerify() throws {
        let p7m = try CAdESSigner.sign(content: content, detached: false, key: try SampleSet.key("mario-rossi"), signingTime: now)
        let base64 = Data(p7m).base64EncodedString(options: .lineLength76Characters)
        let pem = "-----BEGIN PKCS7-----\n\(base64)\n-----END PKCS7-----\n"
        let verifier = SignatureVerifier(trust: try SampleSet.trust())
        #expect(verifier.verify(Array(base64.utf8)).isValid)
        #expect(verifier.verify(Array(pem.utf8)).isValid)
    }

    @Test func keysWithoutNonRepudiationOrWithWrongPasswordAreRefused() throws {
        #expect { try SampleSet.key("paolo-russo") } throws: { ($0 as? SigningError)?.code == "non_ripudio_assente" }
        #expect { try SampleSet.key("giuseppe-verdi") } throws: { ($0 as? SigningError)?.code == "certificato_non_valido" }
        let entry = SampleSet.manifest.pki.signers["mario-rossi"]!
        #expect { try SigningKey.pkcs12(path: SampleSet.path(entry.p12), password: "sbagliata") } throws: {
            ($0 as? SigningError)?.code == "pin_errato"
        }
    }

    @Test func badInputGetsAClearVerdictNeverACrash() throws {
        let verifier = SignatureVerifier(trust: try SampleSet.trust())
        let p7m = try CAdESSigner.sign(content: content, detached: false, key: try SampleSet.key("mario-rossi"), signingTime: now)
        #expect(verifier.verify(Array(p7m.prefix(p7m.count / 2))).errors == [.cmsMalformed])
        #expect(verifier.verify(Array("%PDF-1.7\n%âãÏÓ\n1 0 obj\n".utf8)).errors == [.formatUnknown])
        #expect(verifier.verify([]).errors == [.formatUnknown])
        let deep = [UInt8](repeating: 0x30, count: 1) + [0x80] + [UInt8](repeating: 0x30, count: 20_000).flatMap { [$0, 0x80] }
        #expect(verifier.verify(deep).errors == [.cmsMalformed])
        let random = (0..<4096).map { _ in UInt8.random(in: 0...255) }
        #expect(verifier.verify([0x30] + random).exitCode == 2)
        #expect(verifier.verify(random).exitCode == 2)
    }
}
