#if canImport(Glibc)
import Glibc
#endif

/// The distinct words of a text, lower-cased, and optionally where each occurs: a cheap test of
/// whether a phrase can occur at all, and where, before its regular expression runs.
///
/// A word is a maximal run of letters and digits (Unicode Alphabetic and decimal digits), so
/// "lex Sarah-utredning" has the words lex, sarah and utredning. These are all word characters
/// (`\w`) to the phrase expressions too, so wherever an expression sees a word start, this does.
/// Tagging used to spend most of its time in ICU regex scans (about 10 ns a character even for
/// a plain word) over text that holds none of the phrase words; a hash lookup per word
/// rules those out, and the offsets let a phrase be tried only where its first word stands.
final class WordSet {
    let words: Set<String>
    /// UTF-16 offsets of each word's occurrences (only when built with `positions: true`).
    let offsets: [String: [Int]]
    /// The words in UTF-8 order, for prefix lookups.
    private lazy var sorted: [String] = words.sorted(by: Self.precedesInUTF8)

    /// The words' first two bytes, as a filter: most prefix keys asked of a statement begin
    /// like none of its words, and this answers those without comparing strings.
    private let leadingPairs: LeadingPairFilter

    init(_ text: some StringProtocol, positions: Bool = false) {
        var words: Set<String> = []
        var offsets: [String: [Int]] = [:]
        Self.forEachWord(in: text) { word, start in
            if positions { offsets[word, default: []].append(start) } else { words.insert(word) }
        }
        self.words = positions ? Set(offsets.keys) : words
        self.offsets = offsets
        var pairs = LeadingPairFilter()
        if !positions { for word in words { pairs.insert(word) } }
        leadingPairs = pairs
    }

    /// Every word of `text`, lower-cased, in order, with the UTF-16 offset where it starts.
    /// The word is built as UTF-8 bytes: appending scalar by scalar to a String was a tenth of
    /// a worker's time.
    static func forEachWord(in text: some StringProtocol, _ body: (String, Int) -> Void) {
        var word: [UInt8] = []
        word.reserveCapacity(64)
        var offset = 0, start = 0
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                if word.isEmpty { start = offset }
                appendLowercased(scalar, to: &word)
            } else if !word.isEmpty {
                body(String(decoding: word, as: UTF8.self), start)
                word.removeAll(keepingCapacity: true)
            }
            offset += scalar.value > 0xFFFF ? 2 : 1
        }
        if !word.isEmpty { body(String(decoding: word, as: UTF8.self), start) }
    }

    func contains(_ word: String) -> Bool { words.contains(word) }

    /// Whether a word starts with `prefix`. A statement has a few dozen words: scanning them
    /// beats sorting them for a binary search.
    func hasWord(withPrefix prefix: String) -> Bool {
        if words.count > 64 || !offsets.isEmpty { return !words(withPrefix: prefix).isEmpty }
        guard leadingPairs.mayContainWord(startingLike: prefix) else { return false }
        return words.contains { Self.hasUTF8Prefix($0, prefix) }
    }

    /// The words that start with `prefix`.
    func words(withPrefix prefix: String) -> ArraySlice<String> {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if Self.precedesInUTF8(sorted[mid], prefix) { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < sorted.count && Self.hasUTF8Prefix(sorted[end], prefix) { end += 1 }
        return sorted[low..<end]
    }

    /// UTF-8 byte order by memcmp: the generic `utf8.lexicographicallyPrecedes` cost about
    /// 150 instructions a comparison, and sorting a document's words was 3 % of tagging.
    static func precedesInUTF8(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return order != 0 ? order < 0 : x.count < y.count
            }
        }
    }

    /// Whether `word`'s UTF-8 bytes begin with `prefix`'s, by memcmp.
    static func hasUTF8Prefix(_ word: String, _ prefix: String) -> Bool {
        var word = word, prefix = prefix
        return word.withUTF8 { w in
            prefix.withUTF8 { p in p.isEmpty || (w.count >= p.count && memcmp(w.baseAddress!, p.baseAddress!, p.count) == 0) }
        }
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        // Latin-1 (å, ä, ö, é …) without a Unicode property lookup: its letters are À–ÿ but × and ÷, and ª µ º.
        if v < 0x100 { return (v >= 0xC0 && v != 0xD7 && v != 0xF7) || v == 0xAA || v == 0xB5 || v == 0xBA }
        return s.properties.isAlphabetic || s.properties.generalCategory == .decimalNumber
    }

    static func appendLowercased(_ s: Unicode.Scalar, to word: inout [UInt8]) {
        let v = s.value
        if v < 0x80 {
            word.append(UInt8(v >= 0x41 && v <= 0x5A ? v + 32 : v))
        } else if v < 0x100 {
            // Latin-1 capitals À–Þ (but ×) lower-case 0x20 further on.
            let lower = v >= 0xC0 && v <= 0xDE && v != 0xD7 ? v + 0x20 : v
            word.append(UInt8(0xC0 | (lower >> 6)))
            word.append(UInt8(0x80 | (lower & 0x3F)))
        } else if s.properties.changesWhenLowercased {
            word.append(contentsOf: s.properties.lowercaseMapping.utf8)
        } else {
            UTF8.encode(s) { word.append($0) }
        }
    }

    /// A word that every match of a phrase contains.
    struct Key: Hashable {
        var word: String
        /// `orosanmäl*`: the match has a word starting with `word`.
        var isPrefix: Bool
    }

    /// The words of a phrase in the data-file syntax that any match must contain, in order.
    /// Only words whose boundaries the expression enforces qualify (see `PhraseSet.regex(for:)`):
    /// after a `*` inside a word the expression no longer knows where a word starts.
    static func keys(ofPhrase rawPhrase: String) -> [Key] {
        var phrase = rawPhrase.trimmingCharacters(in: .whitespaces)
        if phrase.hasPrefix("^") { phrase.removeFirst() }
        if phrase.hasSuffix("$") { phrase.removeLast() }
        var keys: [Key] = []
        for part in phrase.split(whereSeparator: { $0.isWhitespace }) {
            let literal = part.split(separator: "*", maxSplits: 1, omittingEmptySubsequences: false)[0]
            let endsInStar = literal.count < part.count && literal.unicodeScalars.last.map(isWordScalar) == true
            var words: [String] = []
            forEachWord(in: literal) { word, _ in words.append(word) }
            for (i, w) in words.enumerated() {
                keys.append(Key(word: w, isPrefix: i == words.count - 1 && endsInStar))
            }
        }
        return keys
    }
}

/// A 256-bit set of hashed leading byte pairs: no false negatives, few false positives for the
/// few dozen words of a statement.
private struct LeadingPairFilter {
    private var bits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    /// 0..<256 from the first two UTF-8 bytes; nil for a one-byte string.
    private static func slot(_ s: String) -> Int? {
        var bytes = s.utf8.makeIterator()
        guard let a = bytes.next(), let b = bytes.next() else { return nil }
        return (Int(a) &* 31 &+ Int(b)) & 255
    }

    mutating func insert(_ word: String) {
        guard let slot = Self.slot(word) else { return }
        let mask = UInt64(1) << UInt64(slot & 63)
        switch slot >> 6 {
        case 0: bits.0 |= mask
        case 1: bits.1 |= mask
        case 2: bits.2 |= mask
        default: bits.3 |= mask
        }
    }

    /// False only when no inserted word starts with the first two bytes of `prefix`.
    func mayContainWord(startingLike prefix: String) -> Bool {
        guard let slot = Self.slot(prefix) else { return true }
        let word = switch slot >> 6 {
        case 0: bits.0
        case 1: bits.1
        case 2: bits.2
        default: bits.3
        }
        return word & (UInt64(1) << UInt64(slot & 63)) != 0
    }
}
