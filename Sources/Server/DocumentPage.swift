import ArchiveIndex
import Foundation
import Search
import Tagging

/// The Dokument page: the facts, each with the text it came from and its page; the text with
/// the query's words highlighted; the original; the case thread; similar cases and why.
struct DocumentPage {
    struct Fact { var label: String; var value: String }
    struct Source { var field: String; var value: String; var excerpt: String; var page: Int?; var pageURL: String? }
    struct Measure { var text: String; var categories: String; var status: String?; var page: Int? }
    struct Page { var number: Int; var anchor: String; var textHTML: String }
    struct Related { var title: String; var url: String; var meta: String; var current: Bool; var reasons: [String] }

    var layout: Layout
    var id: String
    var title: String
    var q: String
    var facts: [Fact]
    var sources: [Source]
    var measures: [Measure]
    var hasMeasures: Bool
    var pages: [Page]
    var highlighted: Bool
    var originalURL: String
    var hasOriginal: Bool
    var thread: [Related]
    var hasThread: Bool
    var threadNumbers: String
    var similar: [Related]

    /// Everything the page shows, read in one go on the reader's thread.
    struct Data: Sendable {
        var stored: StoredDocument
        var highlightedPages: [String]?
        var thread: CaseThread?
        var similar: [SimilarCases.Hit]
    }

    init(layout: Layout, data: Data, q: String, hasOriginal: Bool, labels: Labels) {
        let r = data.stored.record
        self.layout = layout
        id = r.id
        title = r.title.isEmpty ? (r.path as NSString).lastPathComponent : r.title
        self.q = q
        originalURL = "/api/documents/\(r.id)/original"
        self.hasOriginal = hasOriginal
        var facts = [Fact(label: "Dokumenttyp", value: labels.docType(r.docType))]
        if let m = r.municipality { facts.append(Fact(label: "Kommun", value: m)) }
        if let d = r.date { facts.append(Fact(label: "Datum", value: SwedishDate.format(d))) }
        if !r.diarienummer.isEmpty { facts.append(Fact(label: "Diarienummer", value: r.diarienummer.map(\.value).joined(separator: ", "))) }
        if let a = r.area { facts.append(Fact(label: "Område", value: labels.area(a))) }
        if !r.brister.isEmpty { facts.append(Fact(label: "Brister", value: r.brister.map(labels.brist).joined(separator: "; "))) }
        if !r.legalRefs.isEmpty { facts.append(Fact(label: "Lagrum", value: r.legalRefs.joined(separator: ", "))) }
        if r.municipalities.count > 1 { facts.append(Fact(label: "Nämnda kommuner", value: r.municipalities.joined(separator: ", "))) }
        facts.append(Fact(label: "Sidor", value: "\(r.pages) (\(r.extraction == "ocr" ? "OCR" : r.extraction == "mixed" ? "delvis OCR" : "text"))"))
        facts.append(Fact(label: "Fil", value: r.paths.joined(separator: "\n")))
        self.facts = facts
        let isPDF = r.path.lowercased().hasSuffix(".pdf")
        sources = data.stored.evidence.map { e in
            Source(field: Labels.fields[e.field] ?? e.field, value: labels.fieldValue(e.field, e.value), excerpt: e.excerpt, page: e.page,
                   pageURL: e.page.map { isPDF ? "/api/documents/\(r.id)/original#page=\($0)" : "#sida-\($0)" })
        }
        measures = r.measures.map { m in
            Measure(text: m.text, categories: m.categories.map(labels.measure).joined(separator: ", "),
                    status: m.status.flatMap { Labels.status[$0.rawValue] }, page: m.page)
        }
        hasMeasures = !measures.isEmpty
        highlighted = data.highlightedPages != nil
        let html = data.highlightedPages ?? data.stored.pages.map(HTML.escape)
        pages = html.enumerated().map { Page(number: $0.offset + 1, anchor: "sida-\($0.offset + 1)", textHTML: $0.element) }
        let numbers = data.thread?.diarienummer ?? []
        threadNumbers = numbers.joined(separator: " / ")
        thread = (data.thread?.documents ?? []).map { d in
            Related(title: d.title, url: "/dokument/\(d.id)", meta: Self.meta(d, labels), current: d.id == r.id, reasons: [])
        }
        hasThread = thread.count >= 2
        similar = data.similar.map { hit in
            Related(title: hit.record.title, url: "/dokument/\(hit.record.id)", meta: Self.meta(hit.record, labels), current: false,
                    reasons: hit.reasons.map(labels.reason))
        }
    }

    static func meta(_ r: DocumentRecord, _ labels: Labels) -> String {
        [labels.docType(r.docType), r.municipality, r.date.map { SwedishDate.format($0) }].compactMap { $0 }.joined(separator: " · ")
    }
}

enum HTML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
