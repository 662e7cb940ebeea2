import Foundation

/// Signed-in sessions: a random 256-bit token (the cookie value) → user. In memory, so a restart
/// signs everyone out; sessions expire after `lifetime` without use.
final class SessionStore: Sendable {
    static let cookieName = "arkiv_session"
    let lifetime: TimeInterval = 8 * 3600
    private let sessions = Locked<[String: (user: User, expires: Date)]>([:])

    func create(for user: User) -> String {
        var generator = SystemRandomNumberGenerator()
        let token = (0..<4).map { _ in String(format: "%016llx", generator.next() as UInt64) }.joined()
        sessions.withLock { $0[token] = (user, Date().addingTimeInterval(lifetime)) }
        return token
    }

    func user(for token: String) -> User? {
        let now = Date()
        return sessions.withLock { all in
            guard let session = all[token] else { return nil }
            if session.expires < now { all[token] = nil; return nil }
            all[token] = (session.user, now.addingTimeInterval(lifetime))
            return session.user
        }
    }

    func remove(_ token: String) { sessions.withLock { $0[token] = nil } }
}
