import ArchiveIndex
import Foundation
@testable import Search
import Testing
import TestSupport
import Xapian

/// Similar cases, recurring measures, case threads and synonyms over the Corpus.
@Suite("Query layer on the Corpus", .serialized)
struct QueryLayerTests {
    var index: String { CorpusSearchTests.index }

    func run(_ arguments: [String]) throws -> ArkivCommand.Output {
        let out = try ArkivCommand.run(arguments + ["--index", index])
        #expect(out.status == 0, "\(arguments): \(out.stderr)")
        return out
    }

    func ids(_ query: String) throws -> Set<String> {
        let hits = try run(["search", "--json", "--limit", "200", query]).json()["hits"] as! [[String: Any]]
        return Set(hits.map { $0["id"] as! String })
    }

    @Test("facets are exact on a small answer, estimates (and flagged) beyond the sample, exact on request")
    func facetSampling() throws {
        let exact = try run(["search", "--json", "--exact-facets", "--limit", "200", "kommun"]).json()
        let hits = exact["hits"] as! [[String: Any]]
        #expect(exact["facets_exact"] as? Bool == true)
        #expect(hits.count > 20)
        // Exact counts are what the hits themselves say.
        var byKommun: [String: Int] = [:]
        for hit in hits { if let k = hit["municipality"] as? String { byKommun[k, default: 0] += 1 } }
        let facets = exact["facets"] as! [String: [String: Int]]
        #expect(facets["municipality"] == byKommun)

        let small = try run(["search", "--json", "kommun"]).json()
        #expect(small["facets_exact"] as? Bool == true, "the Corpus is far below the default sample")
        #expect((small["facets"] as! [String: [String: Int]]) == facets)

        let sampled = try run(["search", "--json", "--facet-sample", "5", "kommun"]).json()
        #expect(sampled["facets_exact"] as? Bool == false)
        let estimated = (sampled["facets"] as! [String: [String: Int]])["doc_type"] ?? [:]
        let total = sampled["total"] as! Int
        #expect(!estimated.isEmpty)
        // Scaled up from the sample: the estimates add up to about the number of matches.
        let sum = estimated.values.reduce(0, +)
        #expect(Double(sum) > 0.7 * Double(total) && Double(sum) < 1.3 * Double(total), "\(estimated) vs \(total)")
    }

    @Test("similar cases share brister first, carry reasons, and leave out the source's own case")
    func similarToDocument() throws {
        let source = try #require((try run(["search", "--json", "typ:beslut brist:kontroll_placering"]).json()["hits"] as! [[String: Any]]).first)
        let sourceBrister = Set(source["brister"] as! [String])
        let sourceDnr = Set((source["diarienummer"] as! [[String: String]]).map { $0["value"]! })
        let hits = try run(["similar", "--json", source["id"] as! String]).json()["hits"] as! [[String: Any]]
        #expect(hits.count >= 3)
        let first = try #require(hits.first)
        #expect(!sourceBrister.isDisjoint(with: first["brister"] as! [String]))
        #expect((first["reasons"] as! [String]).contains { $0.hasPrefix("same brist: ") })
        for hit in hits {
            #expect(hit["id"] as? String != source["id"] as? String)
            #expect(!(hit["reasons"] as! [String]).isEmpty)
            let dnr = Set((hit["diarienummer"] as! [[String: String]]).map { $0["value"]! })
            #expect(dnr.isDisjoint(with: sourceDnr), "a document of the same case is not precedent")
        }
    }

    @Test("the similar-case text query skips words both long to read and common, only in large archives")
    func commonWordsSkippedAtScale() {
        // The Corpus: a word in 50 of 57 documents still counts (its posting list is short).
        #expect(SimilarCases.isWorthReading(documentFrequency: 50, of: 57))
        // A million documents: "brist" in 892,074 of them is skipped, a word in 9 % is kept.
        #expect(!SimilarCases.isWorthReading(documentFrequency: 892_074, of: 1_000_000))
        #expect(SimilarCases.isWorthReading(documentFrequency: 90_000, of: 1_000_000))
    }

    @Test("a pasted criticism finds a document with the same brist first, with reasons")
    func similarToText() throws {
        let criticism = """
            IVO bedömer att nämnden brister i sin skyldighet att utreda familjehemmen innan barn placeras. \
            Registerkontroller i belastningsregistret och misstankeregistret har inte gjorts före placeringen, \
            och det saknas dokumentation av att familjehemmets lämplighet har bedömts enligt 6 kap. 6 § SoL.
            """
        let hits = try run(["similar", "--json", "--text", criticism]).json()["hits"] as! [[String: Any]]
        let top = hits.prefix(3)
        #expect(!top.isEmpty)
        #expect((top.first?["brister"] as? [String])?.contains("kontroll_placering") == true)
        #expect((top.first?["reasons"] as? [String])?.contains("same brist: kontroll_placering") == true)
        #expect(top.allSatisfy { ($0["reasons"] as! [String]).contains { $0.hasPrefix("same brist: ") } })
    }

    @Test("recurring measures: groups span several kommuner and trace to their sources")
    func recurringMeasures() throws {
        let answer = try run(["measures", "--json", "--brist", "kontroll_placering"]).json()
        let groups = answer["groups"] as! [[String: Any]]
        let first = try #require(groups.first)
        #expect((first["municipalities"] as! [String]).count >= 2)
        let counts = groups.map { ($0["municipalities"] as! [String]).count }
        #expect(counts == counts.sorted(by: >), "groups ranked by distinct kommuner")
        let records = try run(["export"]).jsonLines()
        let byID = Dictionary(uniqueKeysWithValues: records.map { ($0["id"] as! String, $0) })
        for group in groups {
            for example in group["examples"] as! [[String: Any]] {
                let record = try #require(byID[example["id"] as! String])
                let texts = (record["measures"] as! [[String: Any]]).map { $0["text"] as! String }
                #expect(texts.contains(example["text"] as! String), "example text comes from its source")
            }
        }
        let matrix = answer["matrix"] as! [String: [String: Int]]
        #expect(matrix.values.contains { $0["checklista"] != nil })
    }

    @Test("counting measures by the terms kept at import gives what counting their values gives")
    func measureCountsAgree() throws {
        let reader = try ArchiveReader(indexPath: index)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for brist in ["kontroll_placering", "orosanmalan", nil] {
            // A query (here: every entry) makes Xapian count the signature values of the matches.
            let byTerms = try RecurringMeasures(reader: reader).groups(brist: brist, query: nil)
            let byValues = try RecurringMeasures(reader: reader).groups(brist: brist, query: .matchAll())
            #expect(!byTerms.groups.isEmpty, "\(brist ?? "all")")
            #expect(try encoder.encode(byTerms) == encoder.encode(byValues), "\(brist ?? "all")")
        }
    }

    @Test("measures of a query: the measures' own words, phrases and fields")
    func measuresOfAQuery() throws {
        for query in ["checklista", "\"inför placering\"", "kommun:kalmar rutin"] {
            let groups = try run(["measures", "--json", "--examples", "0", "--query", query]).json()["groups"] as! [[String: Any]]
            #expect(!groups.isEmpty, "\(query)")
            for group in groups {
                for example in group["examples"] as! [[String: Any]] {
                    let text = (example["text"] as! String).lowercased()
                    switch query {
                    case "checklista": #expect(text.contains("checklist"), "\(text)")
                    case "kommun:kalmar rutin":
                        #expect(example["municipality"] as? String == "Kalmar")
                        #expect(text.contains("rutin"), "\(text)")
                    default: #expect(text.contains("inför placering"), "\(text)")
                    }
                }
            }
        }
    }

    @Test("a search's hits are documents, each once, never the measure entries that share the index")
    func hitsAreDocuments() throws {
        let documents = Set(try run(["export"]).jsonLines().map { $0["id"] as! String })
        // Plain words (no filter on the kind of entry is needed) and a field (one is).
        for query in ["checklista rutin", "kommun:kalmar", "åtgärd:checklista"] {
            let answer = try run(["search", "--json", "--limit", "500", query]).json()
            let ids = (answer["hits"] as! [[String: Any]]).map { $0["id"] as! String }
            #expect(!ids.isEmpty, "\(query)")
            #expect(Set(ids).count == ids.count, "\(query): an id twice")
            #expect(Set(ids).isSubset(of: documents), "\(query)")
            #expect(answer["total"] as? Int == ids.count, "\(query)")
        }
    }

    @Test("measures export to Excel: UTF-8 BOM, semicolons, one row per measure")
    func measuresCSV() throws {
        let out = try run(["measures", "--brist", "kontroll_placering", "--csv", "groups"])
        #expect(out.stdout.hasPrefix("\u{FEFF}grupp;kategorier;antal kommuner;kommun;status;åtgärd"))
        let rows = out.stdout.split(separator: "\r\n")
        let groups = try run(["measures", "--json", "--examples", "0", "--brist", "kontroll_placering"]).json()["groups"] as! [[String: Any]]
        #expect(rows.count == 1 + groups.map { ($0["examples"] as! [Any]).count }.reduce(0, +))
        for group in groups {
            #expect((group["examples"] as! [Any]).count == group["count"] as! Int, "every measure of \(group["label"]!) is listed")
        }
        let few = try run(["measures", "--json", "--examples", "1", "--brist", "kontroll_placering"]).json()["groups"] as! [[String: Any]]
        for group in few {
            // At least one per kommun, so a group's kommuner are all traceable.
            #expect((group["examples"] as! [Any]).count == (group["municipalities"] as! [Any]).count)
        }
        let matrix = try run(["measures", "--brist", "kontroll_placering", "--csv", "matrix"]).stdout
        #expect(matrix.hasPrefix("\u{FEFF}kommun;"))
    }

    @Test("a case thread lists beslut, answer and återredovisning in date order")
    func caseThread() throws {
        var cases: [String: Int] = [:]
        for label in CorpusSearchTests.labels { if let key = label["case"] as? String, key.hasPrefix("ivo:") { cases[key, default: 0] += 1 } }
        let key = try #require(cases.max { $0.value < $1.value }?.key)
        let thread = try run(["case", "--json", String(key.dropFirst(4))]).json()
        let documents = thread["documents"] as! [[String: Any]]
        let dates = documents.compactMap { $0["date"] as? String }
        #expect(dates == dates.sorted())
        #expect(documents.first?["doc_type"] as? String == "beslut")
        #expect(documents.contains { $0["doc_type"] as? String == "aterredovisning" })
        #expect(documents.count >= 3)
    }

    @Test("IVO and Inspektionen för vård och omsorg are one; plan för genomförande meets genomförandeplan")
    func synonyms() throws {
        let spelledOut = try ids("\"inspektionen för vård och omsorg\"")
        let abbreviation = try ids("IVO")
        #expect(!spelledOut.isEmpty)
        #expect(spelledOut.isSubset(of: abbreviation))
        let compound = try ids("genomförandeplan")
        #expect(!compound.isEmpty)
        #expect(compound.isSubset(of: try ids("plan för genomförande")))
    }
}

/// A document numbered within a case is also findable by the case's diarienummer.
@Suite("Case numbers of diarienummer")
struct CaseNumberTests {
    @Test("a /YYYY-N number gives its case; nothing else does", arguments: [
        ("3.5.1-08071/2022-1", "3.5.1-08071/2022"), ("30010/2024-12", "30010/2024"), ("a/2024-123", "a/2024"),
        ("3.5.1-08071/2022", nil), ("30010/2024-1234", nil), ("/2024-1", nil), ("bun-2019-0412", nil),
        ("701-12345-2010", nil), ("ks2019/123", nil), ("30010/224-1", nil), ("30010-2024-1", nil), ("30010/2024-", nil),
    ] as [(String, String?)])
    func caseNumber(number: String, expected: String?) {
        #expect(Schema.caseNumber(ofDiarienummer: number) == expected)
        // The rule it replaces, as a regular expression.
        #expect(number.wholeMatch(of: /(.+\/\d{4})-\d{1,3}/).map { String($0.1) } == expected)
    }
}
