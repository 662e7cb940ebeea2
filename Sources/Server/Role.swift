/// What a user may do. Ordered: each role may do what the ones before it may.
public enum Role: String, Codable, Sendable, CaseIterable, Comparable {
    /// Searches and reads; personnummer are masked.
    case läsare
    /// Also sees personnummer (case officers need them).
    case handläggare
    /// Also imports documents.
    case admin

    /// Accepts the ASCII spellings too, for shells and scripts.
    public init?(name: String) {
        switch name.lowercased() {
        case "läsare", "lasare", "reader": self = .läsare
        case "handläggare", "handlaggare", "officer": self = .handläggare
        case "admin": self = .admin
        default: return nil
        }
    }

    public var mayViewPersonnummer: Bool { self >= .handläggare }

    public static func < (a: Role, b: Role) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
