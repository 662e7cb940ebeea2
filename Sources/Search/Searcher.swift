import ArchiveIndex
import Foundation
import Xapian

/// Full-text search with filters, facets, snippets and spelling suggestions.
///
/// Not thread-safe (Xapian objects are not); a server keeps one per worker thread.
public final class Searcher {
    public let reader: ArchiveReader
    private let builder: QueryBuilder
    private let synonyms: SynonymExpansion
    private let legalReference: (String) -> String?
    /// Threads for a search over local shards, opened on the first search.
    private let shardGroups: ShardGroups.Lazy

    /// `legalReference` normalises a typed legal reference (the tagger's
    /// `normaliseLegalReference`); without it `lagrum:` matches the normal form only.
    /// `threads`: how many a search may use when the archive is in local shards (each thread
    /// matches a group of them).
    public init(reader: ArchiveReader, synonyms: SynonymExpansion = .none,
                legalReference: @escaping (String) -> String? = { _ in nil },
                threads: Int = Searcher.defaultThreads) throws {
        self.reader = reader
        shardGroups = ShardGroups.Lazy(reader: reader, threads: threads)
        self.synonyms = synonyms.indexed(try reader.indexedPhrases())
        self.legalReference = legalReference
        builder = try QueryBuilder(database: reader.database, legalRef: legalReference, synonyms: self.synonyms)
    }

    /// The query text as a Xapian query over documents, with everything `search` understands
    /// (fields, synonyms, stemming).
    public func query(for text: String) throws -> Query {
        try builder.parse(text).query
    }

    /// The query text as a Xapian query over measure entries (`RecurringMeasures`): the same
    /// language, asked of the measures' own words.
    public func measureQuery(for text: String) throws -> Query {
        try QueryBuilder(database: reader.database, legalRef: legalReference, synonyms: synonyms, entries: .measures)
            .parse(text).query
    }

    /// Matches looked at for facet counts before they become estimates.
    public static let facetSample = 2_000

    /// Bytes of a document's text a snippet is chosen from.
    static let snippetSource = 200_000

    /// A match of `query` that finds no hits but carries the query's words, all weighing the
    /// same: what `snippet(of:)` needs.
    private func equallyWeighted(_ query: Query, in database: Database) throws -> MatchSet {
        let enquire = try Enquire(database: database)
        enquire.setQuery(query)
        enquire.setBoolWeight()
        return try enquire.matches(limit: 0)
    }

    /// Threads a search uses by default: `ARKIV_SEARCH_THREADS`, or one per core.
    public static var defaultThreads: Int {
        if let text = ProcessInfo.processInfo.environment["ARKIV_SEARCH_THREADS"], let n = Int(text), n > 0 { return n }
        return ProcessInfo.processInfo.activeProcessorCount
    }

    /// "Earlier cases like this one" on this searcher's reader, sharing its shard groups.
    public func similarCases() -> SimilarCases {
        SimilarCases(reader: reader, shardGroups: shardGroups)
    }

    public func search(_ request: SearchRequest) throws -> SearchResponse {
        let database = reader.database
        var (query, suggestion) = try builder.parse(request.query)
        // An indexed expression's term is not in the text; its words are.
        let queryTerms = query.terms.flatMap { term -> [String] in
            term.hasPrefix(Schema.Prefix.phrase) ? PhraseTerms.words(ofKey: term.dropFirst(Schema.Prefix.phrase.count)) : [term]
        }
        // Words alone match documents only (measures have words of their own); anything else
        // could match a measure entry too. Skipping the filter spares a lookup per match.
        if !QueryBuilder.matchesByWordsOnly(request.query) { query = query.filtered(by: Query(term: Schema.Kind.document)) }
        if let filter = try QueryBuilder.filter(for: request) { query = query.filtered(by: filter) }

        // Counting facets exactly means looking at every match: 100 ms for a word in most of
        // 100,000 documents, ten times what finding the best ten costs. Up to `facetSample`
        // matches they are exact; beyond, estimates from the matches seen, flagged as such.
        let documents = try database.documentCount()
        let match = MatchRequest(query: query, sortByDate: request.sort == .date, offset: request.offset, limit: request.limit,
                                 checkAtLeast: request.exactFacets ? documents : min(documents, max(request.facetSample, 1)))
        let matches = try shardGroups.get()?.match(match) ?? RankedMatches.match(match, on: database)
        var hits: [SearchResponse.Hit] = []
        // Xapian picks a snippet's passage by its words' weights, which it takes from the
        // match: from per-shard weight bounds when the archive is sharded, so a document could
        // get another passage there than in one index. In a match where every word weighs the
        // same, the passage depends on the words alone, in any layout.
        let snippets = matches.hits.isEmpty ? nil : try equallyWeighted(query, in: database)
        for hit in matches.hits {
            // Snippets come from the first part of very long texts: a 20 MB dump must not make
            // every answer slow.
            let (record, text) = try StoredDocument.decodeForHit(hit.data, textBytes: Self.snippetSource)
            let (window, cutBefore) = SnippetWindow.window(of: text, terms: queryTerms)
            let source = request.showPersonnummer ? String(window) : PersonnummerMask.mask(String(window))
            var snippet = try snippets!.snippet(of: source, length: 320)
            if cutBefore, !snippet.hasPrefix("…") { snippet = "…" + snippet }
            hits.append(.init(record: record, score: hit.weight, snippet: snippet))
        }
        let seen = matches.documentsSeen
        let exact = matches.lowerBound == matches.upperBound && seen >= matches.lowerBound
        let scale = exact || seen == 0 ? 1.0 : Double(matches.estimatedTotal) / Double(seen)
        var facets = Dictionary(uniqueKeysWithValues: Schema.Facet.allCases.map { ($0.name, [String: Int]()) })
        for (entry, count) in matches.facetCounts {
            guard let (facet, value) = Schema.Facet.decode(entry) else { continue }
            facets[facet.name]![value] = exact ? count : max(1, Int((Double(count) * scale).rounded()))
        }
        if suggestion == request.query { suggestion = nil }
        return SearchResponse(total: matches.estimatedTotal, hits: hits, facets: facets, facetsExact: exact,
                              suggestion: suggestion, parsedQuery: query.description)
    }
}
