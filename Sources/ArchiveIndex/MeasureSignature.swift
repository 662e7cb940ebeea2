import Foundation
import Xapian

/// What makes two measures "the same step": their stemmed content words (Domain/stoppord.txt
/// lists the words that do not count), computed once at import.
///
/// Each measure entry stores its signature with its kommun and categories in one value
/// (`Schema.Slot.measureGroup`), so `arkiv measures` counts every measure of a brist with one
/// pass of Xapian's value-count spy (locally, over shards and over xapian-tcpsrv alike) instead
/// of reading thousands of entries; and a term (`Schema.Prefix.measureSignature`) finds the
/// entries of one signature again for examples.
public struct MeasureSignature {
    private let stopwords: Set<String>
    private let stemmer: Stemmer

    public init(stopwords: Set<String>) throws {
        self.stopwords = stopwords
        stemmer = try Stemmer(language: "swedish")
    }

    /// The stemmed words of a measure, sorted, each once (words of three letters or more).
    public func words(of text: String) throws -> [String] {
        var out: Set<String> = []
        for token in text.lowercased().split(whereSeparator: { (c: Character) -> Bool in !c.isLetter }) where token.count > 2 {
            let word = String(token)
            if !stopwords.contains(word) { out.insert(try stemmer.stem(word)) }
        }
        return out.sorted()
    }

    /// Domain/stoppord.txt: one word a line, # comments.
    public static func stopwords(in domainFolder: URL) -> Set<String> {
        guard let text = try? String(contentsOf: domainFolder.appendingPathComponent("stoppord.txt"), encoding: .utf8) else { return [] }
        return Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }

    /// The value stored in `Schema.Slot.measureGroup`: signature, kommun and categories.
    public struct GroupValue: Hashable, Sendable {
        public var words: [String]
        public var municipality: String?
        /// In the measure's own order: the first is the one it is grouped under.
        public var categories: [String]

        public init(words: [String], municipality: String?, categories: [String]) {
            self.words = words
            self.municipality = municipality
            self.categories = categories
        }

        private static let separator: Character = "\u{1E}"

        public var encoded: String {
            [words.joined(separator: " "), municipality ?? "", categories.joined(separator: ",")]
                .joined(separator: String(Self.separator))
        }

        public init?(encoded: String) {
            // Split the bytes: splitting by characters cost a third of a measures answer.
            let parts = encoded.utf8.split(separator: 0x1E, omittingEmptySubsequences: false)
            guard parts.count == 3, !parts[0].isEmpty else { return nil }
            func string(_ bytes: Substring.UTF8View) -> String { String(Substring(bytes)) }
            words = parts[0].split(separator: 0x20).map(string)
            municipality = parts[1].isEmpty ? nil : string(parts[1])
            categories = parts[2].split(separator: 0x2C).map(string)
        }

        /// The term counting this value among the measures against `brist` (nil: among all
        /// measures); see `Schema.Prefix.measureCount`.
        public func countTerm(brist: String?) -> String { Self.countPrefix(brist: brist) + encoded }

        /// What every count term under `brist` starts with (the separator ends the brist, so
        /// no brist's terms are listed with another's).
        public static func countPrefix(brist: String?) -> String {
            Schema.Prefix.measureCount + (brist?.lowercased() ?? "") + String(separator)
        }

        /// The longest term Xapian stores is 245 bytes.
        static let maximumTermBytes = 240

        /// This value with as many of its words (in their sorted order) as let every count
        /// term fit Xapian's term length: a measure of a whole paragraph keeps a signature of
        /// its first words, and the value, the signature term and the count terms agree.
        public func fitted(brister: [String]) -> GroupValue {
            // Every count term: one per brist and one with none.
            let prefixes = ([nil] + brister.map(Optional.some)).map { Self.countPrefix(brist: $0).utf8.count }
            let room = Self.maximumTermBytes - prefixes.max()!
            var fitted = self
            while fitted.words.count > 1, fitted.encoded.utf8.count > room { fitted.words.removeLast() }
            return fitted
        }

        /// The term marking every entry with this signature (FNV-1a of the words: terms have a
        /// length limit, signatures do not).
        public static func signatureTerm(_ words: [String]) -> String {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in words.joined(separator: " ").utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            return Schema.Prefix.measureSignature + String(hash, radix: 16)
        }
    }
}
