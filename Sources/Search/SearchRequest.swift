/// A search as a user asks it: the query text plus filters, paging and sort.
public struct SearchRequest: Sendable {
    public enum Sort: String, Sendable, CaseIterable { case relevance, date }

    public var query: String
    public var municipality: [String] = []
    public var brist: [String] = []
    public var docType: [String] = []
    public var area: [String] = []
    /// Inclusive bounds, YYYY, YYYY-MM or YYYY-MM-DD.
    public var from: String?
    public var to: String?
    public var limit = 10
    public var offset = 0
    public var sort: Sort = .relevance
    /// Whether the user's role may see personnummer.
    public var showPersonnummer = false
    /// Count facets over every match, however many (slower on broad searches).
    public var exactFacets = false
    /// Otherwise facets are exact up to this many matches and estimated beyond.
    public var facetSample = Searcher.facetSample

    public init(query: String) { self.query = query }
}
