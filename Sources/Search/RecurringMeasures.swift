import ArchiveIndex
import Foundation
import Xapian

/// Measures that recur across municipalities: near-identical steps (same category, mostly the
/// same words after stemming) taken by several kommuner, grouped and ranked by how many
/// distinct kommuner took them, each traceable to its source document and page.
public final class RecurringMeasures {
    public struct Example: Encodable, Sendable {
        public var id: String
        public var municipality: String?
        public var text: String
        public var status: String?
        public var page: Int?
        public var date: String?
        public var path: String
        public var docType: String
        enum CodingKeys: String, CodingKey { case id, municipality, text, status, page, date, path, docType = "doc_type" }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id); try c.encode(municipality, forKey: .municipality)
            try c.encode(text, forKey: .text); try c.encode(status, forKey: .status)
            try c.encode(page, forKey: .page); try c.encode(date, forKey: .date)
            try c.encode(path, forKey: .path); try c.encode(docType, forKey: .docType)
        }
    }

    public struct Group: Encodable, Sendable {
        public var label: String
        public var categories: [String]
        public var municipalities: [String]
        public var count: Int
        public var examples: [Example]
    }

    public struct Answer: Encodable, Sendable {
        public var brist: String?
        public var query: String?
        public var groups: [Group]
        /// kommun → measure category → number of measures.
        public var matrix: [String: [String: Int]]
    }

    /// Two measures are "the same step" when their word sets overlap this much: Jaccard, or the
    /// share of the shorter one's words found in the longer (kommuner add detail to a step).
    static let similarity = 0.5

    /// Jaccard, or for signatures of three words or more the share of the shorter one that the
    /// other has too ("Checklista inför placering" is in "Ny checklista inför varje placering").
    static func overlap(shared: Int, _ a: Int, _ b: Int) -> Double {
        let jaccard = Double(shared) / Double(a + b - shared)
        let shorter = min(a, b)
        return shorter >= 3 ? max(jaccard, Double(shared) / Double(shorter)) : jaccard
    }

    private let reader: ArchiveReader

    public init(reader: ArchiveReader) {
        self.reader = reader
    }

    /// Measures with the same signature, kommun-independent: the unit the grouping works on.
    private struct Unit {
        var words: [String]
        var category: String
        /// Words and category as one string: the unit's identity and tie-breaker.
        var key: String { Self.key(words, category) }

        static func key(_ words: [String], _ category: String) -> String { words.joined(separator: " ") + "\u{1F}" + category }
        /// A measure is grouped under its first category.
        static func category(of value: MeasureSignature.GroupValue) -> String { value.categories.first ?? "ovrigt" }
        var count = 0
        var municipalities: Set<String> = []
        var categories: Set<String> = []
        /// The group values counted into this unit (one per kommun and categories), encoded.
        var values: [(encoded: String, municipality: String)] = []
    }

    /// Groups the measures taken against `brist` (and whose text matches `query`, if given).
    ///
    /// Counting reads no measure entry. For a brist alone, the count terms written at import
    /// (`Schema.Prefix.measureCount`) are listed: their frequencies are how many measures each
    /// signature has per kommun and categories, so the cost is the number of distinct values,
    /// not of measures (a common brist has 300,000 measures at a million documents). With a
    /// query, one pass of Xapian's value-count spy over the matching entries' signature values
    /// gives the same counts. Both merge over shards and remote shards, as Xapian lists terms
    /// and counts values across them. Signatures are grouped greedily, the most common
    /// first: each joins the most similar group of its category (`overlap` at least
    /// `similarity`) or starts one. Only the groups shown are read back, for their examples.
    /// `examplesPerGroup`: how many measures each group lists (one per kommun first, never fewer
    /// than one per kommun); nil lists them all, as a CSV export wants.
    public func groups(brist: String?, query: Query?, minimumMunicipalities: Int = 1, limit: Int = 50,
                       examplesPerGroup: Int? = nil) throws -> Answer {
        var filter = Query(term: Schema.Kind.measure)
        if let brist { filter = filter.filtered(by: Query(term: Schema.term(Schema.Prefix.brist, brist))) }
        let selection = query.map { $0.filtered(by: filter) } ?? filter
        var units: [String: Unit] = [:]
        var matrix: [String: [String: Int]] = [:]
        for (encoded, count) in try query == nil ? countsFromTerms(brist: brist) : countsFromValues(of: selection) {
            guard let value = MeasureSignature.GroupValue(encoded: encoded) else { continue }
            let category = Unit.category(of: value)
            let key = Unit.key(value.words, category)
            var unit = units[key] ?? Unit(words: value.words, category: category)
            unit.count += count
            if let kommun = value.municipality { unit.municipalities.insert(kommun) }
            unit.categories.formUnion(value.categories)
            unit.values.append((encoded, value.municipality ?? ""))
            units[key] = unit
            for c in value.categories { matrix[value.municipality ?? "okänd", default: [:]][c, default: 0] += count }
        }

        // Greedy grouping, most common signature first. Words are numbered so a signature is a
        // sorted [Int]; an inverted index (category and word -> groups) finds the groups that
        // share a word and counts the shared words.
        let ordered = units.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }.map(\.value)
        var wordID: [String: Int] = [:]
        var clusters: [(words: Int, units: [Unit])] = []
        var clustersWith: [String: [Int: [Int]]] = [:]
        for unit in ordered {
            let ids = unit.words.map { w in wordID[w] ?? { wordID[w] = wordID.count; return wordID.count - 1 }() }
            var shared: [Int: Int] = [:]
            for id in ids { for index in clustersWith[unit.category]?[id] ?? [] { shared[index, default: 0] += 1 } }
            var best: (index: Int, score: Double)? = nil
            for (index, count) in shared.sorted(by: { $0.key < $1.key }) {
                let overlap = Self.overlap(shared: count, clusters[index].words, ids.count)
                if overlap >= Self.similarity, overlap > (best?.score ?? 0) { best = (index, overlap) }
            }
            if let best {
                clusters[best.index].units.append(unit)
            } else {
                for id in ids { clustersWith[unit.category, default: [:]][id, default: []].append(clusters.count) }
                clusters.append((ids.count, [unit]))
            }
        }

        let ranked = clusters.map { cluster in
            (units: cluster.units, kommuner: Set(cluster.units.flatMap(\.municipalities)).count,
             count: cluster.units.reduce(0) { $0 + $1.count }, key: cluster.units[0].key)
        }.filter { $0.kommuner >= minimumMunicipalities }
            .sorted { ($0.kommuner, $0.count, $1.key) > ($1.kommuner, $1.count, $0.key) }
        let shown = ranked.prefix(limit).map(\.units)
        let candidates = try query == nil
            ? firstMeasures(of: shown, brist: brist, all: examplesPerGroup == nil)
            : firstMeasures(of: shown, matching: selection, all: examplesPerGroup == nil)
        let examples = try choose(from: candidates, perGroup: examplesPerGroup)

        var groups: [Group] = zip(shown, examples).map { units, found in
            var seen: Set<String> = []
            var first: [Example] = [], rest: [Example] = []
            for example in found {
                if seen.insert(example.municipality ?? "").inserted { first.append(example) } else { rest.append(example) }
            }
            let label = found.map(\.text).min { ($0.count, $0) < ($1.count, $1) } ?? units[0].words.joined(separator: " ")
            return Group(label: label, categories: Array(Set(units.flatMap(\.categories))).sorted(),
                         municipalities: Array(Set(units.flatMap(\.municipalities))).sorted(),
                         count: units.reduce(0) { $0 + $1.count }, examples: first + rest)
        }
        groups.sort { ($0.municipalities.count, $0.count, $1.label) > ($1.municipalities.count, $1.count, $0.label) }
        return Answer(brist: brist, query: nil, groups: groups, matrix: matrix)
    }

    /// Measures per group value (signature, kommun, categories) against `brist`, from the
    /// count terms' frequencies.
    private func countsFromTerms(brist: String?) throws -> [(String, Int)] {
        let prefix = MeasureSignature.GroupValue.countPrefix(brist: brist)
        let bytes = prefix.utf8.count
        var counts: [(String, Int)] = []
        try reader.database.forEachTerm(prefix: prefix) { term, frequency in
            counts.append((String(Substring(term.utf8.dropFirst(bytes))), frequency))
            return true
        }
        return counts
    }

    /// Measures per group value among the entries `selection` matches, by Xapian's value-count
    /// spy over the signature slot.
    private func countsFromValues(of selection: Query) throws -> [(String, Int)] {
        let counting = try Enquire(database: reader.database)
        counting.setQuery(selection)
        let spy = ValueCountSpy(slot: Schema.Slot.measureGroup)
        counting.addSpy(spy)
        _ = try counting.matches(limit: 1, checkAtLeast: max(try reader.database.termFrequency(Schema.Kind.measure), 1))
        return spy.counts.map { ($0.key, $0.value) }
    }

    /// A measure that may be shown as an example: its entry, date, kommun and docid (the order
    /// in which equal dates are taken).
    private struct Candidate {
        var entry: Document
        var date: String
        var municipality: String
        var docid: UInt32
    }

    /// The first measure (lowest docid) of each group value of each group, or every measure when
    /// `all`, from the count terms: each value's term lists exactly its measures against the
    /// brist, so on local shards the first is one posting-list lookup per value.
    /// Over remote shards each lookup is a round trip per value and shard (4 s at 600,000
    /// documents on eight shards), so there one boolean match asks for them all at once.
    private func firstMeasures(of groups: [[Unit]], brist: String?, all: Bool) throws -> [[Candidate]] {
        if reader.database.hasRemoteShards { return try firstMeasuresInOneMatch(of: groups, brist: brist, all: all) }
        let database = reader.database
        let prefix = MeasureSignature.GroupValue.countPrefix(brist: brist)
        return try groups.map { units in
            var found: [Candidate] = []
            for unit in units {
                for value in unit.values {
                    var docids: [UInt32] = []
                    if all {
                        try database.forEachPosting(prefix + value.encoded) { docids.append($0); return true }
                    } else if let first = try database.documentID(forTerm: prefix + value.encoded) {
                        docids = [first]
                    }
                    for docid in docids {
                        let entry = try database.document(docid)
                        found.append(Candidate(entry: entry, date: try entry.value(slot: Schema.Slot.date),
                                               municipality: value.municipality, docid: docid))
                    }
                }
            }
            return found
        }
    }

    /// The same in one boolean match over all the shown values' terms, collapsed on the value
    /// slot (with equal weights Xapian keeps the lowest docid of each value): each remote shard
    /// answers it in one exchange. Locally it cost more than the lookups: at 100,000 documents
    /// in eight shards the OR of a brist's thousands of count terms was most of a 300 ms answer.
    private func firstMeasuresInOneMatch(of groups: [[Unit]], brist: String?, all: Bool) throws -> [[Candidate]] {
        let prefix = MeasureSignature.GroupValue.countPrefix(brist: brist)
        var placeOf: [String: (group: Int, municipality: String)] = [:]
        var measures = 0
        for (index, units) in groups.enumerated() {
            for unit in units {
                measures += unit.count
                for value in unit.values { placeOf[value.encoded] = (index, value.municipality) }
            }
        }
        var found = [[Candidate]](repeating: [], count: groups.count)
        guard !placeOf.isEmpty else { return found }
        let enquire = try Enquire(database: reader.database)
        enquire.setQuery(Query(terms: placeOf.keys.sorted().map { prefix + $0 }, op: .or).scaled(by: 0))
        if !all { enquire.setCollapseKey(slot: Schema.Slot.measureGroup) }
        let matches = try enquire.matches(limit: all ? measures : placeOf.count)
        try matches.fetchDocuments()
        for i in 0..<matches.count {
            let entry = try matches.document(at: i)
            guard let place = placeOf[try entry.value(slot: Schema.Slot.measureGroup)] else { continue }
            found[place.group].append(Candidate(entry: entry, date: try entry.value(slot: Schema.Slot.date),
                                                municipality: place.municipality, docid: matches.documentID(at: i)))
        }
        return found
    }

    /// The same for measures matching a query: the entries with the groups' signatures that
    /// `selection` matches, which Xapian collapses to the first of each group value unless all
    /// are wanted.
    private func firstMeasures(of groups: [[Unit]], matching selection: Query, all: Bool) throws -> [[Candidate]] {
        var groupOf: [String: Int] = [:]
        for (index, units) in groups.enumerated() {
            for unit in units { groupOf[unit.key] = index }
        }
        var found = [[Candidate]](repeating: [], count: groups.count)
        let terms = Set(groups.flatMap { $0.map { MeasureSignature.GroupValue.signatureTerm($0.words) } })
        guard !terms.isEmpty else { return found }
        let enquire = try Enquire(database: reader.database)
        enquire.setQuery(Query(terms: terms.sorted(), op: .or).filtered(by: selection))
        if !all { enquire.setCollapseKey(slot: Schema.Slot.measureGroup) }
        let matches = try enquire.matches(limit: max(try reader.database.termFrequency(Schema.Kind.measure), 1))
        try matches.fetchDocuments()
        for i in 0..<matches.count {
            let entry = try matches.document(at: i)
            guard let value = MeasureSignature.GroupValue(encoded: try entry.value(slot: Schema.Slot.measureGroup)),
                  let index = groupOf[Unit.key(value.words, Unit.category(of: value))]
            else { continue }
            found[index].append(Candidate(entry: entry, date: try entry.value(slot: Schema.Slot.date),
                                          municipality: value.municipality ?? "", docid: matches.documentID(at: i)))
        }
        return found
    }

    /// Each group's examples in date order: one per kommun first, then the next up to
    /// `perGroup` (nil: all, for an export). Only the chosen entries are decoded.
    private func choose(from candidates: [[Candidate]], perGroup: Int?) throws -> [[Example]] {
        let decoder = JSONDecoder()
        return try candidates.map { found in
            var seen: Set<String> = []
            var first: [Candidate] = [], rest: [Candidate] = []
            for c in found.sorted(by: { ($0.date, $0.docid) < ($1.date, $1.docid) }) {
                if seen.insert(c.municipality).inserted { first.append(c) } else { rest.append(c) }
            }
            let chosen = first + rest.prefix(max(0, (perGroup ?? rest.count) - first.count))
            return try chosen.map { c in
                let m = try decoder.decode(MeasureRecord.self, from: Data(try c.entry.data()))
                return Example(id: m.id, municipality: m.municipality, text: m.text, status: m.status,
                               page: m.page, date: m.date, path: m.path, docType: m.docType)
            }.sorted { ($0.date ?? "", $0.id, $0.text) < ($1.date ?? "", $1.id, $1.text) }
        }
    }
}

extension RecurringMeasures.Answer {
    /// Excel-friendly CSV: UTF-8 with BOM, semicolons, one row per measure of each group.
    public func csv() -> String {
        func field(_ s: String?) -> String {
            let v = s ?? ""
            return v.contains(where: { ";\"\n\r".contains($0) }) ? "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : v
        }
        var lines = ["grupp;kategorier;antal kommuner;kommun;status;åtgärd;datum;sida;dokument-id;källa"]
        for (n, group) in groups.enumerated() {
            for e in group.examples {
                lines.append([String(n + 1), group.categories.joined(separator: ", "), String(group.municipalities.count),
                              e.municipality ?? "", e.status ?? "", e.text, e.date ?? "", e.page.map(String.init) ?? "",
                              e.id, e.path].map(field).joined(separator: ";"))
            }
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The kommun × category matrix as CSV (same conventions).
    public func matrixCSV() -> String {
        let categories = Array(Set(matrix.values.flatMap(\.keys))).sorted()
        var lines = ["kommun;" + categories.joined(separator: ";")]
        for kommun in matrix.keys.sorted() {
            lines.append(kommun + ";" + categories.map { String(matrix[kommun]?[$0] ?? 0) }.joined(separator: ";"))
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }
}
