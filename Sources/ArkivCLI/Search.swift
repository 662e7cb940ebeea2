import ArchiveIndex
import ArgumentParser
import Foundation
import Search
import Tagging

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Full-text search with filters and facets.",
        discussion: """
        Query syntax: words (Swedish stemming), "exact phrases", AND/OR/NOT, wildcards (genomför*), \
        and fields: kommun:Kalmar brist:orosanmalan typ:beslut område:barn_unga dnr:"30010/2024" \
        lagrum:"SoL 11 kap. 10 §" åtgärd:checklista år:2024 titel:ord datum:2022-01-01..2022-12-31
        """
    )

    @OptionGroup var indexOptions: IndexOptions

    @Argument(help: "The query (empty: everything, narrowed by filters).")
    var query: [String] = []

    @Flag(help: "JSON output as in CONTRACT.md.") var json = false
    @Option(help: "Only this kommun (repeatable).") var municipality: [String] = []
    @Option(help: "Only documents with this brist category (repeatable).") var brist: [String] = []
    @Option(name: .customLong("type"), help: "Only this doc_type (repeatable).") var docType: [String] = []
    @Option(help: "Only this area (repeatable).") var area: [String] = []
    @Option(help: "From date YYYY[-MM[-DD]].") var from: String?
    @Option(help: "To date YYYY[-MM[-DD]].") var to: String?
    @Option(help: "Hits per page.") var limit: Int = 10
    @Option(help: "Hits to skip.") var offset: Int = 0
    @Option(help: "relevance or date.") var sort: String = "relevance"
    @Flag(help: "Show personnummer unmasked (for roles allowed to see them).") var showPersonnummer = false
    @Flag(help: "Count facets over every match (by default, beyond --facet-sample matches they are estimates).") var exactFacets = false
    @Option(help: "Matches counted exactly for facets before counts become estimates.") var facetSample = Searcher.facetSample

    func validate() throws {
        if limit < 0 || offset < 0 { throw ValidationError("--limit and --offset must not be negative") }
        if SearchRequest.Sort(rawValue: sort) == nil { throw ValidationError("--sort must be relevance or date") }
    }

    func run() throws {
        var request = SearchRequest(query: query.joined(separator: " "))
        request.municipality = municipality
        request.brist = brist
        request.docType = docType
        request.area = area
        request.from = from
        request.to = to
        request.limit = limit
        request.offset = offset
        request.sort = SearchRequest.Sort(rawValue: sort) ?? .relevance
        request.showPersonnummer = showPersonnummer
        request.exactFacets = exactFacets
        request.facetSample = facetSample
        let domain = try? DomainData.forCommand(explicit: nil)
        // The tagger (slow to build) only when a legal reference must be normalised.
        let normaliser: (String) -> String? = { text in domain.map { Tagger(domain: $0.0) }?.normaliseLegalReference(text) }
        let synonyms = domain.map { SynonymExpansion(synonyms: $0.0.synonyms, inflections: $0.1) } ?? .none
        let searcher = try Searcher(reader: try openReader(indexOptions.index), synonyms: synonyms, legalReference: normaliser)
        let response: SearchResponse
        do { response = try searcher.search(request) } catch let error as SearchError {
            throw CommandFailure(message: error.description, status: 2)
        }
        if json {
            writeStdout(try jsonString(response) + "\n")
            return
        }
        writeStdout("\(response.total) träffar\n")
        if let suggestion = response.suggestion { writeStdout("Menade du: \(suggestion)\n") }
        for (n, hit) in response.hits.enumerated() {
            let r = hit.record
            let facts = [r.docType, r.municipality, r.date].compactMap { $0 }.joined(separator: " · ")
            writeStdout("\n\(request.offset + n + 1). \(r.title)  [\(facts)]\n   \(r.path)\n   id \(r.id.prefix(12))  score \(String(format: "%.2f", hit.score))\n")
            writeStdout("   " + TerminalHighlight.render(hit.snippet) + "\n")
        }
        for name in ["municipality", "brist", "doc_type", "year"] {
            guard let counts = response.facets[name], !counts.isEmpty else { continue }
            let top = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(8)
            writeStdout("\n\(name): " + top.map { "\($0.key) (\($0.value))" }.joined(separator: ", "))
        }
        writeStdout("\n")
    }
}

func openReader(_ path: String) throws -> ArchiveReader {
    do { return try ArchiveReader(indexPath: path) } catch {
        throw CommandFailure(message: "cannot open index \(path): \(error)", status: 1)
    }
}

/// Renders Xapian's HTML snippet for a terminal: <mark> as bold, entities decoded.
enum TerminalHighlight {
    static func render(_ html: String) -> String {
        let bold = isatty(1) == 1
        return html
            .replacingOccurrences(of: "<mark>", with: bold ? "\u{1B}[1m" : "[")
            .replacingOccurrences(of: "</mark>", with: bold ? "\u{1B}[0m" : "]")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
            .replacingOccurrences(of: "\n", with: " ")
    }
}
