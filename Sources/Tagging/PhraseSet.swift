import Foundation

/// Phrasings from the Domain/ data files, compiled for matching.
///
/// The syntax is made for people who extend the data files, not for regex writers
/// (Domain/README.md documents it):
/// - words match whole words, case-insensitively, across line breaks: `förhandsbedömning`
/// - `*` matches the rest of a word: `orosanmäl*` finds orosanmälan, orosanmälningar
/// - a leading `^` anchors at the start of a statement or line; a trailing `$` at its end
/// - `A + B` needs both parts somewhere in the same statement
struct PhraseSet: Sendable {
    /// One phrase of the file: its parts (two or more for `A + B`), each a compiled expression.
    private struct Entry {
        var parts: [Pattern]
        /// The phrase's first word when every match starts exactly there.
        var anchor: WordSet.Key?
        /// Every word any match contains (of all parts), and every word beginning: a text
        /// without one of them cannot match, so its expressions need not run. The key that
        /// found the entry is one of these; the others rule out most of the rest.
        var requiredWords: [HashedWord]
        var requiredPrefixes: [String]
    }
    private let entries: [Entry]
    /// Word keys: an entry can only match a text that has its key word (or a word starting with
    /// its key prefix). Entries without a usable key are always tried.
    private let exactKeys: [String: [Int]]
    /// The same, by bytes: asked of every statement, where a String lookup hashed each word
    /// through its NFC form.
    private let exactKeyTable: DistinctWords
    private let exactKeyEntries: [(word: HashedWord, entries: [Int])]
    private let prefixKeys: [(prefix: String, entries: [Int])]
    private let unkeyed: [Int]
    private let allAnchored: Bool
    let isEmpty: Bool

    init(_ phrases: [String]) {
        var entries: [Entry] = []
        var exactKeys: [String: [Int]] = [:], prefixKeys: [String: [Int]] = [:]
        var unkeyed: [Int] = []
        for phrase in phrases {
            let trimmed = phrase.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            let parts = phrase.components(separatedBy: " + ")
            let index = entries.count
            let keys = parts.map(WordSet.keys(ofPhrase:))
            let startsWithWord = trimmed.unicodeScalars.first.map(WordSet.isWordScalar) ?? false
            let all = keys.flatMap { $0 }
            entries.append(Entry(parts: parts.map { Pattern(Self.regex(for: $0)) },
                                 anchor: parts.count == 1 && startsWithWord ? keys[0].first : nil,
                                 requiredWords: Set(all.filter { !$0.isPrefix }.map(\.word)).sorted().map(HashedWord.init),
                                 requiredPrefixes: Set(all.filter(\.isPrefix).map(\.word)).sorted()))
            // Every part must match, so the key of any part will do: the longest whole word
            // (the rarest), else the longest word beginning.
            if let word = all.filter({ !$0.isPrefix }).max(by: { $0.word.count < $1.word.count }) {
                exactKeys[word.word, default: []].append(index)
            } else if let prefix = all.max(by: { $0.word.count < $1.word.count }) {
                prefixKeys[prefix.word, default: []].append(index)
            } else {
                unkeyed.append(index)
            }
        }
        self.entries = entries
        self.exactKeys = exactKeys
        var table = DistinctWords(keepingOffsets: false)
        var keyEntries: [(word: HashedWord, entries: [Int])] = []
        for (key, list) in exactKeys {
            let word = HashedWord(key)
            word.bytes.withUnsafeBufferPointer { _ = table.add($0) }  // entry number = its place in keyEntries
            keyEntries.append((word, list))
        }
        exactKeyTable = table
        exactKeyEntries = keyEntries
        self.prefixKeys = prefixKeys.map { ($0.key, $0.value) }
        self.unkeyed = unkeyed
        allAnchored = entries.allSatisfy { $0.anchor != nil }
        isEmpty = entries.isEmpty
    }

    /// The entries that may match a text with these words, in file order.
    private func candidates(_ words: WordSet) -> [Int] {
        var found = unkeyed
        if exactKeyEntries.count <= words.count {
            for key in exactKeyEntries where words.contains(key.word) { found += key.entries }
        } else {
            words.forEachEntry { hash, bytes in
                if let entry = exactKeyTable.entry(hash: hash, bytes: bytes) { found += exactKeyEntries[entry].entries }
            }
        }
        for (prefix, list) in prefixKeys where words.hasWord(withPrefix: prefix) { found += list }
        found.removeAll { entry in
            !entries[entry].requiredWords.allSatisfy(words.contains) || !entries[entry].requiredPrefixes.allSatisfy(words.hasWord(withPrefix:))
        }
        if found.count > 1 { found.sort() }
        return found
    }

    /// Where in a document the entries' key words stand. A span of the document without any of
    /// them cannot hold a match, so extractors skip most statements and lines without
    /// tokenising them. `words` must be built with positions (`TextDocument.words` is).
    func keyOffsets(in words: WordSet) -> KeyOffsets {
        guard unkeyed.isEmpty else { return KeyOffsets(sorted: nil) }
        var offsets: [Int] = []
        if exactKeys.count <= words.offsets.count {
            for key in exactKeys.keys { offsets += words.offsets[key] ?? [] }
        } else {
            for (word, at) in words.offsets where exactKeys[word] != nil { offsets += at }
        }
        for (prefix, _) in prefixKeys {
            for form in words.words(withPrefix: prefix) { offsets += words.offsets[form] ?? [] }
        }
        return KeyOffsets(sorted: offsets.sorted())
    }

    /// Sorted UTF-16 offsets of key words in a document; nil: a match may stand anywhere.
    struct KeyOffsets {
        let sorted: [Int]?

        /// Whether a key word starts within `span` (UTF-16 offsets of the document's text).
        func any(in span: Range<Int>) -> Bool {
            guard let sorted else { return true }
            var low = 0, high = sorted.count
            while low < high {
                let mid = (low + high) / 2
                if sorted[mid] < span.lowerBound { low = mid + 1 } else { high = mid }
            }
            return low < sorted.count && sorted[low] < span.upperBound
        }
    }

    /// False when no phrase can occur in a text with these words (each lacks a word it needs):
    /// a test that spares running an expression built from these phrasings.
    func mayOccur(in words: WordSet) -> Bool {
        !isEmpty && !candidates(words).isEmpty
    }

    /// Whether any phrase occurs in `text`. Stops at the first hit: the hot path of tagging.
    /// Pass `words` when the caller has them (a superset of the text's words is fine).
    func matches(_ text: String, words: WordSet? = nil) -> Bool {
        if isEmpty { return false }
        return candidates(words ?? WordSet(text)).contains { i in
            entries[i].parts.allSatisfy { $0.firstMatch(in: text) != nil }
        }
    }

    /// Where the first phrase occurs (for `A + B`, where `A` occurs).
    func firstRange(in text: String, words: WordSet? = nil) -> NSRange? {
        if isEmpty { return nil }
        var best: NSRange?
        for i in candidates(words ?? WordSet(text)) {
            var found: [NSRange] = []
            for part in entries[i].parts {
                guard let range = part.firstMatch(in: text)?.range else { break }
                found.append(range)
            }
            if found.count == entries[i].parts.count, best == nil || found[0].location < best!.location {
                best = found[0]
            }
        }
        return best
    }

    /// Every occurrence of a single-part phrase (used for scoring over a whole text), leftmost
    /// first and not overlapping, as one alternation of all phrases finds them. With `words`
    /// built with positions, a phrase is tried only where its first word stands.
    func ranges(in text: String, words: WordSet? = nil) -> [NSRange] {
        if isEmpty { return [] }
        let words = words ?? WordSet(text)
        let candidates = candidates(words).filter { entries[$0].parts.count == 1 }
        var hits: [(location: Int, entry: Int, range: NSRange?)] = []
        if allAnchored && !words.offsets.isEmpty {
            for i in candidates {
                let anchor = entries[i].anchor!
                let forms = anchor.isPrefix ? words.words(withPrefix: anchor.word) : [anchor.word]
                for form in forms { hits += (words.offsets[form] ?? []).map { ($0, i, nil) } }
            }
        } else {
            for i in candidates { hits += entries[i].parts[0].matches(in: text).map { ($0.range.location, i, $0.range) } }
        }
        hits.sort { ($0.location, $0.entry) < ($1.location, $1.entry) }
        var result: [NSRange] = []
        for hit in hits where result.last.map({ NSMaxRange($0) <= hit.location }) ?? true {
            if let range = hit.range ?? entries[hit.entry].parts[0].match(in: text, at: hit.location)?.range {
                result.append(range)
            }
        }
        return result
    }

    /// Translates one phrase of the data-file syntax into a regular expression.
    static func regex(for rawPhrase: String) -> String {
        var phrase = rawPhrase.trimmingCharacters(in: .whitespaces)
        // Letters, digits and hyphens belong to a word: "lex Sarah-utredning" is not "utredning".
        // (`\w|-` rather than a set `[\w-]`: ICU builds a case-closed set for every bracket
        // expression, which made compiling the phrasings take half a second per process.)
        var prefix = "(?<!\\w|-)"
        var suffix = "(?!\\w)"
        if phrase.hasPrefix("^") {
            phrase.removeFirst()
            prefix = "^[\\s\\p{Pd}•▪●◦·*#>|\"”(]*"  // bullets and markup before the phrase
        }
        if phrase.hasSuffix("$") {
            phrase.removeLast()
            suffix = "[\\s.:!?*]*$"
        }
        let words = phrase.split(whereSeparator: { $0.isWhitespace }).map { word -> String in
            NSRegularExpression.escapedPattern(for: String(word))
                .replacingOccurrences(of: "\\*", with: "(?:\\w|-)*")
        }
        if rawPhrase.hasSuffix("*") { suffix = "" }
        if let first = phrase.first, !(first.isLetter || first.isNumber) { prefix = prefix.hasPrefix("^") ? prefix : "" }
        if let last = phrase.last, !(last.isLetter || last.isNumber || last == "*"), !rawPhrase.hasSuffix("$") { suffix = "" }
        return prefix + words.joined(separator: "\\s+") + suffix
    }
}
