/// The multi-word expressions of the synonym data ("plan för genomförande", "anmälan om oro",
/// "hem för vård eller boende"), indexed as one term each: `XPplan_för_genomförande`.
///
/// Why: "genomförandeplan" also searches "plan för genomförande", and a phrase query checks the
/// word positions of every document holding all its words. At a million documents that was
/// 40–65 ms of a 70–110 ms search; one term is a posting list like any word's. The index records
/// which expressions it holds (metadata `phrase_terms`, fixed when the index is created, so every
/// document has the same ones); the query side uses the term for those and a phrase query for
/// any expression added to the synonym data later, so answers are right either way.
public struct PhraseTerms: Sendable, Equatable {
    public static func == (a: PhraseTerms, b: PhraseTerms) -> Bool { a.keys == b.keys }

    /// Each expression's words, lower case, joined by "_" ("plan_för_genomförande").
    public let keys: Set<String>
    /// The keys as " plan för genomförande " in UTF-8, to find in a normalised text.
    private let patterns: [(key: String, bytes: [UInt8])]

    public static let metadataKey = "phrase_terms"
    public static let empty = PhraseTerms(keys: [])

    public init<S: Sequence>(keys: S) where S.Element == String {
        let keys = Set(keys.filter { $0.contains("_") && $0.utf8.count <= 200 })
        self.keys = keys
        patterns = keys.sorted().map { key in
            (key, [UInt8](" ".utf8) + Array(key.utf8).map { $0 == UInt8(ascii: "_") ? UInt8(ascii: " ") : $0 } + [UInt8](" ".utf8))
        }
    }

    /// The multi-word keys and alternatives of Domain/synonyms.json.
    public init(synonyms: [String: [String]]) {
        self.init(keys: (Array(synonyms.keys) + synonyms.values.flatMap { $0 }).compactMap(Self.key(of:)))
    }

    /// As recorded in an index's metadata: keys separated by newlines.
    public init(recorded: String) {
        self.init(keys: recorded.split(separator: "\n").map(String.init))
    }

    public var recorded: String { keys.sorted().joined(separator: "\n") }

    /// The key of an expression of two or more words ("hälso- och sjukvårdslagen" →
    /// "hälso_och_sjukvårdslagen"), nil for a single word.
    public static func key(of expression: String) -> String? {
        let words = String(decoding: normalised(expression), as: UTF8.self).split(separator: " ")
        return words.count >= 2 ? words.joined(separator: "_") : nil
    }

    /// The words of an expression's term (prefix already removed): "plan_för_genomförande" →
    /// plan, för, genomförande.
    public static func words(ofKey key: Substring) -> [String] {
        key.split(separator: "_").map(String.init)
    }

    /// How often each expression occurs in `text`, by term (prefix included), for one stretch of
    /// text that a phrase query could match within (a page: the indexer leaves a position gap
    /// between pages).
    public func terms(in text: String, prefix: String) -> [String: Int] {
        guard !patterns.isEmpty else { return [:] }
        let haystack = Self.normalised(text)
        var found: [String: Int] = [:]
        haystack.withUnsafeBufferPointer { h in
            for (key, pattern) in patterns {
                let count = Self.occurrences(of: pattern, in: h)
                if count > 0 { found[prefix + key] = count }
            }
        }
        return found
    }

    /// Lower case, every run of characters that are not part of a word (as Xapian's term
    /// generator splits words: letters, digits, "_") turned into one space, with a space at
    /// each end: word boundaries become plain byte matches.
    static func normalised(_ text: String) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: " ")]
        out.reserveCapacity(text.utf8.count + 2)
        var lastWasSpace = true
        for scalar in text.lowercased().unicodeScalars {
            let v = scalar.value
            let isWordChar = v < 0x80
                ? ((v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) || v == 0x5F)
                : (scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
            if isWordChar {
                UTF8.encode(scalar) { out.append($0) }
                lastWasSpace = false
            } else if !lastWasSpace {
                out.append(UInt8(ascii: " "))
                lastWasSpace = true
            }
        }
        if !lastWasSpace { out.append(UInt8(ascii: " ")) }
        return out
    }

    /// Occurrences of `pattern` (which begins and ends with a space) in `text`; consecutive
    /// ones may share the space between them.
    private static func occurrences(of pattern: [UInt8], in text: UnsafeBufferPointer<UInt8>) -> Int {
        guard pattern.count <= text.count, let first = pattern.first else { return 0 }
        var count = 0
        var i = 0
        let last = text.count - pattern.count
        while i <= last {
            if text[i] == first, text[i + 1] == pattern[1] {
                var j = 2
                while j < pattern.count, text[i + j] == pattern[j] { j += 1 }
                if j == pattern.count {
                    count += 1
                    i += pattern.count - 1
                    continue
                }
            }
            i += 1
        }
        return count
    }
}
