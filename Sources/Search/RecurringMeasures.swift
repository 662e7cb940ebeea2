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
    private let stopwords: Set<String>
    private let stemmer: Stemmer

    /// The words of Domain/stoppord.txt (one per line, # comments).
    public static func stopwords(in domainFolder: URL) -> Set<String> {
        guard let text = try? String(contentsOf: domainFolder.appendingPathComponent("stoppord.txt"), encoding: .utf8) else { return [] }
        return Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }

    public init(reader: ArchiveReader, stopwords: Set<String>) throws {
        self.reader = reader
        self.stopwords = stopwords
        stemmer = try Stemmer(language: "swedish")
    }

    /// Groups the measures taken against `brist` (and whose text matches `query`, if given),
    /// read from the measure entries of the index.
    /// `examplesPerGroup`: how many measures each group lists (one per kommun first, never fewer
    /// than one per kommun); nil lists them all, as a CSV export wants.
    public func groups(brist: String?, query: Query?, minimumMunicipalities: Int = 1, limit: Int = 50,
                       examplesPerGroup: Int? = nil) throws -> Answer {
        var filter = Query(term: Schema.Kind.measure)
        if let brist { filter = filter.filtered(by: Query(term: Schema.term(Schema.Prefix.brist, brist))) }
        let enquire = try Enquire(database: reader.database)
        enquire.setQuery(query.map { $0.filtered(by: filter) } ?? filter)
        let matches = try enquire.matches(limit: max(try reader.database.termFrequency(Schema.Kind.measure), 1))

        // Words are numbered per answer, so a signature is a sorted [Int] and comparing two is a
        // merge, not hashing strings; each token is stemmed once per answer, not once per measure.
        struct Item { var words: [Int]; var category: String; var categories: [String]; var example: Example }
        var items: [Item] = []
        var stemOf: [Substring: Int] = [:], idOfStem: [String: Int] = [:]
        func signatureIds(_ text: String) throws -> [Int] {
            var ids: Set<Int> = []
            let lowered = text.lowercased()
            for token in lowered.split(whereSeparator: { (c: Character) -> Bool in !c.isLetter }) where token.count > 2 {
                if let id = stemOf[token] { if id >= 0 { ids.insert(id) }; continue }
                let word = String(token)
                var id = -1  // a stopword
                if !stopwords.contains(word) {
                    let stem = try stemmer.stem(word)
                    id = idOfStem[stem] ?? idOfStem.count
                    idOfStem[stem] = id
                    ids.insert(id)
                }
                stemOf[token] = id
            }
            return ids.sorted()
        }
        let decoder = JSONDecoder()
        for i in 0..<matches.count {
            let m = try decoder.decode(MeasureRecord.self, from: Data(try matches.document(at: i).data()))
            let words = try signatureIds(m.text)
            guard !words.isEmpty else { continue }
            items.append(Item(words: words, category: m.categories.first ?? "ovrigt", categories: m.categories,
                              example: Example(id: m.id, municipality: m.municipality, text: m.text, status: m.status,
                                               page: m.page, date: m.date, path: m.path, docType: m.docType)))
        }
        // Greedy clustering in date order: each measure joins the most similar group of its
        // category, or starts one.
        items.sort { ($0.example.date ?? "", $0.example.id, $0.example.text) < ($1.example.date ?? "", $1.example.id, $1.example.text) }
        // Only groups sharing a word can reach the threshold: an inverted index (category and
        // word -> groups) finds them and counts the shared words, so the cost follows the
        // measure's words, not the number of groups.
        var clusters: [(words: [Int], category: String, members: [Item])] = []
        var clustersWith: [String: [Int: [Int]]] = [:]
        for item in items {
            var shared: [Int: Int] = [:]
            for word in item.words {
                for index in clustersWith[item.category]?[word] ?? [] { shared[index, default: 0] += 1 }
            }
            var best: (index: Int, score: Double)? = nil
            for (index, count) in shared.sorted(by: { $0.key < $1.key }) {
                let overlap = Self.overlap(shared: count, clusters[index].words.count, item.words.count)
                if overlap >= Self.similarity, overlap > (best?.score ?? 0) { best = (index, overlap) }
            }
            if let best {
                clusters[best.index].members.append(item)
            } else {
                for word in item.words { clustersWith[item.category, default: [:]][word, default: []].append(clusters.count) }
                clusters.append((item.words, item.category, [item]))
            }
        }
        var matrix: [String: [String: Int]] = [:]
        for item in items {
            for category in item.categories { matrix[item.example.municipality ?? "okänd", default: [:]][category, default: 0] += 1 }
        }
        var groups: [Group] = clusters.map { cluster in
            let municipalities = Array(Set(cluster.members.compactMap(\.example.municipality))).sorted()
            // One example per kommun first, then the rest.
            var seen: Set<String> = []
            var first: [Item] = [], rest: [Item] = []
            for member in cluster.members {
                if seen.insert(member.example.municipality ?? "").inserted { first.append(member) } else { rest.append(member) }
            }
            let label = cluster.members.map(\.example.text).min { $0.count < $1.count } ?? ""
            return Group(label: label, categories: Array(Set(cluster.members.flatMap(\.categories))).sorted(),
                         municipalities: municipalities, count: cluster.members.count,
                         examples: (first + rest.prefix(max(0, (examplesPerGroup ?? rest.count) - first.count))).map(\.example))
        }
        groups = groups.filter { $0.municipalities.count >= minimumMunicipalities }
        groups.sort { ($0.municipalities.count, $0.count, $1.label) > ($1.municipalities.count, $1.count, $0.label) }
        return Answer(brist: brist, query: nil, groups: Array(groups.prefix(limit)), matrix: matrix)
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
