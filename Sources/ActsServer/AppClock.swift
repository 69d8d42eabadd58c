import Foundation

/// The source of "now" for the server, injected so tests can fix time.
struct AppClock: Sendable {
    let now: @Sendable () -> Date

    static let system = AppClock { Date() }
}
