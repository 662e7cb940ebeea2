import Foundation

/// The account of an import, as CONTRACT.md specifies it for `arkiv import --json`.
public struct ImportSummary: Encodable, Sendable, Equatable {
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
    /// Documents removed because their files vanished (`--prune`).
    public var pruned = 0

    public init() {}

    enum CodingKeys: String, CodingKey { case added, updated, unchanged, rejected, rejects, skipped, pruned }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(added, forKey: .added)
        try c.encode(updated, forKey: .updated)
        try c.encode(unchanged, forKey: .unchanged)
        try c.encode(rejected, forKey: .rejected)
        try c.encode(rejects, forKey: .rejects)
        try c.encode(skipped, forKey: .skipped)
        try c.encode(pruned, forKey: .pruned)
    }

}

/// The rejects of the last import, as JSON Lines in `<index>/rejects.jsonl`: for people and
/// scripts to read, and for `arkiv import --retry-failed` to try again.
public struct RejectReport: Sendable {
    public let url: URL

    public init(indexPath: String) {
        url = URL(fileURLWithPath: indexPath).appendingPathComponent("rejects.jsonl")
    }

    func write(_ rejects: [ImportSummary.Reject]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = Data()
        for reject in rejects {
            data.append(try encoder.encode(reject))
            data.append(0x0A)
        }
        try data.write(to: url, options: .atomic)
    }

    /// The paths rejected last time.
    public func paths() throws -> [String] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try JSONDecoder().decode(ImportSummary.Reject.self, from: Data($0.utf8)).path
        }
    }
}
