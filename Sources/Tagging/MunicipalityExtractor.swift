import Foundation

/// Finds every kommun a text names, and the document's own kommun.
///
/// Names come from Domain/kommuner.txt, context words from Domain/kommunkontext.json. A name
/// counts when written with a capital (so "vara" the verb is not Vara), not followed by
/// "län"/"universitet" nor preceded by "Region" (Region Örebro is not Örebro kommun). Names
/// that are also common words (`Vara *` in the file) need kommun context: "Vara kommun",
/// "Socialnämnden i Vara", or a postcode before them.
///
/// The own kommun is the one with the highest score: kommun context ("Lekebergs kommun",
/// "Socialnämnden i Kalmar") 5, postcode address 3, "i Tyresö" 2, a bare mention 1, plus 3 once
/// for a contextual mention near the top (letterhead, addressee, the supervised party).
struct MunicipalityExtractor {
    struct Mention {
        var kommun: String
        var range: NSRange
        var score: Int
    }
    struct Result {
        var own: Mention?
        /// Each kommun once, in order of first mention.
        var all: [Mention]
    }

    private let names: Pattern
    /// The words a mention can start with: each name's first word, and a one-word name with a
    /// genitive s ("Lekebergs").
    private let startWords: Set<String>
    private let canonical: [String: String]  // lower-cased name or alias -> base form
    private let aliases: Set<String>
    private let ambiguous: Set<String>
    private let ownBefore: Context, ownAfter: Context, notBefore: Context, notAfter: Context
    private static let postcode = Pattern("\\d{3}\\s?\\d{2}\\s+$")
    private static let inBefore = Pattern("(?<![\\p{L}])i\\s+$")
    private static let topLength = 1500

    init(domain: DomainData) {
        var canonical: [String: String] = [:]
        for k in domain.kommuner { canonical[k.lowercased()] = k }
        for (alias, k) in domain.kommunAliases { canonical[alias.lowercased()] = k }
        self.canonical = canonical
        aliases = Set(domain.kommunAliases.keys.map { $0.lowercased() })
        ambiguous = domain.ambiguousKommuner
        let alternation = canonical.keys.sorted { $0.count > $1.count }
            .map { NSRegularExpression.escapedPattern(for: $0).replacingOccurrences(of: " ", with: "\\s+") }
            .joined(separator: "|")
        names = Pattern("(?<![\\p{L}\\p{N}@.-])(\(alternation))(s)?(?![\\p{L}\\p{N}]|\\.se)")
        startWords = Set(canonical.keys.flatMap { name -> [String] in
            let words = WordSet.keys(ofPhrase: name).map(\.word)
            guard let first = words.first else { return [] }
            return words.count == 1 ? [first, first + "s"] : [first]
        })
        let ctx = domain.kommunKontext
        ownBefore = Context(ctx.ownBefore, before: true)
        ownAfter = Context(ctx.ownAfter, before: false)
        notBefore = Context(ctx.notBefore, before: true)
        notAfter = Context(ctx.notAfter, before: false)
    }

    func extract(from doc: TextDocument) -> Result {
        let text = doc.text
        let length = text.utf16.count
        var mentions: [Mention] = []
        // A mention starts where a name's first word stands: try the names only there (scanning
        // 290 names over every position of every document was a tenth of all import time).
        let starts = doc.words.offsets.filter { startWords.contains($0.key) }.flatMap(\.value).sorted()
        for m in names.matches(in: text, at: starts) {
            let written = text.sub(m.range(at: 1))
            guard let first = written.first, first.isUppercase,
                  let kommun = canonical[written.lowercased().collapsedWhitespace] else { continue }
            let beforeStart = max(0, m.range.location - 40)
            let before = text.sub(NSRange(location: beforeStart, length: m.range.location - beforeStart))
            let afterEnd = min(length, NSMaxRange(m.range) + 30)
            let after = text.sub(NSRange(location: NSMaxRange(m.range), length: afterEnd - NSMaxRange(m.range)))
            let isAlias = aliases.contains(written.lowercased().collapsedWhitespace)
            let beforeWords = WordSet(before), afterWords = WordSet(after)
            if !isAlias && (notBefore.found(in: before, words: beforeWords) || notAfter.found(in: after, words: afterWords)) { continue }
            var score = 1
            if isAlias || ownBefore.found(in: before, words: beforeWords) || ownAfter.found(in: after, words: afterWords) {
                score = 5
            } else if Self.postcode.contains(before) {
                score = 3
            } else if Self.inBefore.contains(before) {
                score = 2
            }
            if ambiguous.contains(kommun) && score < 3 { continue }
            mentions.append(Mention(kommun: kommun, range: m.range, score: score))
        }
        var totals: [String: Int] = [:]
        var firstMention: [String: Mention] = [:]
        var bonus: Set<String> = []
        var order: [String] = []
        for mention in mentions {
            if firstMention[mention.kommun] == nil {
                firstMention[mention.kommun] = mention
                order.append(mention.kommun)
            }
            totals[mention.kommun, default: 0] += mention.score
            if mention.score >= 2, mention.range.location < Self.topLength, bonus.insert(mention.kommun).inserted {
                totals[mention.kommun, default: 0] += 3
            }
        }
        let all = order.compactMap { firstMention[$0] }
        let best = order.max { totals[$0, default: 0] < totals[$1, default: 0] }  // first of equals wins
        let own = best.flatMap { k in totals[k, default: 0] >= 1 ? mentions.first { $0.kommun == k && $0.score == mentions.filter { $0.kommun == k }.map(\.score).max() } : nil }
        return Result(own: own, all: all)
    }

    /// Phrasings that must stand right before a name (ending the text before it) or right after
    /// it (starting the text after it).
    private struct Context {
        let pattern: Pattern
        /// The phrasings' words: most text around a name holds none of them, and then the
        /// expression (tried by ICU at every place of that text) need not run.
        let phrases: PhraseSet

        init(_ phrasings: [String], before: Bool) {
            let alternation = phrasings.map(PhraseSet.regex(for:)).joined(separator: "|")
            pattern = Pattern(before ? "(?:\(alternation))\\s+$" : "^\\s+(?:\(alternation))")
            phrases = PhraseSet(phrasings)
        }

        func found(in text: String, words: WordSet) -> Bool {
            phrases.mayOccur(in: words) && pattern.contains(text)
        }
    }
}
