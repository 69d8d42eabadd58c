import CPoppler
import CTesseract

/// Versions of the C libraries behind the OCR module, for diagnostics.
public enum OCRLibraries {
    /// The Tesseract version string, e.g. "5.3.0".
    public static var tesseractVersion: String {
        String(cString: TessVersion())
    }

    /// The Poppler version string, e.g. "22.12.0".
    public static var popplerVersion: String {
        String(cString: poppler_get_version())
    }
}
