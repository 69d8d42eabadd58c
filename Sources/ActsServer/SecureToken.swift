import Foundation

/// Random tokens for sessions, CSRF and API access: 32 bytes from the system CSPRNG (getrandom on Linux), base64url.
enum SecureToken {
    static func make(bytes count: Int = 32) -> String {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &rng) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
