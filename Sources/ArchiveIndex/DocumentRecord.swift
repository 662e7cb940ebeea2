import Extraction
import Foundation
import Tagging

/// The CONTRACT.md document record: what `export` prints and what every hit carries.
public struct DocumentRecord: Codable, Sendable, Equatable {
    public var id: String
    public var path: String
    /// Every path these bytes were imported from; `path` is the first.
    public var paths: [String]
    public var title: String
    public var docType: String
    public var municipality: String?
    public var municipalities: [String]
    public var diarienummer: [Diarienummer]
    public var date: String?
    public var dates: [String]
    public var area: String?
    public var brister: [String]
    public var measures: [Measure]
    public var legalRefs: [String]
    public var pages: Int
    public var extraction: String
    public var bytes: Int

    enum CodingKeys: String, CodingKey {
        case id, path, paths, title, municipality, municipalities, diarienummer, date, dates, area
        case brister, measures, pages, extraction, bytes
        case docType = "doc_type"
        case legalRefs = "legal_refs"
    }

    public init(id: String, path: String, facts: DocumentFacts, text: ExtractedText, bytes: Int) {
        self.id = id
        self.path = path
        self.paths = [path]
        self.title = facts.title
        self.docType = facts.docType
        self.municipality = facts.municipality
        self.municipalities = facts.municipalities
        self.diarienummer = facts.diarienummer
        self.date = facts.date
        self.dates = facts.dates
        self.area = facts.area
        self.brister = facts.brister
        self.measures = facts.measures
        self.legalRefs = facts.legalRefs
        self.pages = text.pages.count
        self.extraction = text.method.rawValue
        self.bytes = bytes
    }

    /// Encodes `municipality`/`date`/`area` as null rather than leaving them out (CONTRACT).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(path, forKey: .path)
        try c.encode(paths, forKey: .paths)
        try c.encode(title, forKey: .title)
        try c.encode(docType, forKey: .docType)
        try c.encode(municipality, forKey: .municipality)
        try c.encode(municipalities, forKey: .municipalities)
        try c.encode(diarienummer, forKey: .diarienummer)
        try c.encode(date, forKey: .date)
        try c.encode(dates, forKey: .dates)
        try c.encode(area, forKey: .area)
        try c.encode(brister, forKey: .brister)
        try c.encode(measures, forKey: .measures)
        try c.encode(legalRefs, forKey: .legalRefs)
        try c.encode(pages, forKey: .pages)
        try c.encode(extraction, forKey: .extraction)
        try c.encode(bytes, forKey: .bytes)
    }
}

/// What one Xapian document stores as data: the record, the evidence and the text (for snippets
/// and `show`), separated so export can decode the record alone.
public struct StoredDocument: Sendable {
    public var record: DocumentRecord
    public var evidence: [Evidence]
    public var pages: [String]

    public init(record: DocumentRecord, evidence: [Evidence], pages: [String]) {
        self.record = record
        self.evidence = evidence
        self.pages = pages
    }

    /// Page separator inside stored text (form feed, as pdftotext uses).
    public static let pageSeparator = "\u{0C}"

    private struct Header: Codable {
        var record: DocumentRecord
        var evidence: [Evidence]
    }

    /// JSON header, a NUL byte, then the pages joined by form feeds.
    public func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes = [UInt8](try encoder.encode(Header(record: record, evidence: evidence)))
        bytes.append(0)
        bytes.append(contentsOf: pages.joined(separator: Self.pageSeparator).utf8)
        return bytes
    }

    private struct RecordOnly: Decodable {
        var record: DocumentRecord
    }

    /// The record alone (no evidence, no text).
    public static func decodeRecord(_ bytes: [UInt8]) throws -> DocumentRecord {
        let split = bytes.firstIndex(of: 0) ?? bytes.endIndex
        return try JSONDecoder().decode(RecordOnly.self, from: Data(bytes[..<split])).record
    }

    /// What a search hit needs: the record and the start of the text (pages joined by line
    /// breaks, at most `textBytes` bytes). Skips building the evidence and splitting pages,
    /// which were a third of a search answer's time.
    public static func decodeForHit(_ bytes: [UInt8], textBytes: Int) throws -> (record: DocumentRecord, text: String) {
        let record = try decodeRecord(bytes)
        guard let split = bytes.firstIndex(of: 0) else { return (record, "") }
        let end = min(bytes.endIndex, split + 1 + textBytes)
        let text = bytes[(split + 1)..<end].map { $0 == 0x0C ? 0x0A : $0 }
        return (record, String(decoding: text, as: UTF8.self))  // a cut character becomes U+FFFD
    }

    public static func decode(_ bytes: [UInt8], withText: Bool = true) throws -> StoredDocument {
        let split = bytes.firstIndex(of: 0) ?? bytes.endIndex
        let header = try JSONDecoder().decode(Header.self, from: Data(bytes[..<split]))
        var pages: [String] = []
        if withText, split < bytes.endIndex {
            pages = String(decoding: bytes[(split + 1)...], as: UTF8.self)
                .components(separatedBy: pageSeparator)
        }
        return StoredDocument(record: header.record, evidence: header.evidence, pages: pages)
    }
}
