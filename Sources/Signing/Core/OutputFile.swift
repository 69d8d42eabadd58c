import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes signed files: each one appears complete or not at all (temporary file + rename), and a
/// batch is made durable with one `sync` at the end instead of an `fsync` per file.
enum OutputFile {
    /// Writes `bytes` to `url` through a temporary file in the same directory and a rename.
    static func write(_ bytes: [UInt8], to url: URL) throws(SigningError) {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UInt32.random(in: 0...UInt32.max)).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SigningError.io(url.path, String(cString: strerror(errno))) }
        var written = 0
        let failure: Int32? = bytes.withUnsafeBytes { raw -> Int32? in
            while written < raw.count {
                let result = Glibc.write(descriptor, raw.baseAddress! + written, raw.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += result
            }
            return nil
        }
        close(descriptor)
        if let failure {
            unlink(temporary)
            throw SigningError.io(url.path, String(cString: strerror(failure)))
        }
        guard rename(temporary, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw SigningError.io(url.path, reason)
        }
    }

    /// Flushes written files to disk: one call for a whole batch.
    static func syncAll() {
        sync()
    }
}
