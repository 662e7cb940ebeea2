import ArchiveIndex
import Foundation
import Xapian

/// Local shards matched on several threads at once, one group of shards per thread.
///
/// Xapian 1.4 matches the shards of a multi-database one after another in one thread, so a
/// search costs the sum of its shards. Every weight must still be the one a match over all
/// shards gives; then merging the groups' best hits in Xapian's own order (sort key, weight,
/// document id) gives the same page. Each thread weighs by the whole archive's statistics in
/// one of two ways:
/// - Mostly it matches a database of its group's shards alone, weighed by BM25 with the whole
///   archive's statistics (`Enquire.setBM25`); its document ids are mapped back to the whole
///   archive's for the merge.
/// - For queries whose terms are found while matching (wildcards, synonyms), and for terms a
///   group's statistics cannot tell apart, it matches the whole multi-database with a filter
///   that admits only its own shards: exact by construction, but one more posting list in an
///   AND, which cost a one-word search about 45 % more per posting.
///
/// Each thread has a database handle of its own (Xapian's are not thread-safe). Not
/// thread-safe itself: one per `Searcher`.
final class ShardGroups {
    /// The reader's own handle on all shards.
    private let whole: Database
    private let path: String
    /// More handles on all shards, one per further thread, for the filtered match: opened when
    /// a search first needs it (most searches run on `parts`).
    private var others: [Database]?
    /// The UUIDs of the shards each thread matches.
    private let groups: [[String]]
    /// Per thread, its shards alone and their positions among all shards (nil when the index
    /// is not an arkiv shard layout).
    private let parts: [(database: Database, positions: [Int])]?

    /// Nil when there is nothing to split: one shard, one thread, a remote shard (each
    /// `xapian-tcpsrv` already matches in a process of its own), or shards that their UUIDs
    /// do not tell apart (copies made by copying files).
    init?(reader: ArchiveReader, threads: Int) throws {
        let database = reader.database
        let count = min(threads, database.shardCount)
        guard count > 1, !database.hasRemoteShards, let path = reader.indexPath else { return nil }
        let uuids = try database.shardUUIDs()
        guard uuids.count == database.shardCount, Set(uuids).count == uuids.count else { return nil }
        let positions = (0..<count).map { g in Array(stride(from: g, to: uuids.count, by: count)) }
        groups = positions.map { $0.map { uuids[$0] } }
        whole = database
        self.path = path
        if let layout = ShardLayout.read(indexPath: path), layout.shardPaths.count == uuids.count {
            parts = try positions.map { group in
                (try Database(combining: try group.map { try Database(path: layout.shardPaths[$0]) }), group)
            }
        } else {
            parts = nil
        }
    }

    /// The match of `request` over all shards, or nil when the handles are not all at the same
    /// revision (an import committed while they were opened): then the caller matches in one
    /// thread, which Xapian keeps consistent.
    func match(_ request: MatchRequest) throws -> RankedMatches? {
        // Each group returns its best offset + limit: the page's hits are among them.
        guard let results = try run(request.query, sortByDate: request.sortByDate, best: request.offset + request.limit,
                                    checkAtLeast: request.checkAtLeast, countFacets: true) else { return nil }
        var merged = RankedMatches(hits: [], estimatedTotal: 0, lowerBound: 0, upperBound: 0, facetCounts: [:], documentsSeen: 0)
        for (matches, spy, _) in results {
            merged.estimatedTotal += matches.estimatedTotal
            merged.lowerBound += matches.lowerBound
            merged.upperBound += matches.upperBound
            merged.facetCounts.merge(spy!.counts, uniquingKeysWith: +)
            merged.documentsSeen += spy!.documentsSeen
        }
        for c in Self.ranked(results, byKey: request.sortByDate).dropFirst(request.offset).prefix(request.limit) {
            let data = try results[c.group].matches.document(at: c.index).data()
            merged.hits.append(.init(docid: c.docid, weight: c.weight, data: data))
        }
        return merged
    }

    /// The best `limit` documents for `query` by relevance, with their weights; nil as for
    /// `match`. Their ids are the multi-database's, as the reader's own handle reads them.
    func best(_ query: Query, limit: Int) throws -> [(docid: UInt32, weight: Double)]? {
        guard let results = try run(query, sortByDate: false, best: limit, checkAtLeast: 0, countFacets: false) else { return nil }
        return Self.ranked(results, byKey: false).prefix(limit).map { ($0.docid, $0.weight) }
    }

    /// One handle on all shards per thread, the reader's own first.
    private func allShardHandles() throws -> [Database] {
        if others == nil { others = try (1..<groups.count).map { _ in try Database(path: path) } }
        return [whole] + others!
    }

    /// What one thread found, with the whole archive's id of each of its documents.
    private typealias GroupResult = (matches: MatchSet, spy: ValueCountSpy?, archiveID: (UInt32) -> UInt32)

    /// Each group's best `best` matches of `query`, matched on threads at once: over the
    /// groups' own shards when the query allows, else over all shards with the filter.
    private func run(_ query: Query, sortByDate: Bool, best: Int, checkAtLeast: Int,
                     countFacets: Bool) throws -> [GroupResult]? {
        if query.weighsItsTermsAlone, let statistics = try archiveStatistics(for: query.terms),
           // A term the statistics do not hold fails the match; the filter still answers.
           let found = try? run(query, sortByDate: sortByDate, best: best, checkAtLeast: checkAtLeast,
                                countFacets: countFacets, statistics: statistics) {
            return found
        }
        return try run(query, sortByDate: sortByDate, best: best, checkAtLeast: checkAtLeast,
                       countFacets: countFacets, statistics: nil)
    }

    /// Per part, what its thread weighs by; nil when there are no parts, when they do not add
    /// up to the reader's revision, or when two of the query's terms have the same frequency and
    /// collection frequency in a part but not the same frequency in the archive.
    private func archiveStatistics(for terms: [String]) throws -> [ArchiveStatistics]? {
        guard let parts else { return nil }
        let (documents, length) = (try whole.documentCount(), try whole.totalLength())
        var sum: (Int, UInt64) = (0, 0)
        for part in parts {
            sum.0 += try part.database.documentCount()
            sum.1 += try part.database.totalLength()
        }
        guard sum == (documents, length), documents > 0 else { return nil }
        let archiveFrequencies = try terms.map { try whole.termFrequency($0) }
        // As Xapian's own statistics for a match over all shards: the total length over the
        // document count, in double precision.
        let average = Double(length) / Double(documents)
        var statistics: [ArchiveStatistics] = []
        for part in parts {
            var byFrequencies: [[Int]: Int] = [:]
            var table: [Enquire.TermStatistics] = []
            for (term, archive) in zip(terms, archiveFrequencies) {
                let frequency = try part.database.termFrequency(term)
                let collection = try part.database.collectionFrequency(term)
                guard frequency > 0, collection > 0 else { continue }  // weighs nothing here
                if let other = byFrequencies[[frequency, collection]], other != archive { return nil }
                byFrequencies[[frequency, collection]] = archive
                table.append(.init(frequency: frequency, collectionFrequency: collection, archiveFrequency: archive))
            }
            statistics.append(ArchiveStatistics(documents: documents, averageLength: average, terms: table))
        }
        return statistics
    }

    /// The match on threads: over the parts with `statistics`, or with the filter when nil.
    private func run(_ query: Query, sortByDate: Bool, best: Int, checkAtLeast: Int, countFacets: Bool,
                     statistics: [ArchiveStatistics]?) throws -> [GroupResult]? {
        let work: [GroupWork]
        let archiveIDs: [(UInt32) -> UInt32]
        if let statistics, let parts {
            // Every thread needs a query of its own; they are made here, before any thread starts.
            work = try zip(parts, statistics).map { part, stats in
                GroupWork(database: part.database, query: try query.independentCopy(), statistics: stats)
            }
            let total = UInt32(groups.reduce(0) { $0 + $1.count })
            // Documents of a multi-database interleave by shard: id d of a part with m shards is
            // document (d-1)/m+1 of its shard number (d-1)%m, and that is id ((d-1)/m)*n + s + 1
            // among all n shards.
            archiveIDs = parts.map { part in
                let m = UInt32(part.positions.count)
                let positions = part.positions.map(UInt32.init)
                return { d in ((d - 1) / m) * total + positions[Int((d - 1) % m)] + 1 }
            }
        } else {
            let databases = try allShardHandles()
            let stamps = try databases.map { [UInt64(try $0.documentCount()), UInt64(try $0.lastDocumentID()), try $0.totalLength()] }
            guard stamps.allSatisfy({ $0 == stamps[0] }) else { return nil }
            work = try zip(groups, databases).map { uuids, database in
                GroupWork(database: database, query: try query.independentCopy().withinShards(uuids), statistics: nil)
            }
            archiveIDs = groups.map { _ in { $0 } }
        }
        let perGroup = Slots<Result<(MatchSet, ValueCountSpy?), Error>>(count: work.count)
        DispatchQueue.concurrentPerform(iterations: work.count) { g in
            perGroup[g] = Result {
                let (enquire, spy) = try RankedMatches.enquire(query: work[g].query, sortByDate: sortByDate, countFacets: countFacets,
                                                               on: work[g].database, archive: work[g].statistics)
                return (try enquire.matches(offset: 0, limit: best, checkAtLeast: checkAtLeast), spy)
            }
        }
        return try zip(perGroup.values, archiveIDs).map { result, archiveID in
            let (matches, spy) = try result.get()
            return (matches, spy, archiveID)
        }
    }

    /// Every group's hits in Xapian's order: the sort key (descending dates), then weight, then
    /// document id.
    private static func ranked(_ groups: [GroupResult], byKey: Bool) -> [(group: Int, index: Int, weight: Double, docid: UInt32)] {
        var candidates: [(group: Int, index: Int, key: [UInt8], weight: Double, docid: UInt32)] = []
        for (g, group) in groups.enumerated() {
            let matches = group.matches
            for i in 0..<matches.count {
                candidates.append((g, i, byKey ? matches.sortKey(at: i) : [], matches.weight(at: i), group.archiveID(matches.documentID(at: i))))
            }
        }
        candidates.sort { a, b in
            if a.key != b.key { return b.key.lexicographicallyPrecedes(a.key) }
            if a.weight != b.weight { return a.weight > b.weight }
            return a.docid < b.docid
        }
        return candidates.map { ($0.group, $0.index, $0.weight, $0.docid) }
    }
}

/// A group's database handle and query, each used by that group's thread alone while it runs.
private struct GroupWork: @unchecked Sendable {
    let database: Database
    let query: Query
    let statistics: ArchiveStatistics?
}

/// Results written by concurrent iterations, each to its own slot.
private final class Slots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    subscript(index: Int) -> Value? {
        get { storage[index] }
        set { storage[index] = newValue }
    }

    var values: [Value] { storage.map { $0! } }
}

extension ShardGroups {
    /// Shard groups opened on first use, so commands that never search open no more handles;
    /// a searcher and its similar cases share one.
    final class Lazy {
        private let reader: ArchiveReader
        private let threads: Int
        /// nil until opened; then the groups, or nil when there is nothing to split.
        private var opened: ShardGroups??

        init(reader: ArchiveReader, threads: Int) {
            self.reader = reader
            self.threads = threads
        }

        func get() throws -> ShardGroups? {
            if case let .some(groups) = opened { return groups }
            let groups = try ShardGroups(reader: reader, threads: threads)
            opened = .some(groups)
            return groups
        }
    }
}
