import ArchiveIndex
import ArgumentParser
import Foundation
import Search
import Tagging

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print every document's record, one JSON object per line (no text).")

    @OptionGroup var indexOptions: IndexOptions

    @Option(help: "Output format: jsonl.") var format: String = "jsonl"

    func validate() throws {
        if format != "jsonl" { throw ValidationError("--format must be jsonl") }
    }

    func run() throws {
        let reader = try openReader(indexOptions.index)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var buffer = Data()
        try reader.forEachRecord { record in
            buffer.append(try encoder.encode(record))
            buffer.append(0x0A)
            if buffer.count > 1 << 16 { FileHandle.standardOutput.write(buffer); buffer.removeAll(keepingCapacity: true) }
        }
        FileHandle.standardOutput.write(buffer)
    }
}

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show one document's facts with the text each came from, and its page.")

    @OptionGroup var indexOptions: IndexOptions
    @Argument(help: "The document id (or a unique prefix of at least 8 characters).") var id: String
    @Flag(help: "JSON: the record, the evidence and the text.") var json = false
    @Flag(help: "Print the text too.") var text = false
    @Flag(help: "Show personnummer unmasked.") var showPersonnummer = false

    struct Shown: Encodable {
        var record: DocumentRecord
        var evidence: [Evidence]
        var pages: [String]
    }

    func run() throws {
        let reader = try openReader(indexOptions.index)
        guard let stored = try reader.document(id: id) else {
            throw CommandFailure(message: "no document with id \(id)", status: 1)
        }
        let reveal = showPersonnummer
        func mask(_ text: String) -> String { reveal ? text : PersonnummerMask.mask(text) }
        let pages = stored.pages.map(mask)
        let evidence = stored.evidence.map { e in Evidence(field: e.field, value: e.value, excerpt: mask(e.excerpt), page: e.page) }
        if json {
            writeStdout(try jsonString(Shown(record: stored.record, evidence: evidence, pages: pages)) + "\n")
            return
        }
        let r = stored.record
        writeStdout("\(r.title)\nid \(r.id)\n\(r.paths.joined(separator: "\n"))\n\(r.pages) sidor, \(r.extraction)\n\n")
        let byField = Dictionary(grouping: evidence, by: \.field)
        for field in byField.keys.sorted() {
            writeStdout("\(field):\n")
            for e in byField[field]! {
                let page = e.page.map { "s. \($0)" } ?? ""
                writeStdout("  \(e.value)  \(page)\n      «\(e.excerpt.replacingOccurrences(of: "\n", with: " "))»\n")
            }
        }
        if !r.measures.isEmpty {
            writeStdout("measures:\n")
            for m in r.measures {
                writeStdout("  - \(m.text) [\(m.categories.joined(separator: ", "))] \(m.status?.rawValue ?? "")\(m.page.map { " s. \($0)" } ?? "")\n")
            }
        }
        if text {
            for (n, page) in pages.enumerated() { writeStdout("\n--- sida \(n + 1) ---\n\(page)\n") }
        }
    }
}
