import ArchiveIndex

/// Expands a query with the synonyms and abbreviations of Domain/synonyms.json: "IVO" also
/// finds "Inspektionen för vård och omsorg" and the other way round.
///
/// Done on the query text rather than through Xapian's synonym table because Xapian treats a
/// multi-word synonym as one term, and most of ours ("hem för vård eller boende") are phrases.
public struct SynonymExpansion: Sendable {
    /// Lower-case term or phrase → what it also means.
    let synonyms: [String: [String]]
    /// Inflections the stemmer does not bring together (orosanmälan / orosanmälningar).
    let inflections: InflectionFamilies
    /// Keys, longest first, so "lex sarah" is tried before "sarah".
    private let keys: [String]
    /// Multi-word expressions the index holds as single terms (`PhraseTerms`): written as
    /// `fras:plan_för_genomförande` instead of a phrase, which costs a position check per document.
    public private(set) var indexedPhrases: Set<String> = []

    /// The query field naming one indexed expression's term.
    public static let termField = "fras"

    public init(synonyms: [String: [String]], inflections: InflectionFamilies = .empty) {
        self.synonyms = synonyms
        self.inflections = inflections
        keys = synonyms.keys.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    }

    public static let none = SynonymExpansion(synonyms: [:])

    /// The same expansion for an index holding `phrases` as terms.
    public func indexed(_ phrases: PhraseTerms) -> SynonymExpansion {
        var copy = self
        copy.indexedPhrases = phrases.keys
        return copy
    }

    /// An expression of several words as the query parser should see it: its indexed term, or
    /// a phrase.
    func multiWord(_ expression: String) -> String {
        if let key = PhraseTerms.key(of: expression), indexedPhrases.contains(key) { return Self.termField + ":" + key }
        return "\"" + expression + "\""
    }

    /// Rewrites plain words of `query` (not inside quotes, not field values, not operators) that
    /// are synonym keys into `(key OR "synonym" ...)`.
    public func expand(_ query: String) -> String {
        guard !synonyms.isEmpty || !inflections.families.isEmpty, !query.contains("(") else { return query }
        // Split into quoted parts, which stay as they are, and free text.
        var out = ""
        var inQuote = false
        var segment = ""
        for ch in query {
            if ch == "\"" {
                out += inQuote ? "\"" + segment + "\"" : expandSegment(segment)
                segment = ""
                inQuote.toggle()
            } else {
                segment.append(ch)
            }
        }
        out += inQuote ? "\"" + segment : expandSegment(segment)
        return out
    }

    private func expandSegment(_ text: String) -> String {
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var i = 0
        var result: [String] = []
        while i < words.count {
            var matched = false
            for key in keys {
                let keyWords = key.split(separator: " ").map(String.init)
                guard i + keyWords.count <= words.count else { continue }
                let slice = words[i..<(i + keyWords.count)]
                if slice.map({ $0.lowercased() }) == keyWords, !slice.contains(where: { $0.contains(":") }) {
                    let original = slice.joined(separator: " ")
                    let alternatives = [keyWords.count > 1 ? multiWord(original) : original]
                        + synonyms[key]!.map { $0.contains(" ") || $0.contains("-") ? multiWord($0) : $0 }
                    result.append("(" + alternatives.joined(separator: " OR ") + ")")
                    i += keyWords.count
                    matched = true
                    break
                }
            }
            if !matched {
                let word = words[i]
                let forms = word.allSatisfy(\.isLetter) ? inflections.forms(of: word.lowercased()) : nil
                if let forms, forms.count > 1 {
                    result.append("(" + ([word] + forms.filter { $0 != word.lowercased() }).joined(separator: " OR ") + ")")
                } else {
                    result.append(word)
                }
                i += 1
            }
        }
        words = result
        return words.joined(separator: " ")
    }
}
