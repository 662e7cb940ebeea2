import Foundation
import Hummingbird

/// Finds the user of a request: the session cookie (web pages), or HTTP Basic (scripts using
/// the API). In open mode every request is the anonymous läsare. Whether the user may do what
/// they ask is decided by each route (`context.require`).
struct AuthMiddleware: RouterMiddleware {
    typealias Context = ArkivRequestContext
    let access: Access

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.user = access.user(for: request)
        return try await next(request, context)
    }
}

/// Users, sessions and the open-mode decision, shared by the middleware and the sign-in page.
final class Access: Sendable {
    let users: UserStore
    let sessions = SessionStore()
    /// Decided once at start: a users file appearing later does not lock out a running server's
    /// readers, and one disappearing does not open it.
    let openMode: Bool

    init(users: UserStore) {
        self.users = users
        openMode = !users.exists
    }

    func user(for request: Request) -> User? {
        if openMode { return .anonymous }
        if let token = request.cookies[SessionStore.cookieName]?.value, let user = sessions.user(for: token) { return user }
        if let (name, password) = Self.basicCredentials(request) { return users.authenticate(name: name, password: password) }
        return nil
    }

    static func basicCredentials(_ request: Request) -> (String, String)? {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("basic "),
              let data = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
              let text = String(data: data, encoding: .utf8), let colon = text.firstIndex(of: ":") else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }
}
