import Foundation
import Testing
import TestSupport

/// Ranking quality on the Corpus: questions a lawyer or controller would ask, with relevance
/// judged from the Corpus's ground truth (labels.jsonl, written by the generator, not by the
/// tagger). nDCG@10 and recall@10 are printed and held above a floor.
@Suite("Relevance on the Corpus", .serialized)
struct RelevanceTests {
    /// A question and how relevant each labelled document is to it (0 = not).
    struct Judged: Sendable {
        var query: String
        var grade: @Sendable ([String: Any]) -> Int
    }

    static func brist(_ id: String) -> @Sendable ([String: Any]) -> Int {
        { label in
            guard (label["brister"] as! [String]).contains(id) else { return 0 }
            // A finding or an answer to it counts more than a mention in minutes or news.
            return ["beslut", "aterredovisning", "yttrande", "tjansteskrivelse", "lex_sarah", "granskningsrapport"]
                .contains(label["doc_type"] as! String) ? 2 : 1
        }
    }

    static let questions: [Judged] = [
        Judged(query: "brister i förhandsbedömning av orosanmälningar", grade: brist("orosanmalan")),
        Judged(query: "kontroller inför placering i familjehem", grade: brist("kontroll_placering")),
        Judged(query: "uppföljning av placerade barn", grade: brist("uppfoljning_placering")),
        Judged(query: "genomförandeplan saknas", grade: brist("vardplan_genomforandeplan")),
        Judged(query: "egenkontroll ledningssystem kvalitetsarbete", grade: brist("egenkontroll")),
        Judged(query: "samtal med barnet barns delaktighet", grade: brist("barns_delaktighet")),
        Judged(query: "läkemedel", grade: brist("lakemedel_halsa")),
        Judged(query: "bemanning och kompetens", grade: brist("bemanning_kompetens")),
        Judged(query: "skyddsbedömning", grade: brist("skyddsbedomning")),
        Judged(query: "tvång och begränsningsåtgärder", grade: brist("tvang_begransning")),
        Judged(query: "lex Sarah missförhållande", grade: { ($0["doc_type"] as! String) == "lex_sarah" ? 2 : 0 }),
        Judged(query: "återredovisning Kalmar", grade: { label in
            guard label["municipality"] as? String == "Kalmar" else { return 0 }
            return label["doc_type"] as? String == "aterredovisning" ? 2 : 0
        }),
    ]

    static func dcg(_ gains: [Int]) -> Double {
        gains.enumerated().reduce(0) { $0 + (pow(2, Double($1.element)) - 1) / log2(Double($1.offset) + 2) }
    }

    @Test("nDCG@10 and recall@10 over judged questions")
    func ranking() throws {
        let index = CorpusSearchTests.index
        let corpus = TestSupport.corpus.path + "/"
        var rows: [(String, Double, Double)] = []
        for q in Self.questions {
            let grades = Dictionary(uniqueKeysWithValues: CorpusSearchTests.labels.map { ($0["file"] as! String, q.grade($0)) })
            let out = try ArkivCommand.run(["search", "--index", index, "--json", "--limit", "10", q.query])
            let hits = (try out.json()["hits"] as! [[String: Any]]).map { ($0["path"] as! String).replacingOccurrences(of: corpus, with: "") }
            let gains = hits.map { grades[$0] ?? 0 }
            let ideal = Self.dcg(grades.values.sorted(by: >).prefix(10).map { $0 })
            let relevant = grades.values.filter { $0 > 0 }.count
            let ndcg = ideal > 0 ? Self.dcg(gains) / ideal : 0
            let recall = Double(gains.filter { $0 > 0 }.count) / Double(max(1, min(relevant, 10)))
            rows.append((q.query, ndcg, recall))
        }
        let meanNDCG = rows.map(\.1).reduce(0, +) / Double(rows.count)
        let meanRecall = rows.map(\.2).reduce(0, +) / Double(rows.count)
        print("Relevance on the Corpus (\(rows.count) judged questions)")
        for (query, ndcg, recall) in rows {
            print(query.padding(toLength: 50, withPad: " ", startingAt: 0) + String(format: "nDCG@10 %.3f  recall@10 %.3f", ndcg, recall))
        }
        print(String(format: "mean nDCG@10 %.3f  mean recall@10 %.3f", meanNDCG, meanRecall))
        #expect(meanNDCG >= 0.6)
        #expect(meanRecall >= 0.5)
    }

    @Test("similar cases: the top five share a brist with the source (judged by the labels)")
    func similarPrecision() throws {
        let index = CorpusSearchTests.index
        let corpus = TestSupport.corpus.path + "/"
        let labels = Dictionary(uniqueKeysWithValues: CorpusSearchTests.labels.map { ($0["file"] as! String, $0) })
        let records = try ArkivCommand.run(["export", "--index", index]).jsonLines()
        var precisions: [Double] = []
        for record in records where record["doc_type"] as? String == "beslut" {
            let path = (record["path"] as! String).replacingOccurrences(of: corpus, with: "")
            guard let source = labels[path], !(source["brister"] as! [String]).isEmpty else { continue }
            let hits = try ArkivCommand.run(["similar", "--index", index, "--json", "--limit", "5", record["id"] as! String]).json()["hits"] as! [[String: Any]]
            let good = hits.filter { hit in
                let label = labels[(hit["path"] as! String).replacingOccurrences(of: corpus, with: "")]
                return !Set(label?["brister"] as? [String] ?? []).isDisjoint(with: source["brister"] as! [String])
            }
            precisions.append(Double(good.count) / Double(max(hits.count, 1)))
        }
        let mean = precisions.reduce(0, +) / Double(max(precisions.count, 1))
        print(String(format: "similar: mean precision@5 (shares a labelled brist) %.3f over %d decisions", mean, precisions.count))
        #expect(precisions.count >= 5)
        #expect(mean >= 0.7)
    }
}
