import COpenSSL

/// Reads and clears OpenSSL's per-thread error queue.
enum OpenSSLErrors {
    /// The queued errors as one line (most recent last), and clears the queue.
    static func drain() -> String {
        var parts: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            parts.append(String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return parts.isEmpty ? "errore OpenSSL sconosciuto" : parts.joined(separator: "; ")
    }

    /// Clears the queue without reading it.
    static func clear() { ERR_clear_error() }
}
