import ArchiveIndex
import Xapian

extension Searcher {
    /// The pages of document `id` as HTML: escaped by Xapian, with the words that match `query`
    /// (stemmed, synonyms, phrases, as `search` understands it) wrapped in `<mark>`. `nil` when
    /// the document does not match the query, so the caller shows its plain text.
    public func highlight(pages: [String], ofDocument id: String, query text: String) throws -> [String]? {
        let query = try self.query(for: text).filtered(by: Query(term: Schema.Prefix.id + id))
        let enquire = try Enquire(database: reader.database)
        enquire.setQuery(query)
        let matches = try enquire.matches(limit: 1)
        guard matches.count > 0 else { return nil }
        // A snippet as long as the page is the whole page, highlighted.
        return try pages.map { try matches.snippet(of: $0, length: $0.utf8.count + 16, omit: "") }
    }
}
