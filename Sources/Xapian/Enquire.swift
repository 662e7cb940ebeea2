import CXapian

/// Runs a query against a database and returns ranked matches (Xapian's Enquire).
public final class Enquire {
    let handle: OpaquePointer
    private let database: Database
    private var query: Query?
    private var spies: [ValueCountSpy] = []

    public init(database: Database) throws(XapianError) {
        self.database = database
        handle = try withErrorSlot("creating a search on \(database.location)") { cx_enquire_new(database.handle, $0) }!
    }

    deinit { cx_enquire_free(handle) }

    public func setQuery(_ query: Query) {
        self.query = query
        cx_enquire_set_query(handle, query.handle)
    }

    public enum Sort { case relevance, value(slot: Int, descending: Bool) }

    public func setSort(_ sort: Sort) {
        switch sort {
        case .relevance: cx_enquire_set_sort(handle, -1, 0)
        case let .value(slot, descending): cx_enquire_set_sort(handle, Int32(slot), descending ? 1 : 0)
        }
    }

    /// At most one hit per distinct value of `slot` (nil: off).
    public func setCollapseKey(slot: Int?) { cx_enquire_set_collapse_key(handle, Int32(slot ?? -1)) }

    public func setBM25(k1: Double = 1, k2: Double = 0, k3: Double = 1, b: Double = 0.5, minNormLength: Double = 0.5) {
        cx_enquire_set_bm25(handle, k1, k2, k3, b, minNormLength)
    }

    /// A term's frequencies in the database matched, and its frequency in the whole archive.
    public struct TermStatistics: Hashable, Sendable {
        public var frequency: Int
        public var collectionFrequency: Int
        public var archiveFrequency: Int
        public init(frequency: Int, collectionFrequency: Int, archiveFrequency: Int) {
            (self.frequency, self.collectionFrequency, self.archiveFrequency) = (frequency, collectionFrequency, archiveFrequency)
        }
    }

    /// BM25 (Xapian's default parameters) with the statistics of a whole archive, for a match
    /// over some of its shards: each document weighs exactly what it weighs in a match over all
    /// of them. `terms` gives each query term's archive frequency by its frequency and
    /// collection frequency here, which must tell the terms apart; a term missing from it fails
    /// the match (`matches` throws).
    public func setBM25(documentCount: Int, averageLength: Double, terms: [TermStatistics]) {
        let local = terms.map { UInt32($0.frequency) }, collection = terms.map { UInt64($0.collectionFrequency) }
        let archive = terms.map { UInt32($0.archiveFrequency) }
        cx_enquire_set_archive_bm25(handle, local, collection, archive, terms.count, UInt32(documentCount), averageLength)
    }

    /// Every match weighs 0, and so does every query word (Xapian's BoolWeight).
    public func setBoolWeight() { cx_enquire_set_bool_weight(handle) }

    /// Counts values over all matching documents (up to `checkAtLeast` of `matches`).
    public func addSpy(_ spy: ValueCountSpy) {
        spies.append(spy)
        cx_enquire_add_valuecount_spy(handle, spy.handle, database.hasRemoteShards ? 0 : 1)
    }

    /// Ranked matches `offset..<offset+limit`. `checkAtLeast` makes counts and spies exact up to
    /// that many documents; `relevant` feeds relevance feedback into the weights.
    public func matches(offset: Int = 0, limit: Int = 10, checkAtLeast: Int = 0, relevant: RelevanceSet? = nil) throws(XapianError) -> MatchSet {
        let h = try withErrorSlot("searching \(database.location) for \(query?.description ?? "nothing")") {
            cx_enquire_get_mset(handle, UInt32(offset), UInt32(limit), UInt32(checkAtLeast), relevant?.handle, $0)
        }
        return MatchSet(handle: h!)
    }

    /// The terms that best characterise the `relevant` documents, best first ("more like this").
    /// `prefix` nil picks plain lower-case words; otherwise only terms with that prefix.
    public func expand(relevant: RelevanceSet, limit: Int, prefix: String? = nil) throws(XapianError) -> [(term: String, weight: Double)] {
        final class Collector { var items: [(String, Double)] = [] }
        let collector = Collector()
        let callback: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?, Int, Double) -> Int32 = { ctx, term, length, weight in
            Unmanaged<Collector>.fromOpaque(ctx!).takeUnretainedValue().items.append((decodeTerm(term, length), weight))
            return 1
        }
        _ = try withExtendedLifetime(collector) { () throws(XapianError) in
            try withErrorSlot("expanding relevance set") {
                cx_enquire_expand(handle, relevant.handle, UInt32(limit), prefix ?? "", callback,
                                  Unmanaged.passUnretained(collector).toOpaque(), $0)
            }
        }
        return collector.items.map { (term: $0.0, weight: $0.1) }
    }
}

/// Documents the user marked as relevant, for relevance feedback and expansion.
public final class RelevanceSet {
    let handle: OpaquePointer
    public init(documents: [UInt32] = []) {
        handle = cx_rset_new()!
        documents.forEach(add)
    }
    deinit { cx_rset_free(handle) }
    public func add(_ id: UInt32) { cx_rset_add(handle, id) }
}

/// Counts the values of one slot over the matching documents: facet counts.
public final class ValueCountSpy {
    let handle: OpaquePointer

    /// `multiValued`: a value holds several entries separated by `ValueCountSpy.separator`;
    /// each entry is counted once per document (Xapian counts whole values, we split them).
    public init(slot: Int, multiValued: Bool = false) {
        handle = cx_valuecountspy_new(UInt32(slot), multiValued ? CChar(bitPattern: Self.separatorByte) : 0)!
    }
    deinit { cx_valuecountspy_free(handle) }

    /// Separates entries of a multi-valued slot (ASCII unit separator).
    public static let separator: Character = "\u{1F}"
    private static let separatorByte: UInt8 = 0x1F

    /// How many matching documents the spy has seen (all of them only if the match was
    /// asked to check at least that many).
    public var documentsSeen: Int { Int(cx_valuecountspy_total(handle)) }

    /// Value → number of matching documents having it.
    public var counts: [String: Int] {
        var out: [String: Int] = [:]
        let collect: ((String, UInt32)) -> Bool = { pair in
            out[pair.0, default: 0] += Int(pair.1)
            return true
        }
        withoutActuallyEscaping(collect) { escapable in
            let box = CallbackBox(escapable)
            withExtendedLifetime(box) {
                let context = Unmanaged.passUnretained(box).toOpaque()
                // Multi-valued slots are split in C++ (locally while matching): a sample of
                // matches holds a thousand brist combinations.
                _ = cx_valuecountspy_counts(handle, termCallback, context)
            }
        }
        return out
    }
}

extension Database {
    /// How many documents hold each of `terms`. Asked term by term, remote shards cost one
    /// round trip per term and shard; a match of all the terms for no documents brings every
    /// frequency back with the match statistics, once per shard. Locally that match opens
    /// every term's posting list in every shard, ten times the cost of looking each term up
    /// (50 ms against 4 for 80 terms at a million documents), so local shards are asked directly.
    /// `batched` forces one way or the other (default: batched when some shard is remote).
    public func termFrequencies(_ terms: [String], batched: Bool? = nil) throws(XapianError) -> [String: Int] {
        guard !terms.isEmpty else { return [:] }
        if !(batched ?? hasRemoteShards) {
            var out: [String: Int] = [:]
            for term in terms { out[term] = try termFrequency(term) }
            return out
        }
        let enquire = try Enquire(database: self)
        enquire.setQuery(Query(terms: terms, op: .or))
        let matches = try enquire.matches(limit: 0)
        var out: [String: Int] = [:]
        for term in terms { out[term] = try matches.termFrequency(term) }
        return out
    }
}
