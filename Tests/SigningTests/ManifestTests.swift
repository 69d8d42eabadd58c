import Foundation
import Testing
@testable import Signing

@Suite("Campioni di firma: esito atteso per ogni caso del manifest")
struct ManifestTests {
    @Test(arguments: SampleSet.manifest.cases.map(\.id))
    func caseMatchesExpectedVerdict(_ id: String) throws {
        let item = SampleSet.manifest.cases.first { $0.id == id }!
        let trust = try TrustStore(anchorFiles: item.trust.map(SampleSet.path), crlFiles: item.crl.map(SampleSet.path))
        let report = SignatureVerifier(trust: trust).verify(
            SampleSet.bytes(item.files.signed), content: item.files.content.map(SampleSet.bytes),
            at: SampleSet.date(item.validation_time))
        let expected = item.expected
        #expect(report.exitCode == expected.exit_code)
        #expect(report.format == item.format)
        #expect(report.isValid == expected.valid)
        let codes = Set(report.errors.map(\.rawValue)).union(report.signatures.flatMap { $0.errors.map(\.rawValue) })
        #expect(codes.sorted() == expected.errors)
        #expect(report.signatures.map { $0.signerCN ?? "None" }.sorted() == expected.signers)
        #expect(report.contentSHA256 == expected.content_sha256)
        let got = report.signatures.map { "\($0.signerCN ?? "") \($0.role.rawValue) \($0.level) \($0.isValid) \($0.errors.map(\.rawValue).sorted())" }.sorted()
        let want = expected.signatures.map { "\($0.signer_cn) \($0.role) \($0.level) \($0.valid) \($0.errors.sorted())" }.sorted()
        #expect(got == want)
    }
}
