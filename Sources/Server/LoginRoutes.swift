import Foundation
import Hummingbird

/// Sign in (a form that sets the session cookie) and sign out.
struct LoginRoutes {
    let state: ServerState

    struct LoginPage { var layout: Layout; var next: String; var failed: Bool; var name: String }

    func register(on router: Router<ArkivRequestContext>) {
        router.get("/logga-in", use: loginPage)
        router.post("/logga-in", use: login)
        router.post("/logga-ut", use: logout)
    }

    /// Only local paths are followed after sign-in ("//evil.example" is not one).
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/" }
        return next
    }

    @Sendable func loginPage(_ request: Request, context: ArkivRequestContext) async throws -> Response {
        let next = Self.safeNext(request.uri.queryParameters.get("next"))
        return state.views.page("logga-in", LoginPage(layout: state.layout("Logga in", context), next: next, failed: false, name: ""))
    }

    @Sendable func login(_ request: Request, context: ArkivRequestContext) async throws -> Response {
        let form = try await FormBody.read(request)
        let name = form["namn"] ?? "", password = form["losenord"] ?? ""
        let next = Self.safeNext(form["next"])
        let users = state.access.users
        // bcrypt is slow on purpose; keep it off the event loop.
        let user = await withCheckedContinuation { c in DispatchQueue.global().async { c.resume(returning: users.authenticate(name: name, password: password)) } }
        guard let user, !state.access.openMode else {
            state.audit.record("login-failed", target: name, user: User(name: name, role: .läsare), client: context.client)
            return state.views.page("logga-in", LoginPage(layout: state.layout("Logga in", context), next: next, failed: true, name: name), status: .unauthorized)
        }
        state.audit("login", name, user, context)
        var response = Response.redirect(to: next, type: .normal)
        response.setCookie(Cookie(name: SessionStore.cookieName, value: state.access.sessions.create(for: user),
                                  path: "/", httpOnly: true, sameSite: .lax))
        return response
    }

    @Sendable func logout(_ request: Request, context: ArkivRequestContext) async throws -> Response {
        if let token = request.cookies[SessionStore.cookieName]?.value { state.access.sessions.remove(token) }
        var response = Response.redirect(to: "/logga-in", type: .normal)
        response.setCookie(Cookie(name: SessionStore.cookieName, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .lax))
        return response
    }
}
