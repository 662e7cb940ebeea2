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
    /// The distinct words by their UTF-8 bytes. Statements and lines are asked only whether
    /// they hold certain words, so their words never become Strings: Swift hashes a non-ASCII
    /// String through its NFC form, and that was a tenth of tagging.
    private let table: DistinctWords
    /// UTF-16 offsets of each word's occurrences (only when built with `positions: true`).
    let offsets: [String: [Int]]
    /// The words as Strings (made when first asked for).
    private(set) lazy var words: Set<String> = {
        var words = Set<String>(minimumCapacity: table.count)
        table.forEachString { words.insert($0) }
        return words
    }()
    /// The words by their first two bytes, for prefix lookups in a document's few hundred
    /// words (sorting them for a binary search cost more than all lookups together).
    private lazy var byLeadingPair: [UInt16: [String]] = {
        var buckets: [UInt16: [String]] = [:]
        for word in allWords {
            if let pair = Self.leadingPair(word) { buckets[pair, default: []].append(word) }
        }
        return buckets
    }()

    /// The words' first two bytes, as a filter: most prefix keys asked of a statement begin
    /// like none of its words, and this answers those without comparing bytes.
    private let leadingPairs: LeadingPairFilter

    init(_ text: some StringProtocol, positions: Bool = false) {
        var table = DistinctWords(keepingOffsets: positions, textBytes: text.utf8.count)
        Self.forEachWordBytes(in: text) { bytes, start in table.add(bytes, at: start) }
        var offsets: [String: [Int]] = [:]
        var pairs = LeadingPairFilter()
        if positions {
            offsets.reserveCapacity(table.count)
            table.forEachString { word, at in offsets[word] = at }
        } else {
            table.forEachEntry { _, bytes in pairs.insert(bytes) }
        }
        self.table = table
        self.offsets = offsets
        leadingPairs = pairs
    }

    /// How many distinct words.
    var count: Int { table.count }

    /// The words as Strings: a document's are its offsets' keys, already made.
    private var allWords: [String] { offsets.isEmpty ? Array(words) : Array(offsets.keys) }

    /// Every word of `text`, lower-cased, in order, with the UTF-16 offset where it starts.
    static func forEachWord(in text: some StringProtocol, _ body: (String, Int) -> Void) {
        forEachWordBytes(in: text) { bytes, start in body(String(decoding: bytes, as: UTF8.self), start) }
    }

    /// Every word of `text` as lower-cased UTF-8 bytes (valid only during the call), with the
    /// UTF-16 offset where it starts. Reads the text's UTF-8 directly: ASCII and Latin-1 (å, ä,
    /// ö, é) are decided inline, other characters through their Unicode properties.
    static func forEachWordBytes(in text: some StringProtocol, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        let scanned: Void? = text.utf8.withContiguousStorageIfAvailable { scanWords($0, body) }
        if scanned == nil {
            let copy = Array(text.utf8)
            copy.withUnsafeBufferPointer { scanWords($0, body) }
        }
    }

    private static func scanWords(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        var word: [UInt8] = []
        word.reserveCapacity(64)
        var utf16 = 0, start = 0
        var i = 0
        let n = bytes.count
        func emit() {
            word.withUnsafeBufferPointer { body($0, start) }
            word.removeAll(keepingCapacity: true)
        }
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) {
                    if word.isEmpty { start = utf16 }
                    word.append(b)
                } else if b >= 0x41 && b <= 0x5A {
                    if word.isEmpty { start = utf16 }
                    word.append(b + 32)
                } else if !word.isEmpty {
                    emit()
                }
                i += 1
                utf16 += 1
                continue
            }
            // The text is a valid String, so its UTF-8 is well formed.
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
            let scalar = Unicode.Scalar(value)!
            if isWordScalar(scalar) {
                if word.isEmpty { start = utf16 }
                appendLowercased(scalar, to: &word)
            } else if !word.isEmpty {
                emit()
            }
            i += length
            utf16 += length == 4 ? 2 : 1
        }
        if !word.isEmpty { emit() }
    }

    func contains(_ word: String) -> Bool { table.contains(HashedWord(word)) }

    /// Whether the word is here, its hash made once (a phrase set's keys are asked of every
    /// statement).
    func contains(_ word: HashedWord) -> Bool { table.contains(word) }

    /// Each distinct word's hash and bytes (valid only during the call).
    func forEachEntry(_ body: (UInt64, UnsafeBufferPointer<UInt8>) -> Void) { table.forEachEntry(body) }

    /// Whether a word starts with `prefix`.
    func hasWord(withPrefix prefix: String) -> Bool {
        if table.count > 64 || !offsets.isEmpty { return !words(withPrefix: prefix).isEmpty }
        guard leadingPairs.mayContainWord(startingLike: prefix) else { return false }
        var prefix = prefix
        return prefix.withUTF8 { p in
            table.contains { word in word.count >= p.count && (p.isEmpty || memcmp(word.baseAddress!, p.baseAddress!, p.count) == 0) }
        }
    }

    /// The words that start with `prefix`, in no particular order.
    func words(withPrefix prefix: String) -> [String] {
        guard let pair = Self.leadingPair(prefix) else {
            return allWords.filter { Self.hasUTF8Prefix($0, prefix) }
        }
        return (byLeadingPair[pair] ?? []).filter { Self.hasUTF8Prefix($0, prefix) }
    }

    private static func leadingPair(_ s: String) -> UInt16? {
        var bytes = s.utf8.makeIterator()
        guard let a = bytes.next(), let b = bytes.next() else { return nil }
        return UInt16(a) << 8 | UInt16(b)
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

    /// 0..<256 from the first two UTF-8 bytes; nil for a one-byte word.
    private static func slot<C: Collection>(_ bytes: C) -> Int? where C.Element == UInt8 {
        var bytes = bytes.makeIterator()
        guard let a = bytes.next(), let b = bytes.next() else { return nil }
        return (Int(a) &* 31 &+ Int(b)) & 255
    }

    mutating func insert(_ word: UnsafeBufferPointer<UInt8>) {
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
        guard let slot = Self.slot(prefix.utf8) else { return true }
        let word = switch slot >> 6 {
        case 0: bits.0
        case 1: bits.1
        case 2: bits.2
        default: bits.3
        }
        return word & (UInt64(1) << UInt64(slot & 63)) != 0
    }
}
