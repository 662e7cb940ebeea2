import Extraction
import Foundation
import Tagging

/// What the import needs of one file: its text and its facts. Computed in the isolated worker
/// processes, in parallel, so a pathological file (in poppler or in the tagging rules) is
/// bounded by the per-file time limit, and the single writer only writes.
public struct ProcessedFile: Codable, Sendable {
    public var text: ExtractedText
    public var facts: DocumentFacts
}

public struct FileProcessor: Sendable {
    /// Facts are read from the first this-many characters; the full text is indexed. IVO and
    /// municipal documents are far shorter; a 20 MB one-line dump must not stall the import.
    public static let taggedCharacters = 1_000_000

    let tagger: Tagger

    public init(tagger: Tagger) { self.tagger = tagger }

    public func process(path: String) throws(ExtractionError) -> ProcessedFile {
        let text = try Extractor.extract(path: path)
        var budget = Self.taggedCharacters
        var pages: [String] = []
        for page in text.pages where budget > 0 {
            pages.append(page.count <= budget ? page : String(page.prefix(budget)))
            budget -= page.count
        }
        let facts = tagger.tag(TaggingInput(pages: pages, metadataTitle: text.title, metadataDate: text.creationDate,
                                            fileName: (path as NSString).lastPathComponent))
        return ProcessedFile(text: text, facts: facts)
    }
}
