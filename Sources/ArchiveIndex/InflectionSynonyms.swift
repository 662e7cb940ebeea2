import Foundation

/// Inflections the Snowball stemmer keeps apart ("orosanmälan" and "orosanmälningar" stem
/// differently), from Domain/inflections.txt. The query side expands a word to every form of its
/// family, so the index needs nothing extra and shards and remote databases answer alike.
public struct InflectionFamilies: Sendable {
    /// Each family: its endings, the base ending first.
    public let families: [[String]]
    /// Ending → family index, longest endings tried first.
    private let endings: [(ending: String, family: Int)]

    public init(families: [[String]]) {
        self.families = families
        endings = families.enumerated()
            .flatMap { index, forms in forms.map { ($0, index) } }
            .sorted { $0.0.count > $1.0.count }
    }

    /// Reads the file format described at the top of Domain/inflections.txt.
    public static func load(from file: URL) throws -> InflectionFamilies {
        let text = try String(contentsOf: file, encoding: .utf8)
        let families = text.split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            .map { $0.split(separator: " ").map { String($0).lowercased() } }
            .filter { $0.count >= 2 }
        return InflectionFamilies(families: families)
    }

    public static let empty = InflectionFamilies(families: [])

    /// For a lower-case word, every form of its family (itself included), or nil.
    public func forms(of word: String) -> [String]? {
        for (ending, family) in endings where word.hasSuffix(ending) {
            let stem = word.dropLast(ending.count)
            return families[family].map { stem + $0 }
        }
        return nil
    }
}
