import Hummingbird

/// Per-request state: who is asking (set by `AuthMiddleware`) and from where.
public struct ArkivRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// nil until signed in (never nil in open mode).
    public var user: User?
    /// The client's address, for the audit log.
    public let client: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        client = source.channel.remoteAddress?.ipAddress ?? "okänd"
    }

    /// The user, or an `AccessError` that becomes 401 (API) or a sign-in redirect (pages).
    func require(_ role: Role) throws -> User {
        guard let user else { throw AccessError.unauthenticated }
        guard user.role >= role else { throw AccessError.forbidden(role) }
        return user
    }
}
