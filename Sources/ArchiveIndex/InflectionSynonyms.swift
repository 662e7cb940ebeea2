import Foundation
import Xapian

/// Brings together inflections the Snowball stemmer keeps apart ("orosanmälan" and
/// "orosanmälningar" stem differently) by adding Xapian synonyms between their stems. The
/// families come from Domain/inflections.txt; the query side uses Xapian's auto-synonyms.
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

/// Writes the synonyms for the words of each imported document, once per import.
final class InflectionSynonymWriter {
    private let families: InflectionFamilies
    private let stemmer: Stemmer
    private var done: Set<String> = []

    init(families: InflectionFamilies) throws {
        self.families = families
        stemmer = try Stemmer(language: "swedish")
    }

    func addSynonyms(for text: String, to db: WritableDatabase) throws {
        guard !families.families.isEmpty else { return }
        var words: Set<String> = []
        for token in text.lowercased().split(whereSeparator: { !$0.isLetter }) where token.count > 3 {
            words.insert(String(token))
        }
        for word in words where !done.contains(word) {
            done.insert(word)
            guard let forms = families.forms(of: word) else { continue }
            let stems = Set(try forms.map { "Z" + (try stemmer.stem($0)) })
            guard stems.count > 1 else { continue }
            for a in stems {
                for b in stems where a != b { try db.addSynonym(a, b) }
            }
            forms.forEach { done.insert($0) }
        }
    }
}
