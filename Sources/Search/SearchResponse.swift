import ArchiveIndex

/// A search answer, shaped as CONTRACT.md's `search` JSON.
public struct SearchResponse: Encodable, Sendable {
    public struct Hit: Encodable, Sendable {
        public var record: DocumentRecord
        public var score: Double
        public var snippet: String

        public func encode(to encoder: Encoder) throws {
            try record.encode(to: encoder)
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode((score * 1000).rounded() / 1000, forKey: .score)
            try c.encode(snippet, forKey: .snippet)
        }
        enum Keys: String, CodingKey { case score, snippet }
    }

    public var total: Int
    public var hits: [Hit]
    /// Facet name ("municipality", "brist", "doc_type", "area", "year") → value → count.
    public var facets: [String: [String: Int]]
    /// False when the facet counts are estimates from a sample of the matches (see
    /// `Searcher.facetSample`); `SearchRequest.exactFacets` asks for exact ones.
    public var facetsExact: Bool = true
    public var suggestion: String?
    /// The query as Xapian understood it, for debugging ("why did this match?").
    public var parsedQuery: String

    enum CodingKeys: String, CodingKey { case total, hits, facets, facetsExact = "facets_exact", suggestion, parsedQuery = "parsed_query" }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(total, forKey: .total)
        try c.encode(hits, forKey: .hits)
        try c.encode(facets, forKey: .facets)
        try c.encode(facetsExact, forKey: .facetsExact)
        try c.encode(suggestion, forKey: .suggestion)
        try c.encode(parsedQuery, forKey: .parsedQuery)
    }
}
