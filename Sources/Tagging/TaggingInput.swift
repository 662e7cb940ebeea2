/// The text of a document as the extractor delivers it: one string per page.
public struct TaggingInput: Sendable {
    public var pages: [String]
    /// Title from the file's metadata, if any (PDF Title); the tagger may find a better one.
    public var metadataTitle: String?
    /// Creation date from metadata, ISO `YYYY-MM-DD`, used only when the text gives no date.
    public var metadataDate: String?
    /// File name, a last resort for the title.
    public var fileName: String?
    public init(pages: [String], metadataTitle: String? = nil, metadataDate: String? = nil, fileName: String? = nil) {
        self.pages = pages
        self.metadataTitle = metadataTitle
        self.metadataDate = metadataDate
        self.fileName = fileName
    }
}
