import OCR
import Testing

@Suite("Librerie C dell'OCR")
struct LibraryLinkTests {
    @Test func linksTesseract5AndPoppler() {
        #expect(OCRLibraries.tesseractVersion.hasPrefix("5."))
        #expect(!OCRLibraries.popplerVersion.isEmpty)
        #expect(OCRLibraries.popplerVersion.first?.isNumber == true)
    }
}
