import HummingbirdBcrypt
import NIOPosix

/// bcrypt hashing and checking, run on NIO's thread pool so the cooperative pool never blocks.
struct Passwords: Sendable {
    let cost: Int

    /// A hash computed once, checked against when the username does not exist, so timing does not reveal accounts.
    private static let dummyHash = Bcrypt.hash("acts-dummy-password", cost: 4)

    func hash(_ password: String) async throws -> String {
        let cost = UInt8(cost)
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, hash: String?) async throws -> Bool {
        let target = hash ?? Self.dummyHash
        let ok = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: target) }
        return ok && hash != nil
    }
}
