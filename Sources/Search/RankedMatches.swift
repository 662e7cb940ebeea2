import ArchiveIndex
import Foundation
import Xapian

/// What a search asks of Xapian's matcher: one page of hits and a facet count.
struct MatchRequest {
    let query: Query
    let sortByDate: Bool
    let offset: Int
    let limit: Int
    /// Matches counted exactly (and shown to the facet spy) before counts become estimates.
    let checkAtLeast: Int
}

/// What BM25 needs of the whole archive to weigh a match over part of it.
struct ArchiveStatistics {
    let documents: Int
    let averageLength: Double
    /// The query's terms as the part holding them counts them, with the archive's frequency.
    let terms: [Enquire.TermStatistics]
}

/// One page of hits with the match's totals and facet counts, however it was matched.
struct RankedMatches {
    struct Hit {
        let docid: UInt32
        let weight: Double
        let data: [UInt8]
    }

    var hits: [Hit]
    var estimatedTotal: Int
    var lowerBound: Int
    var upperBound: Int
    /// Facet entry → matching documents having it, among the `documentsSeen`.
    var facetCounts: [String: Int]
    var documentsSeen: Int

    /// An enquire set up for a search, with its facet spy when `countFacets`.
    /// `archive`: the whole archive's statistics, when `database` holds only some of its shards
    /// (`Enquire.setBM25`).
    static func enquire(query: Query, sortByDate: Bool, countFacets: Bool = true, on database: Database,
                        archive: ArchiveStatistics? = nil) throws -> (Enquire, ValueCountSpy?) {
        let enquire = try Enquire(database: database)
        enquire.setQuery(query)
        if let archive {
            enquire.setBM25(documentCount: archive.documents, averageLength: archive.averageLength, terms: archive.terms)
        }
        if sortByDate { enquire.setSort(.value(slot: Schema.Slot.date, descending: true)) }
        guard countFacets else { return (enquire, nil) }
        let spy = ValueCountSpy(slot: Schema.Slot.facets, multiValued: true)
        enquire.addSpy(spy)
        return (enquire, spy)
    }

    /// The match in this thread: one index, or shards that Xapian matches one after another.
    static func match(_ request: MatchRequest, on database: Database) throws -> RankedMatches {
        let (enquire, spy) = try enquire(query: request.query, sortByDate: request.sortByDate, on: database)
        let matches = try enquire.matches(offset: request.offset, limit: request.limit, checkAtLeast: request.checkAtLeast)
        try matches.fetchDocuments()
        let hits = try (0..<matches.count).map { i in
            Hit(docid: matches.documentID(at: i), weight: matches.weight(at: i), data: try matches.document(at: i).data())
        }
        return RankedMatches(hits: hits, estimatedTotal: matches.estimatedTotal, lowerBound: matches.lowerBound,
                             upperBound: matches.upperBound, facetCounts: spy!.counts, documentsSeen: spy!.documentsSeen)
    }
}
