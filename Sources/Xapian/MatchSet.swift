import CXapian

/// One page of ranked results (Xapian's MSet).
public final class MatchSet {
    let handle: OpaquePointer
    init(handle: OpaquePointer) { self.handle = handle }
    deinit { cx_mset_free(handle) }

    public var count: Int { Int(cx_mset_size(handle)) }
    /// Xapian's estimate of all matches (exact when `checkAtLeast` covered them).
    public var estimatedTotal: Int { Int(cx_mset_matches_estimated(handle)) }
    public var lowerBound: Int { Int(cx_mset_matches_lower_bound(handle)) }
    public var upperBound: Int { Int(cx_mset_matches_upper_bound(handle)) }

    public func documentID(at index: Int) -> UInt32 { cx_mset_docid(handle, UInt32(index)) }
    public func weight(at index: Int) -> Double { cx_mset_weight(handle, UInt32(index)) }

    /// The bytes hit `index` was sorted by (its value in the sort slot); empty under relevance.
    public func sortKey(at index: Int) -> [UInt8] {
        var length = 0
        guard let p = cx_mset_sort_key(handle, UInt32(index), &length) else { return [] }
        defer { cx_string_free(p) }
        return Array(UnsafeRawBufferPointer(start: p, count: length))
    }

    /// How many documents hold `term`, a term of the query: gathered by the match itself, so
    /// over shards it costs nothing more.
    public func termFrequency(_ term: String) throws(XapianError) -> Int {
        let n = try withErrorSlot("term frequency") { err in term.withCString { cx_mset_termfreq(handle, $0, term.utf8.count, err) } }
        return Int(n)
    }

    /// Reads every hit's document ahead of `document(at:)`: a remote shard is sent all the
    /// requests before any answer is read, one exchange instead of a round trip per hit.
    /// Locally it costs nothing extra.
    public func fetchDocuments() throws(XapianError) {
        _ = try withErrorSlot("reading \(count) hits") { cx_mset_fetch(handle, $0) }
    }

    public func document(at index: Int) throws(XapianError) -> Document {
        let h = try withErrorSlot("reading hit \(index)") { cx_mset_document(handle, UInt32(index), $0) }
        return Document(handle: h!)
    }

    public struct SnippetOptions: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        public static let backgroundModel = SnippetOptions(rawValue: 1)
        public static let exhaustive = SnippetOptions(rawValue: 2)
        public static let emptyWithoutMatch = SnippetOptions(rawValue: 4)
    }

    /// A passage of `text` of about `length` bytes around the query's matches, with matched
    /// words wrapped in `highlight`. Xapian escapes HTML in the text.
    public func snippet(of text: String, length: Int = 300, language: String? = "swedish",
                        highlight: (start: String, end: String) = ("<mark>", "</mark>"),
                        omit: String = "…", options: SnippetOptions = [.exhaustive]) throws(XapianError) -> String {
        let p = try withErrorSlot("making a snippet") {
            cx_mset_snippet(handle, text, length, language ?? "none", highlight.start, highlight.end, omit, options.rawValue, $0)
        }
        return takeString(p)
    }
}
