/// A signed-in person (or the anonymous reader of open mode).
public struct User: Sendable, Equatable {
    public var name: String
    public var role: Role

    public static let anonymous = User(name: "anonym", role: .läsare)
}
