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
    /// All single-part phrases as one alternation, so a statement costs one regex run.
    private let simple: Pattern?
    /// `A + B` phrases: every pattern of an entry must match.
    private let combined: [[Pattern]]
    let isEmpty: Bool

    init(_ phrases: [String]) {
        var singles: [String] = []
        var combos: [[Pattern]] = []
        for phrase in phrases where !phrase.trimmingCharacters(in: .whitespaces).isEmpty {
            let parts = phrase.components(separatedBy: " + ")
            if parts.count == 1 {
                singles.append(Self.regex(for: phrase))
            } else {
                combos.append(parts.map { Pattern(Self.regex(for: $0)) })
            }
        }
        simple = singles.isEmpty ? nil : Pattern("(?:" + singles.joined(separator: ")|(?:") + ")")
        combined = combos
        isEmpty = singles.isEmpty && combos.isEmpty
    }

    /// Whether any phrase occurs in `text`. Stops at the first hit: the hot path of tagging.
    func matches(_ text: String) -> Bool {
        if simple?.firstMatch(in: text) != nil { return true }
        return combined.contains { combo in combo.allSatisfy { $0.firstMatch(in: text) != nil } }
    }

    /// Where the first phrase occurs (for `A + B`, where `A` occurs).
    func firstRange(in text: String) -> NSRange? {
        var best: NSRange? = simple?.firstMatch(in: text)?.range
        for combo in combined {
            var found: [NSRange] = []
            for part in combo {
                guard let range = part.firstMatch(in: text)?.range else { break }
                found.append(range)
            }
            if found.count == combo.count, best == nil || found[0].location < best!.location {
                best = found[0]
            }
        }
        return best
    }

    /// Every occurrence of a single-part phrase (used for scoring over a whole text).
    func ranges(in text: String) -> [NSRange] {
        simple?.matches(in: text).map(\.range) ?? []
    }

    /// Translates one phrase of the data-file syntax into a regular expression.
    static func regex(for rawPhrase: String) -> String {
        var phrase = rawPhrase.trimmingCharacters(in: .whitespaces)
        // Letters, digits and hyphens belong to a word: "lex Sarah-utredning" is not "utredning".
        var prefix = "(?<![\\p{L}\\p{N}-])"
        var suffix = "(?![\\p{L}\\p{N}])"
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
                .replacingOccurrences(of: "\\*", with: "[\\p{L}\\p{N}-]*")
        }
        if rawPhrase.hasSuffix("*") { suffix = "" }
        if let first = phrase.first, !(first.isLetter || first.isNumber) { prefix = prefix.hasPrefix("^") ? prefix : "" }
        if let last = phrase.last, !(last.isLetter || last.isNumber || last == "*"), !rawPhrase.hasSuffix("$") { suffix = "" }
        return prefix + words.joined(separator: "\\s+") + suffix
    }
}
