import ArchiveIndex
import Foundation
import Xapian

/// Turns a user's query text into a Xapian query: Swedish stemming, phrases, boolean operators,
/// wildcards, spelling correction, synonyms, and the field prefixes of `Field`.
final class QueryBuilder {
    /// The fields a user can write inside a query, e.g. `kommun:Kalmar` or `dnr:"30010/2024"`.
    enum Field: String, CaseIterable {
        case kommun, nämner, brist, typ, område, dnr, lagrum, åtgärd, år

        var prefix: String {
            switch self {
            case .kommun: Schema.Prefix.municipality
            case .nämner: Schema.Prefix.mentionedMunicipality
            case .brist: Schema.Prefix.brist
            case .typ: Schema.Prefix.docType
            case .område: Schema.Prefix.area
            case .dnr: Schema.Prefix.diarienummer
            case .lagrum: Schema.Prefix.legalRef
            case .åtgärd: Schema.Prefix.measureCategory
            case .år: Schema.Prefix.year
            }
        }

        /// The value as the index stores it; `legalRef` brings a typed reference to the tagger's
        /// normal form first ("11 kap. 10 § SoL" → "SoL 11 kap. 10 §").
        func normalise(_ value: String, legalRef: (String) -> String? = { _ in nil }) -> String {
            switch self {
            case .dnr: Schema.normaliseDiarienummer(value)
            case .lagrum: Schema.normaliseLegalRef(legalRef(value) ?? value)
            default: value.lowercased()
            }
        }
    }

    let parser = QueryParser()
    private let legalRef: (String) -> String?
    private let synonyms: SynonymExpansion

    private let database: Database
    private let stemmer: Stemmer

    /// Which entries' words a query is for: documents' (the default) or measures', which
    /// have prefixed terms of their own (`Schema.Prefix.measureText`).
    enum Entries {
        case documents, measures
    }

    init(database: Database, legalRef: @escaping (String) -> String?, synonyms: SynonymExpansion,
         entries: Entries = .documents) throws {
        self.database = database
        stemmer = try Stemmer(language: "swedish")
        self.legalRef = legalRef
        self.synonyms = synonyms
        try parser.setStemmer(language: "swedish")
        parser.setDatabase(database)
        parser.setDefaultOperator(.or)
        for field in Field.allCases {
            try parser.addBooleanPrefix(field: field.rawValue, prefix: field.prefix, group: field.rawValue)
        }
        // A measures query asks unfielded words of the measures' own terms.
        if entries == .measures { try parser.addPrefix(field: "", prefix: Schema.Prefix.measureText) }
        try parser.addPrefix(field: "titel", prefix: Schema.Prefix.title)
        try parser.addTermField(field: SynonymExpansion.termField,
                                prefix: entries == .measures ? Schema.Prefix.measurePhrase : Schema.Prefix.phrase)
        try parser.addRange(field: "datum", slot: Schema.Slot.date)
    }

    static let features: QueryParser.Features = [.boolean, .phrase, .loveHate, .wildcard, .pureNot,
                                                 .spellingCorrection, .autoSynonyms]

    /// The parsed query (match-all when the text is empty) and the spelling suggestion.
    func parse(_ text: String) throws -> (query: Query, suggestion: String?) {
        let rewritten = Self.normaliseFields(text, legalRef: legalRef)
        if rewritten.trimmingCharacters(in: .whitespaces).isEmpty { return (.matchAll(), nil) }
        do {
            // "Menade du" is about what the user typed, not about our synonym expansion of it,
            // and only when a word is unknown: Xapian's spelling search compares the word
            // with its neighbours in every shard's word list, which a known word never needs.
            var suggestion: String? = nil
            if try !allWordsKnown(rewritten) {
                _ = try parser.parse(rewritten, features: Self.features)
                suggestion = parser.correctedQuery
            }
            var query = try parser.parse(synonyms.expand(rewritten), features: Self.features.subtracting(.spellingCorrection))
            // Exact phrase first: plain words that also stand together as typed rank higher.
            if Self.isPlainPhrase(rewritten) {
                // As a phrase, or by its term where the index holds the expression as one.
                let exact = try parser.parse(synonyms.multiWord(rewritten), features: [.phrase])
                query = query.combined(.andMaybe, exact.scaled(by: 2))
            }
            return (query, suggestion)
        } catch let error as XapianError where error.kind == "QueryParserError" {
            throw SearchError.badQuery("cannot understand the query \"\(text)\": \(error.message)")
        }
    }

    /// Whether every word of the query occurs in the archive (as written or as a stem): then
    /// there is nothing to correct, whatever the spelling table of a shard says.
    private func allWordsKnown(_ text: String) throws -> Bool {
        let words = text.lowercased().split(whereSeparator: { (c: Character) -> Bool in !c.isLetter }).map(String.init)
        for word in words where word.count > 2 {
            if try database.termFrequency(word) > 0 { continue }
            if try database.termFrequency("Z" + stemmer.stem(word)) > 0 { continue }
            return false
        }
        return true
    }

    /// Whether the query can only match entries through their words: it has words or phrases
    /// and no field, range or negation. Documents and measures have separate word terms, so such
    /// a query needs no filter on the kind of entry; fields (`kommun:`, `datum:`), pure NOT and
    /// the empty query also match measure entries, which carry the same filter terms.
    static func matchesByWordsOnly(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        return !words.isEmpty
            && !text.contains(where: { ":-".contains($0) })
            && !words.contains(where: { ["NOT", "XOR"].contains(String($0)) })
    }

    /// Whether the query is two or more plain words (no quotes, operators or fields), such as
    /// "plan för genomförande", whose exact phrase should rank first.
    static func isPlainPhrase(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        return (2...8).contains(words.count)
            && !text.contains(where: { "\":()*+-".contains($0) })
            && !words.contains(where: { ["AND", "OR", "NOT", "XOR", "NEAR"].contains(String($0)) })
    }

    /// Rewrites `field:value` and `field:"a value"` so the value matches the indexed form
    /// (lower-case; no whitespace in diarienummer and legal references); `datum:` ranges lose
    /// their dashes (the date slot holds YYYYMMDD).
    static func normaliseFields(_ text: String, legalRef: (String) -> String? = { _ in nil }) -> String {
        guard text.contains(":") else { return text }  // no field: skip compiling the patterns
        let names = Field.allCases.map(\.rawValue).joined(separator: "|")
        let pattern = try! Regex<(Substring, Substring, Substring?, Substring?)>("(?i)\\b(\(names)):(?:\"([^\"]*)\"|([^\\s()]+))")
        var out = text.replacing(pattern) { match in
            let field = Field(rawValue: match.output.1.lowercased())!
            let value = field.normalise(String(match.output.2 ?? match.output.3 ?? ""), legalRef: legalRef)
            return value.contains(" ") ? "\(field.rawValue):\"\(value)\"" : "\(field.rawValue):\(value)"
        }
        out = out.replacing(/datum:(\d{4})-?(\d{2})-?(\d{2})\.\.(\d{4})-?(\d{2})-?(\d{2})/) { m in
            "datum:\(m.1)\(m.2)\(m.3)..\(m.4)\(m.5)\(m.6)"
        }
        return out
    }

    /// The filter part of a request: values within a filter ORed, filters ANDed.
    static func filter(for request: SearchRequest) throws -> Query? {
        var parts: [Query] = []
        func add(_ values: [String], _ field: Field) {
            let terms = values.filter { !$0.isEmpty }.map { field.prefix + field.normalise($0) }
            if !terms.isEmpty { parts.append(Query(terms: terms, op: .or)) }
        }
        add(request.municipality, .kommun)
        add(request.brist, .brist)
        add(request.docType, .typ)
        add(request.area, .område)
        if request.from != nil || request.to != nil {
            let lower = try request.from.map { try dateBound($0, upper: false) } ?? "00000000"
            let upper = try request.to.map { try dateBound($0, upper: true) } ?? "99999999"
            parts.append(.valueRange(slot: Schema.Slot.date, from: lower, to: upper))
        }
        guard var combined = parts.first else { return nil }
        for part in parts.dropFirst() { combined = combined.combined(.and, part) }
        return combined
    }

    /// "2022" → 20220101 (or 20221231 as an upper bound); "2022-03" → 20220301 / 20220331.
    static func dateBound(_ text: String, upper: Bool) throws -> String {
        guard let m = text.wholeMatch(of: /(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/) else {
            throw SearchError.badQuery("not a date: \"\(text)\" (use YYYY, YYYY-MM or YYYY-MM-DD)")
        }
        let month = m.2.map(String.init) ?? (upper ? "12" : "01")
        let day = m.3.map(String.init) ?? (upper ? "31" : "01")
        return "\(m.1)\(month)\(day)"
    }
}

/// Errors the search layer reports to users.
public enum SearchError: Error, CustomStringConvertible, Sendable {
    case badQuery(String)
    case notFound(String)

    public var description: String {
        switch self {
        case .badQuery(let s), .notFound(let s): s
        }
    }
}
