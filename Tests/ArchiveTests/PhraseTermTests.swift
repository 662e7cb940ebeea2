import ArchiveIndex
import Foundation
import Search
import Tagging
import Testing
import TestSupport

/// Multi-word synonyms ("plan för genomförande") are indexed as one term each, so a search for
/// "genomförandeplan" needs no phrase query; answers must be those of the phrase query.
@Suite("Multi-word synonyms as indexed terms")
struct PhraseTermTests {
    @Test("an expression is found where a phrase query would match: over line breaks and hyphens, not inside words")
    func findsExpressions() {
        let phrases = PhraseTerms(keys: ["plan_för_genomförande", "hvb_hem"])
        let text = """
            Det saknas en Plan för
            genomförande. En plan  för genomförande-arbetet finns.
            Planen för genomförande, en plan förgenomförande och en plan för genomförandet.
            Placerad på HVB-hem.
            """
        #expect(phrases.terms(in: text, prefix: "XP") == ["XPplan_för_genomförande": 2, "XPhvb_hem": 1])
        #expect(phrases.terms(in: "plan för", prefix: "XP").isEmpty)
        #expect(PhraseTerms.key(of: "Hälso- och sjukvårdslagen") == "hälso_och_sjukvårdslagen")
        #expect(PhraseTerms.key(of: "IVO") == nil)
        #expect(PhraseTerms(recorded: phrases.recorded) == phrases)
    }

    @Test("the indexed term finds what the phrase finds; an index made without the terms is searched by phrase")
    func termAndPhraseAgree() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let folder = dir.appendingPathComponent("in")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let texts = [
                "compound": "Genomförandeplan saknades för pojken som placerades av Kalmar kommun.",
                "phrase": "Nämnden hade ingen plan för\ngenomförande av vården, skriver Umeå kommun.",
                "apart": "En plan för uppföljning togs fram; genomförande dröjde i Luleå kommun.",
                "oro": "En anmälan om oro kom in till Borås kommun men utreddes inte.",
            ]
            for (name, text) in texts {
                try text.write(to: folder.appendingPathComponent(name + ".txt"), atomically: true, encoding: .utf8)
            }
            let domain = try DomainData.load(from: TestSupport.domain)
            let tagger = Tagger(domain: domain)
            var answers: [String: [String: (files: Set<String>, parsed: String)]] = [:]
            for (kind, phrases) in [("with terms", PhraseTerms(synonyms: domain.synonyms)), ("without", .empty)] {
                let index = dir.appendingPathComponent(kind).path
                var options = Importer.Options()
                options.phrases = phrases
                let summary = try Importer(indexPath: index, processor: FileProcessor(tagger: tagger), options: options).run([folder.path])
                #expect(summary.added == texts.count)
                let searcher = try Searcher(reader: try ArchiveReader(indexPath: index), synonyms: SynonymExpansion(synonyms: domain.synonyms))
                for query in ["genomförandeplan", "plan för genomförande", "orosanmälan"] {
                    let response = try searcher.search(SearchRequest(query: query))
                    let files = Set(response.hits.map { URL(fileURLWithPath: $0.record.path).deletingPathExtension().lastPathComponent })
                    answers[kind, default: [:]][query] = (files, response.parsedQuery)
                }
            }
            for query in ["genomförandeplan", "plan för genomförande"] {
                #expect(answers["with terms"]?[query]?.files == ["compound", "phrase"], "\(query)")
                #expect(answers["without"]?[query]?.files == ["compound", "phrase"], "\(query)")
            }
            #expect(answers["with terms"]?["orosanmälan"]?.files == ["oro"])
            #expect(answers["without"]?["orosanmälan"]?.files == ["oro"])
            // The fast path where the index has the terms, the phrase where it has not.
            #expect(answers["with terms"]?["genomförandeplan"]?.parsed.contains("XPplan_för_genomförande") == true)
            #expect(answers["with terms"]?["genomförandeplan"]?.parsed.contains("PHRASE") == false)
            #expect(answers["without"]?["genomförandeplan"]?.parsed.contains("PHRASE") == true)
            #expect(answers["without"]?["genomförandeplan"]?.parsed.contains("XP") == false)
        }
    }
}
