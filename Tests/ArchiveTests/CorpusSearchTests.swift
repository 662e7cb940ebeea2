import Foundation
import Testing
import TestSupport

/// Search over the shipped Corpus, with expectations taken from its labels (Corpus/labels.jsonl)
/// so they stay true when the corpus is regenerated.
@Suite("Searching the Corpus", .serialized)
struct CorpusSearchTests {
    /// One import of Corpus/ shared by the tests of this suite.
    static let index: String = {
        let dir = TestSupport.directoryForThisRun("corpus")
        _ = try? ArkivCommand.run(["import", TestSupport.corpus.path, "--index", dir.path])
        return dir.path
    }()

    nonisolated(unsafe) static let labels: [[String: Any]] = {
        let text = (try? String(contentsOf: TestSupport.corpus.appendingPathComponent("labels.jsonl"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }()

    func search(_ arguments: [String]) throws -> [String: Any] {
        let out = try ArkivCommand.run(["search", "--index", Self.index, "--json", "--limit", "100"] + arguments)
        #expect(out.status == 0, "\(arguments): \(out.stderr)")
        return try out.json()
    }

    func relativePaths(_ answer: [String: Any]) -> [String] {
        (answer["hits"] as! [[String: Any]]).map { ($0["path"] as! String).replacingOccurrences(of: TestSupport.corpus.path + "/", with: "") }
    }

    @Test("the whole Corpus imports without a reject")
    func imports() throws {
        let records = try ArkivCommand.run(["export", "--index", Self.index]).jsonLines()
        #expect(records.count == Self.labels.count)
        #expect(Self.labels.count >= 40)
    }

    @Test("a phrase from a PDF's third page finds that PDF")
    func pageThree() throws {
        let labelled = try #require(Self.labels.first { $0["page3_phrase"] != nil })
        let answer = try search(["\"\(labelled["page3_phrase"] as! String)\""])
        #expect(relativePaths(answer) == [labelled["file"] as! String])
    }

    @Test("dnr: finds every document of a case thread that cites the number")
    func caseThread() throws {
        var cases: [String: [String]] = [:]
        for label in Self.labels { if let key = label["case"] as? String { cases[key, default: []].append(label["file"] as! String) } }
        let (key, thread) = try #require(cases.filter { $0.key.hasPrefix("ivo:") }.max { $0.value.count < $1.value.count })
        let dnr = String(key.dropFirst(4))
        // A news item in the thread may not cite the number; those that do, with or without a
        // document suffix (-1), must be found.
        let files = Self.labels.filter { label in
            thread.contains(label["file"] as! String) && (label["diarienummer"] as! [[String: String]]).contains { $0["value"]!.hasPrefix(dnr) }
        }.map { $0["file"] as! String }
        #expect(files.count >= 3)
        let found = Set(relativePaths(try search(["dnr:\"\(dnr)\""])))
        #expect(Set(files).isSubset(of: found), "case \(dnr): missing \(Set(files).subtracting(found))")
    }

    @Test("facet counts agree with the records, and filters narrow to what they name")
    func facetsAndFilters() throws {
        let all = try search([])
        let records = try ArkivCommand.run(["export", "--index", Self.index]).jsonLines()
        let facets = all["facets"] as! [String: [String: Int]]
        var expected: [String: Int] = [:]
        for r in records { if let k = r["municipality"] as? String { expected[k, default: 0] += 1 } }
        #expect(facets["municipality"] == expected)
        #expect(all["total"] as? Int == records.count)

        let kalmar = try search(["--municipality", "Kalmar"])
        #expect(kalmar["total"] as? Int == expected["Kalmar"])
        #expect((kalmar["hits"] as! [[String: Any]]).allSatisfy { $0["municipality"] as? String == "Kalmar" })

        let brist = try search(["--brist", "kontroll_placering", "--type", "beslut"])
        let hits = brist["hits"] as! [[String: Any]]
        #expect(!hits.isEmpty)
        #expect(hits.allSatisfy { ($0["brister"] as! [String]).contains("kontroll_placering") && $0["doc_type"] as? String == "beslut" })
    }

    @Test("date ranges filter and date sort orders newest first")
    func dates() throws {
        let answer = try search(["--from", "2024-01", "--to", "2024-12-31", "--sort", "date"])
        let dates = (answer["hits"] as! [[String: Any]]).compactMap { $0["date"] as? String }
        #expect(!dates.isEmpty)
        #expect(dates.allSatisfy { $0 >= "2024-01-01" && $0 <= "2024-12-31" })
        #expect(dates == dates.sorted(by: >))
    }

    @Test("lagrum: accepts the ways people write a reference")
    func legalReferences() throws {
        let forms = ["lagrum:\"SoL 6 kap. 6 §\"", "lagrum:\"6 kap. 6 § SoL\"", "lagrum:\"SoL 6:6\""]
        let totals = try forms.map { try search([$0])["total"] as! Int }
        #expect(totals[0] > 0)
        #expect(Set(totals).count == 1, "\(zip(forms, totals))")
    }

    @Test("a misspelt word gets a 'menade du' suggestion; words spelt right get none")
    func suggestion() throws {
        let answer = try search(["familjehemsutredning", "registerkontrol"])
        #expect((answer["suggestion"] as? String)?.contains("registerkontroll") == true)
        let right = try search(["familjehemsutredning", "registerkontroller"])
        #expect(right["suggestion"] == nil || right["suggestion"] is NSNull)
    }

    @Test("show gives each fact with the text it came from and its page")
    func evidence() throws {
        let labelled = try #require(Self.labels.first { $0["page3_phrase"] != nil })
        let answer = try search(["\"\(labelled["page3_phrase"] as! String)\""])
        let id = try #require((answer["hits"] as! [[String: Any]]).first?["id"] as? String)
        let shown = try ArkivCommand.run(["show", "--index", Self.index, "--json", id]).json()
        let evidence = shown["evidence"] as! [[String: Any]]
        let dnr = try #require(evidence.first { $0["field"] as? String == "diarienummer" })
        #expect((dnr["excerpt"] as? String)?.contains((dnr["value"] as! String).prefix(8)) == true)
        #expect(dnr["page"] as? Int != nil)
    }
}
