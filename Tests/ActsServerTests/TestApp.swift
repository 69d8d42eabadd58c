import Configuration
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Storage
import Synchronization
import Testing
import Workflow

@testable import ActsServer

/// The real application on a real SQLite store in a temporary folder, loaded with the demo data,
/// with a fixed clock. Tests drive it through Hummingbird's router test client (no network).
struct TestApp {
    static let now = Date(timeIntervalSince1970: 1_795_428_000)  // 2026-11-23
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let store: SQLiteStore
    let deps: AppDependencies
    let dir: URL
    /// The application's clock: starts at ``now``; tests move it forward.
    let clock = TestClock(Self.now)

    init(maxUploadBytes: Int = 50 * 1024 * 1024, sessionHours: Int = 8, extraSettings: [AbsoluteConfigKey: ConfigValue] = [:]) async throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("acts-api-\(UUID().uuidString)")
        let settings = AppSettings(
            overrides: [
                "acts.database": ConfigValue(.string(dir.appendingPathComponent("acts.sqlite").path), isSecret: false),
                "acts.bcrypt.cost": 4,
                "acts.upload.max.bytes": ConfigValue(.int(maxUploadBytes), isSecret: false),
                "acts.log.level": "error",
                "acts.http.port": 0,
                "acts.session.hours": ConfigValue(.int(sessionHours), isSecret: false),
            ].merging(extraSettings) { $1 },
            environment: [:])
        store = try SQLiteStore(path: settings.databasePath, documentsDirectory: settings.documentsPath)
        let procedures = try ProcedureCatalog.load(directory: Self.repository.appendingPathComponent("config/procedimenti").path)
        try await DemoData.load(into: store, passwords: Passwords(cost: 4), catalog: procedures, now: Self.now)
        deps = AppDependencies(settings: settings, store: store, catalog: ResourceFiles.belfiore, clock: AppClock { [clock] in clock.now }, procedures: procedures)
    }

    /// Runs `body` against the application: in-process router (default) or a real server on a loopback port.
    func run<T: Sendable>(live: Bool = false, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        try await buildApplication(deps).test(live ? .live : .router) { client in try await body(client) }
    }
}

/// A settable clock shared with the application under test.
final class TestClock: Sendable {
    private let value: Mutex<Date>
    init(_ start: Date) { value = Mutex(start) }
    var now: Date { value.withLock { $0 } }
    func advance(days: Int) { value.withLock { $0 = $0.addingTimeInterval(Double(days) * 86_400) } }
    func set(_ date: Date) { value.withLock { $0 = date } }
}

/// A logged-in browser-like session: cookie plus CSRF token.
struct Login: Sendable {
    let cookie: String
    let csrf: String

    /// Headers for a JSON request with this session (CSRF included).
    var headers: HTTPFields {
        var h = HTTPFields()
        h[.cookie] = cookie
        h[AuthMiddleware.csrfHeader] = csrf
        h[.contentType] = "application/json"
        return h
    }
}

extension TestClientProtocol {
    func login(_ username: String, password: String = DemoData.password) async throws -> Login {
        let response = try await request(.post, "/api/v1/session", json: ["username": username, "password": password])
        #expect(response.status == .created, "login di \(username)")
        let setCookie = response.headers[.setCookie] ?? ""
        let cookie = String(setCookie.split(separator: ";")[0])
        let body = try response.json([String: JSONValue].self)
        return Login(cookie: cookie, csrf: body["csrfToken"]?.string ?? "")
    }

    func request(_ method: HTTPRequest.Method, _ uri: String, json: (any Encodable)? = nil, raw: String? = nil, headers: HTTPFields = [:], as login: Login? = nil) async throws -> TestResponse {
        var h = login?.headers ?? HTTPFields()
        if json != nil || raw != nil { h[.contentType] = "application/json" }
        for field in headers { h[field.name] = field.value }
        var body: ByteBuffer?
        if let json { body = ByteBuffer(bytes: try JSONEncoder().encode(json)) }
        if let raw { body = ByteBuffer(string: raw) }
        return try await executeRequest(uri: uri, method: method, headers: h, body: body)
    }
}

extension TestResponse {
    func json<T: Decodable>(_ type: T.Type = [String: JSONValue].self) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(body.readableBytesView))
    }

    var text: String { String(buffer: body) }
}

/// Loosely typed JSON for assertions.
enum JSONValue: Decodable, Equatable, Sendable {
    case string(String), number(Double), bool(Bool), null, array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    var string: String? { if case .string(let s) = self { s } else { nil } }
    var int: Int64? { if case .number(let n) = self { Int64(n) } else { nil } }
    var bool: Bool? { if case .bool(let b) = self { b } else { nil } }
    var array: [JSONValue] { if case .array(let a) = self { a } else { [] } }
    subscript(key: String) -> JSONValue? { if case .object(let o) = self { o[key] } else { nil } }
}
