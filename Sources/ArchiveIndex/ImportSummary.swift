/// The account of an import, as CONTRACT.md specifies it for `arkiv import --json`.
public struct ImportSummary: Codable, Sendable, Equatable {
    public struct Reject: Codable, Sendable, Equatable {
        public var path: String
        public var reason: String
        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    public var added = 0
    public var updated = 0
    public var unchanged = 0
    public var rejected: Int { rejects.count }
    public var rejects: [Reject] = []
    /// Files inside imported folders that are not of a type the archive takes.
    public var skipped = 0

    public init() {}

    enum CodingKeys: String, CodingKey { case added, updated, unchanged, rejected, rejects, skipped }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(added, forKey: .added)
        try c.encode(updated, forKey: .updated)
        try c.encode(unchanged, forKey: .unchanged)
        try c.encode(rejected, forKey: .rejected)
        try c.encode(rejects, forKey: .rejects)
        try c.encode(skipped, forKey: .skipped)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        added = try c.decode(Int.self, forKey: .added)
        updated = try c.decode(Int.self, forKey: .updated)
        unchanged = try c.decode(Int.self, forKey: .unchanged)
        rejects = try c.decode([Reject].self, forKey: .rejects)
        skipped = try c.decodeIfPresent(Int.self, forKey: .skipped) ?? 0
    }
}
