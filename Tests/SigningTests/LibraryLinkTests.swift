import Signing
import Testing

@Suite("Librerie C della firma")
struct LibraryLinkTests {
    @Test func linksOpenSSL3() {
        #expect(SigningLibraries.openSSLVersion.hasPrefix("OpenSSL 3."))
    }

    @Test func libxml2ParsesWithoutNetworkAndRejectsMalformedXML() {
        #expect(SigningLibraries.isWellFormedXML(Array("<a><b/></a>".utf8)))
        #expect(!SigningLibraries.isWellFormedXML(Array("<a><b></a>".utf8)))
        #expect(!SigningLibraries.isWellFormedXML([]))
    }
}
