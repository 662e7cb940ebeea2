import ArchiveIndex
import Foundation
import Xapian

/// "Earlier cases like this one": ranks documents by their text (Xapian relevance feedback on
/// the source's most distinctive terms) and their structure (shared brister, legal references,
/// area, doc_type), leaves out the source's own case thread, and says why each is alike.
public final class SimilarCases {
    public struct Hit: Encodable, Sendable {
        public var record: DocumentRecord
        public var score: Double
        public var reasons: [String]

        public func encode(to encoder: Encoder) throws {
            try record.encode(to: encoder)
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode((score * 1000).rounded() / 1000, forKey: .score)
            try c.encode(reasons, forKey: .reasons)
        }
        enum Keys: String, CodingKey { case score, reasons }
    }

    /// What a document is compared by.
    public struct Profile: Sendable {
        public var brister: [String]
        public var legalRefs: [String]
        public var area: String?
        public var docType: String?
        /// Diarienummer of the source: documents sharing one are its own case, not precedent.
        public var diarienummer: [String]
        public init(brister: [String], legalRefs: [String], area: String?, docType: String?, diarienummer: [String]) {
            self.brister = brister
            self.legalRefs = legalRefs
            self.area = area
            self.docType = docType
            self.diarienummer = diarienummer
        }
    }

    /// Weights of the structural evidence, relative to the best text match (1.0).
    static let bristWeight = 1.0, legalRefWeight = 0.15, areaWeight = 0.1, docTypeWeight = 0.05

    /// How many distinctive words the text query uses. The query's cost grows with each word's
    /// posting list (at a million documents 40 words took 450-600 ms, 20 about half); on the
    /// Corpus the top five share a labelled brist 0.74 of the time with 20, 0.77 with 40 (two
    /// pairs of 65), 0.72 with 30.
    static let textTermCount = 20
    /// Text matches re-ranked by structure.
    static let candidates = 200

    /// Whether a word's posting list is worth reading for the text query: not when it is both
    /// long (over 10,000 documents) and common (in over a tenth of the archive). Such a word
    /// says little about likeness (its rarity factor is under log 10) and costs the most: at a
    /// million documents words like "till" and "brist" made the query take 300-400 ms, 60-120
    /// without them. Small archives keep every word, so their answers do not change.
    static func isWorthReading(documentFrequency df: Double, of count: Double) -> Bool {
        df <= 10_000 || df * 10 <= count
    }

    private let reader: ArchiveReader
    private let shardGroups: ShardGroups.Lazy

    /// `threads`: how many the match may use when the archive is in local shards.
    public convenience init(reader: ArchiveReader, threads: Int = Searcher.defaultThreads) {
        self.init(reader: reader, shardGroups: ShardGroups.Lazy(reader: reader, threads: threads))
    }

    /// With the shard groups of a `Searcher` on the same reader, opened once for both.
    init(reader: ArchiveReader, shardGroups: ShardGroups.Lazy) {
        self.reader = reader
        self.shardGroups = shardGroups
    }

    /// Documents like the indexed document `id`.
    public func similar(to id: String, limit: Int = 10) throws -> [Hit]? {
        guard let stored = try reader.document(id: id),
              let docid = try reader.database.documentID(forTerm: Schema.Prefix.id + stored.record.id) else { return nil }
        let r = stored.record
        let terms = try distinctiveTerms(of: docid, limit: Self.textTermCount)
        let profile = Profile(brister: r.brister, legalRefs: r.legalRefs, area: r.area, docType: r.docType,
                              diarienummer: r.diarienummer.map(\.value))
        return try rank(textTerms: terms, profile: profile, excluding: [r.id], limit: limit)
    }

    /// The document's most distinctive words: within-document frequency times rarity in the
    /// whole archive (Xapian's relevance-feedback idea, computed from collection-wide
    /// frequencies so a sharded or remote archive gives the same terms as a single index).
    func distinctiveTerms(of docid: UInt32, limit: Int) throws -> [(term: String, weight: Double)] {
        let database = reader.database
        let count = Double(max(try reader.count(), 1))
        // Stems ("Z…") match every inflection; plain words and prefixed facts are skipped.
        let candidates = try database.document(docid).terms().filter { term, wdf in
            wdf > 0 && term.hasPrefix("Z") && term.count > 4 && term.dropFirst().allSatisfy(\.isLetter)
        }
        let frequencies = try database.termFrequencies(candidates.map(\.term))
        var scored: [(term: String, weight: Double)] = []
        for (term, wdf) in candidates {
            let df = Double(frequencies[term] ?? 0)
            guard df > 1 else { continue }  // a word only this document has finds nothing
            guard Self.isWorthReading(documentFrequency: df, of: count) else { continue }
            scored.append((term, (1 + log(Double(wdf))) * log(count / df)))
        }
        scored.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
        return Array(scored.prefix(limit))
    }

    /// Documents like a pasted text (e.g. IVO's criticism), given its tagged profile.
    public func similar(toText text: String, profile: Profile, limit: Int = 10) throws -> [Hit] {
        let qp = QueryParser()
        try qp.setStemmer(language: "swedish")
        qp.setDatabase(reader.database)
        qp.setDefaultOperator(.or)
        let tokens: [Substring] = text.split(whereSeparator: { (c: Character) -> Bool in !c.isLetter })
        let words = tokens.filter { $0.count > 3 }.prefix(400).joined(separator: " ")
        let query = try qp.parse(words, features: [])
        // Weigh each term by how rare it is, as relevance feedback would.
        let count = Double(max(try reader.database.documentCount(), 1))
        var weighted: [(term: String, weight: Double)] = []
        for (term, df) in try reader.database.termFrequencies(Array(Set(query.terms)))
        where df > 0 && Self.isWorthReading(documentFrequency: Double(df), of: count) {
            weighted.append((term, log(count / Double(df)) + 0.1))
        }
        weighted.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
        return try rank(textTerms: Array(weighted.prefix(Self.textTermCount)), profile: profile, excluding: [], limit: limit)
    }

    private func rank(textTerms: [(term: String, weight: Double)], profile: Profile, excluding: Set<String>,
                      limit: Int) throws -> [Hit] {
        let database = reader.database
        // Candidates: the best text matches, plus any document sharing a brister.
        var text = textTerms.isEmpty ? Query.matchAll() : Query(terms: textTerms.map(\.term), op: .or)
        if !profile.brister.isEmpty {
            text = text.combined(.or, Query(terms: profile.brister.map { Schema.term(Schema.Prefix.brist, $0) }, op: .or).scaled(by: 0))
        }
        let query = text.filtered(by: Query(term: Schema.Kind.document))
        // The best text matches: on a thread per group of shards when they are local.
        let best: [(docid: UInt32, weight: Double)]
        let document: (Int) throws -> Document
        if let groups = try shardGroups.get(), let found = try groups.best(query, limit: Self.candidates) {
            best = found
            document = { try database.document(found[$0].docid) }
        } else {
            let enquire = try Enquire(database: database)
            enquire.setQuery(query)
            let matches = try enquire.matches(limit: Self.candidates)
            try matches.fetchDocuments()
            best = (0..<matches.count).map { (matches.documentID(at: $0), matches.weight(at: $0)) }
            document = { try matches.document(at: $0) }
        }
        let topWeight = max(best.first?.weight ?? 1, 0.0001)

        let ownCase = Set(profile.diarienummer.map(Schema.normaliseDiarienummer))
        // Words worth showing as a reason: real words, not numbers or short particles.
        let distinctive = Set(textTerms.map(\.term).filter { term in
            let word = term.hasPrefix("Z") ? term.dropFirst() : Substring(term)
            return word.count >= 5 && word.allSatisfy(\.isLetter)
        }.prefix(20))
        var hits: [(hit: Hit, rank: Int)] = []
        for i in best.indices {
            let record = try StoredDocument.decodeRecord(try document(i).data())
            if excluding.contains(record.id) { continue }
            if record.diarienummer.contains(where: { ownCase.contains(Schema.normaliseDiarienummer($0.value)) }) { continue }
            var score = best[i].weight / topWeight
            var reasons: [String] = []
            let sharedBrister = profile.brister.filter(record.brister.contains)
            for b in sharedBrister { reasons.append("same brist: \(b)") }
            score += Self.bristWeight * Double(sharedBrister.count) / Double(max(profile.brister.count, 1))
            let sharedRefs = profile.legalRefs.filter(record.legalRefs.contains)
            for ref in sharedRefs.prefix(3) { reasons.append("same legal reference: \(ref)") }
            score += Self.legalRefWeight * Double(sharedRefs.count) / Double(max(profile.legalRefs.count, 1))
            if let area = profile.area, area == record.area { score += Self.areaWeight; reasons.append("same area: \(area)") }
            if let type = profile.docType, type == record.docType { score += Self.docTypeWeight; reasons.append("same document type: \(type)") }
            hits.append((Hit(record: record, score: score, reasons: reasons), i))
        }
        hits.sort { $0.hit.score != $1.hit.score ? $0.hit.score > $1.hit.score : $0.hit.record.id < $1.hit.record.id }
        // The shared words only for the hits shown: reading a document's term list is the
        // costly part, and it does not change the ranking.
        return try hits.prefix(limit).map { entry in
            var hit = entry.hit
            let words = try document(entry.rank).terms().map(\.term).filter { distinctive.contains($0) }
            if !words.isEmpty {
                hit.reasons.append("shared words: " + words.prefix(6).map { $0.hasPrefix("Z") ? String($0.dropFirst()) + "…" : $0 }.joined(separator: ", "))
            }
            return hit
        }
    }
}
