/// The text of one file as extraction delivers it to tagging and indexing.
public struct ExtractedText: Codable, Sendable, Equatable {
    public enum Method: String, Codable, Sendable {
        /// A PDF's text layer.
        case text
        /// OCR of page images.
        case ocr
        /// Some pages from the text layer, some by OCR.
        case mixed
        /// A plain text file.
        case plain
    }

    /// One string per page; a text file is one page.
    public var pages: [String]
    public var method: Method
    /// Title from the file's metadata (PDF Title), if any.
    public var title: String?
    /// Creation date from metadata as YYYY-MM-DD, if any.
    public var creationDate: String?
    /// For text files: the encoding detected ("utf-8", "utf-16le", "windows-1252", ...).
    public var encoding: String?

    public init(pages: [String], method: Method, title: String? = nil, creationDate: String? = nil, encoding: String? = nil) {
        self.pages = pages
        self.method = method
        self.title = title
        self.creationDate = creationDate
        self.encoding = encoding
    }

    /// All pages joined, separated by form feeds.
    public var fullText: String { pages.joined(separator: "\n\u{0C}\n") }
}

/// Why a file could not be extracted, in words a person understands.
public struct ExtractionError: Error, CustomStringConvertible, Sendable, Equatable {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
