import Xapian
import ArchiveIndex
import ArgumentParser
import Foundation
import Search
import Tagging

struct Similar: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Earlier cases most like a document, or like a pasted text, with the reasons.",
        discussion: "Documents of the same case thread (sharing a diarienummer) are left out: they are the case, not precedent.")

    @OptionGroup var indexOptions: IndexOptions
    @Argument(help: "The document id (or a unique prefix).") var id: String?
    @Option(help: "A pasted text (e.g. IVO's criticism) instead of an id; '-' reads stdin.") var text: String?
    @Option(help: "How many.") var limit: Int = 10
    @Flag(help: "JSON output as in CONTRACT.md.") var json = false
    @Option(help: "The domain data folder.") var domain: String?

    func validate() throws {
        if (id == nil) == (text == nil) { throw ValidationError("give a document id or --text, not both") }
    }

    struct Answer: Encodable { var hits: [SimilarCases.Hit] }

    func run() throws {
        let finder = SimilarCases(reader: try openReader(indexOptions.index))
        let hits: [SimilarCases.Hit]
        if let id {
            guard let found = try finder.similar(to: id, limit: limit) else {
                throw CommandFailure(message: "no document with id \(id)", status: 1)
            }
            hits = found
        } else {
            var pasted = text ?? ""
            if pasted == "-" { pasted = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) }
            let (domainData, _) = try DomainData.forCommand(explicit: domain)
            let facts = Tagger(domain: domainData).tag(TaggingInput(pages: [pasted]))
            let profile = SimilarCases.Profile(brister: facts.brister, legalRefs: facts.legalRefs, area: facts.area,
                                               docType: nil, diarienummer: facts.diarienummer.map(\.value))
            hits = try finder.similar(toText: pasted, profile: profile, limit: limit)
        }
        if json {
            writeStdout(try jsonString(Answer(hits: hits)) + "\n")
            return
        }
        for (n, hit) in hits.enumerated() {
            let r = hit.record
            writeStdout("\(n + 1). \(r.title)  [\([r.docType, r.municipality, r.date].compactMap { $0 }.joined(separator: " · "))]\n")
            writeStdout("   id \(r.id.prefix(12))  score \(String(format: "%.2f", hit.score))\n")
            for reason in hit.reasons { writeStdout("   – \(reason)\n") }
        }
    }
}

struct Measures: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measures that recur across municipalities, grouped, with their sources.")

    @OptionGroup var indexOptions: IndexOptions
    @Option(help: "Only measures taken against this brist category (e.g. kontroll_placering).") var brist: String?
    @Option(help: "Only measures in documents matching this query.") var query: String?
    @Option(help: "Only groups taken by at least this many kommuner.") var minMunicipalities: Int = 1
    @Option(help: "How many groups.") var limit: Int = 50
    @Option(help: "Example measures per group, one per kommun first (0: all). CSV lists all.") var examples: Int = 20
    @Flag(help: "JSON output as in CONTRACT.md.") var json = false
    @Option(help: "CSV for Excel (UTF-8 with BOM, semicolons): groups or matrix.") var csv: String?

    func validate() throws {
        if let csv, !["groups", "matrix"].contains(csv) { throw ValidationError("--csv must be groups or matrix") }
        if examples < 0 { throw ValidationError("--examples must be 0 (all) or more") }
    }

    func run() throws {
        let reader = try openReader(indexOptions.index)
        let measures = RecurringMeasures(reader: reader)
        var parsed: Xapian.Query? = nil
        if let query {
            let searcher = try Searcher(reader: reader)
            do { parsed = try searcher.measureQuery(for: query) } catch let e as SearchError { throw CommandFailure(message: e.description, status: 2) }
        }
        // As the web API: a common brist has thousands of measures, and a group's examples
        // list one per kommun before more of the same kommun.
        let perGroup = csv != nil || examples == 0 ? nil : examples
        var answer = try measures.groups(brist: brist, query: parsed, minimumMunicipalities: minMunicipalities, limit: limit,
                                         examplesPerGroup: perGroup)
        answer.query = query
        if let csv {
            writeStdout(csv == "matrix" ? answer.matrixCSV() : answer.csv())
        } else if json {
            writeStdout(try jsonString(answer) + "\n")
        } else {
            for (n, g) in answer.groups.enumerated() {
                writeStdout("\(n + 1). \(g.label)\n   \(g.municipalities.count) kommuner (\(g.municipalities.joined(separator: ", "))), \(g.count) åtgärder [\(g.categories.joined(separator: ", "))]\n")
                for e in g.examples.prefix(3) {
                    writeStdout("   – \(e.municipality ?? "?"): \(e.text) (\(e.status ?? "status okänd"); \(e.path)\(e.page.map { " s. \($0)" } ?? ""))\n")
                }
            }
        }
    }
}

struct Case: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "A case thread: the documents sharing a diarienummer, in date order.")

    @OptionGroup var indexOptions: IndexOptions
    @Argument(help: "A diarienummer, IVO's or the municipality's (with or without document suffix).") var dnr: String
    @Flag(help: "JSON output.") var json = false

    func run() throws {
        let thread = try CaseThread.find(dnr, in: try openReader(indexOptions.index))
        if thread.documents.isEmpty { throw CommandFailure(message: "no document carries diarienummer \(dnr)", status: 1) }
        if json {
            writeStdout(try jsonString(thread) + "\n")
            return
        }
        writeStdout("Ärende \(thread.diarienummer.joined(separator: " / "))\n")
        for r in thread.documents {
            writeStdout("  \(r.date ?? "????-??-??")  \(r.docType.padding(toLength: 18, withPad: " ", startingAt: 0)) \(r.municipality ?? "")  \(r.title)\n      \(r.path)\n")
        }
    }
}
