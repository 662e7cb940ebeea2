import Tagging

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
    /// Indexes into `patterns` by the FNV-1a hash of the expression's first word: a text is
    /// read once, word by word, rather than once per expression. Hashing a word's bytes, not a
    /// String made of them, because Swift hashes a non-ASCII String through its NFC form; a
    /// hash collision only makes a candidate that the byte comparison then rejects.
    private let byFirstWord: [UInt64: [Int]]

    public static let metadataKey = "phrase_terms"
    public static let empty = PhraseTerms(keys: [])

    public init<S: Sequence>(keys: S) where S.Element == String {
        let keys = Set(keys.filter { $0.contains("_") && $0.utf8.count <= 200 })
        self.keys = keys
        patterns = keys.sorted().map { key in
            (key, [UInt8](" ".utf8) + Array(key.utf8).map { $0 == UInt8(ascii: "_") ? UInt8(ascii: " ") : $0 } + [UInt8](" ".utf8))
        }
        let sorted = keys.sorted()
        byFirstWord = Dictionary(grouping: sorted.indices, by: { WordHash.fnv1a(sorted[$0].utf8.prefix { $0 != UInt8(ascii: "_") }) })
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
        let space = UInt8(ascii: " ")
        var counts = [Int](repeating: 0, count: patterns.count)
        // Where each expression's last match ended: consecutive matches may share a space,
        // overlapping ones do not count.
        var nextFree = [Int](repeating: 0, count: patterns.count)
        haystack.withUnsafeBufferPointer { h in
            var i = 0  // h[i] is the space before a word
            while i + 1 < h.count {
                var end = i + 1
                while end < h.count && h[end] != space { end += 1 }
                if let candidates = byFirstWord[WordHash.fnv1a(h[(i + 1)..<end])] {
                    for p in candidates where i >= nextFree[p] && Self.matches(patterns[p].bytes, at: i, in: h) {
                        counts[p] += 1
                        nextFree[p] = i + patterns[p].bytes.count - 1
                    }
                }
                i = end
            }
        }
        var found: [String: Int] = [:]
        for (p, count) in counts.enumerated() where count > 0 { found[prefix + patterns[p].key] = count }
        return found
    }

    /// Lower case, every run of characters that are not part of a word (as Xapian's term
    /// generator splits words: letters, digits, "_") turned into one space, with a space at
    /// each end: word boundaries become plain byte matches.
    static func normalised(_ text: String) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: " ")]
        out.reserveCapacity(text.utf8.count + 2)
        var lastWasSpace = true
        func isWordChar(_ scalar: Unicode.Scalar) -> Bool {
            let v = scalar.value
            if v < 0x80 { return asciiWordByte[Int(v)] != 0 }
            // Latin-1 without a property lookup: letters À–ÿ but × and ÷, ª µ º, and ² ³ ¹ ¼ ½ ¾.
            if v < 0x100 {
                return (v >= 0xC0 && v != 0xD7 && v != 0xF7) || v == 0xAA || v == 0xB5 || v == 0xBA
                    || v == 0xB2 || v == 0xB3 || v == 0xB9 || v == 0xBC || v == 0xBD || v == 0xBE
            }
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
        func append(_ scalar: Unicode.Scalar) {
            if isWordChar(scalar) {
                if scalar.value < 0x80 { out.append(UInt8(scalar.value)) } else { UTF8.encode(scalar) { out.append($0) } }
                lastWasSpace = false
            } else if !lastWasSpace {
                out.append(UInt8(ascii: " "))
                lastWasSpace = true
            }
        }
        func appendNonASCII(_ scalar: Unicode.Scalar) {
            let v = scalar.value
            if v < 0x100 {
                append(v >= 0xC0 && v <= 0xDE && v != 0xD7 ? Unicode.Scalar(UInt8(v + 0x20)) : scalar)
            } else if scalar.properties.changesWhenLowercased {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { append(lower) }
            } else {
                append(scalar)
            }
        }
        // ASCII byte by byte through a table (most of any text); other scalars decoded from the
        // bytes. Lower-casing the whole text first was a third of this function's time.
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    let mapped = asciiWordByte[Int(b)]
                    if mapped != 0 {
                        out.append(mapped)
                        lastWasSpace = false
                    } else if !lastWasSpace {
                        out.append(UInt8(ascii: " "))
                        lastWasSpace = true
                    }
                    i += 1
                    continue
                }
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
                appendNonASCII(Unicode.Scalar(value)!)
                i += length
            }
        }
        if !lastWasSpace { out.append(UInt8(ascii: " ")) }
        return out
    }

    /// For each ASCII byte: its lower case if it belongs to a word (letters, digits, "_"), else 0.
    private static let asciiWordByte: [UInt8] = (0..<128).map { (b: Int) -> UInt8 in
        let byte = UInt8(b)
        let isWord = (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x5F
        return isWord ? (byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte) : 0
    }

    /// Whether `pattern` (which begins and ends with a space) stands at `offset` of `text`.
    private static func matches(_ pattern: [UInt8], at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset + pattern.count <= text.count else { return false }
        for j in 1..<pattern.count where text[offset + j] != pattern[j] { return false }
        return true
    }
}
