import COpenSSL
import CXMLSec

/// Versions of the C libraries behind the signing module, for diagnostics.
public enum SigningLibraries {
    /// The OpenSSL version string the process is linked against, e.g. "OpenSSL 3.0.19 …".
    public static var openSSLVersion: String {
        String(cString: OpenSSL_version(OPENSSL_VERSION))
    }

    /// Whether `bytes` parse as well-formed XML through libxml2 (network access disabled).
    public static func isWellFormedXML(_ bytes: [UInt8]) -> Bool {
        CXMLSec_initialize()
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    CXMLSec_isWellFormed($0, buffer.count) == 1
                }
            } ?? false
        }
    }
}
