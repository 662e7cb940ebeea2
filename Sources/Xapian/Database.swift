import CXapian
import Foundation

/// A Xapian database opened for reading: one local index, a stub file listing shards, a remote
/// `xapian-tcpsrv`, or several of these combined with `add(_:)` and searched as one.
///
/// Not thread-safe (neither is Xapian's); open one per thread.
public class Database {
    let handle: OpaquePointer
    /// What was opened, for error messages.
    public let location: String
    /// Whether some shard is served by `xapian-tcpsrv`: then every per-term question is a
    /// round trip, and batching them pays; locally, asking term by term is cheaper.
    public private(set) var hasRemoteShards = false

    init(handle: OpaquePointer, location: String) {
        self.handle = handle
        self.location = location
    }

    deinit { cx_database_free(handle) }

    /// Opens the database (or stub database file) at `path` read-only.
    public convenience init(path: String) throws(XapianError) {
        let h = try withErrorSlot("opening \(path)") { cx_database_open(path, $0) }
        self.init(handle: h!, location: path)
        hasRemoteShards = Self.stubListsRemote(path)
    }

    /// Whether the stub database file at `path` (or `path`/XAPIANDB) names a remote database.
    static func stubListsRemote(_ path: String) -> Bool {
        for candidate in [path, path + "/XAPIANDB"] {
            guard let file = fopen(candidate, "r") else { continue }
            defer { fclose(file) }
            var line = [CChar](repeating: 0, count: 4096)
            while fgets(&line, Int32(line.count), file) != nil {
                if String(cString: line).drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("remote") { return true }
            }
        }
        return false
    }

    /// Opens a database served by `xapian-tcpsrv` at host:port; `timeout` in milliseconds bounds
    /// connecting and every read, so a shard that is down fails instead of hanging.
    public convenience init(remoteHost host: String, port: Int, timeoutMilliseconds timeout: Int = 10_000) throws(XapianError) {
        let h = try withErrorSlot("connecting to \(host):\(port)") {
            cx_database_open_remote(host, UInt32(port), UInt32(timeout), $0)
        }
        self.init(handle: h!, location: "\(host):\(port)")
        hasRemoteShards = true
    }

    /// Several databases searched as one (Xapian's multi-database). Document ids interleave.
    public convenience init(combining shards: [Database]) throws(XapianError) {
        self.init(handle: cx_database_new_empty()!, location: shards.map(\.location).joined(separator: "+"))
        for shard in shards { try add(shard) }
    }

    /// Adds the shards of `other` to this database.
    public func add(_ other: Database) throws(XapianError) {
        _ = try withErrorSlot("adding \(other.location) to \(location)") { cx_database_add(handle, other.handle, $0) }
        if other.hasRemoteShards { hasRemoteShards = true }
    }

    /// Moves to the latest committed revision; true if it changed.
    @discardableResult
    public func reopen() throws(XapianError) -> Bool {
        try withErrorSlot("reopening \(location)") { cx_database_reopen(handle, $0) } == 1
    }

    public func documentCount() throws(XapianError) -> Int {
        Int(try withErrorSlot("counting documents in \(location)") { cx_database_doccount(handle, $0) })
    }

    public func lastDocumentID() throws(XapianError) -> UInt32 {
        try withErrorSlot("reading last docid of \(location)") { cx_database_lastdocid(handle, $0) }
    }

    /// Sum of all documents' lengths (in terms).
    public func totalLength() throws(XapianError) -> UInt64 {
        try withErrorSlot("reading total length of \(location)") { cx_database_total_length(handle, $0) }
    }

    /// How many databases this one searches as one: its shards (1 for a single index).
    public var shardCount: Int { Int(cx_database_shard_count(handle)) }

    /// The UUID of each shard, in order; empty if some shard has none.
    public func shardUUIDs() throws(XapianError) -> [String] {
        let p = try withErrorSlot("reading the UUIDs of \(location)") { cx_database_uuid(handle, $0) }
        return takeString(p).split(separator: ":").map(String.init)
    }

    public func termExists(_ term: String) throws(XapianError) -> Bool {
        try withErrorSlot("looking up term \(term) in \(location)") { cx_database_term_exists(handle, term, $0) } == 1
    }

    /// How often `term` occurs in all documents together (the sum of its wdf).
    public func collectionFrequency(_ term: String) throws(XapianError) -> Int {
        Int(try withErrorSlot("collection frequency of \(term)") { cx_database_collection_freq(handle, term, $0) })
    }

    public func termFrequency(_ term: String) throws(XapianError) -> Int {
        Int(try withErrorSlot("term frequency of \(term)") { cx_database_termfreq(handle, term, $0) })
    }

    /// The first document indexed by `term` (e.g. a unique id term), if any.
    public func documentID(forTerm term: String) throws(XapianError) -> UInt32? {
        let id = try withErrorSlot("looking up \(term) in \(location)") { cx_database_first_posting(handle, term, $0) }
        return id == 0 ? nil : id
    }

    public func document(_ id: UInt32) throws(XapianError) -> Document {
        let h = try withErrorSlot("reading document \(id) from \(location)") { cx_database_get_document(handle, id, $0) }
        return Document(handle: h!)
    }

    /// Every term starting with `prefix` with its document frequency; return false to stop.
    public func forEachTerm(prefix: String = "", _ body: (String, Int) -> Bool) throws(XapianError) {
        let adapted: ((String, UInt32)) -> Bool = { body($0.0, Int($0.1)) }
        _ = try withCallback(adapted) { (ctx) throws(XapianError) in
            try withErrorSlot("listing terms \(prefix)* in \(location)") {
                cx_database_allterms(handle, prefix, termCallback, ctx, $0)
            }
        }
    }

    /// The terms starting with `prefix`, with their frequencies.
    public func terms(prefix: String) throws(XapianError) -> [(term: String, frequency: Int)] {
        var out: [(String, Int)] = []
        try forEachTerm(prefix: prefix) { out.append(($0, $1)); return true }
        return out
    }

    /// Documents indexed by `term`; return false to stop.
    public func forEachPosting(_ term: String, _ body: (UInt32) -> Bool) throws(XapianError) {
        _ = try withCallback(body) { (ctx) throws(XapianError) in
            try withErrorSlot("listing postings of \(term)") { cx_database_postings(handle, term, docidCallback, ctx, $0) }
        }
    }

    /// Every document id; return false to stop.
    public func forEachDocumentID(_ body: (UInt32) -> Bool) throws(XapianError) {
        try forEachPosting("", body)
    }

    /// User metadata stored under `key`; "" when missing.
    public func metadata(_ key: String) throws(XapianError) -> String {
        var length = 0
        let p = try withErrorSlot("reading metadata \(key)") { cx_database_get_metadata(handle, key, &length, $0) }
        return takeString(p, length: length)
    }

    public func synonyms(of term: String) throws(XapianError) -> [String] {
        var out: [String] = []
        let collect: ((String, UInt32)) -> Bool = { out.append($0.0); return true }
        _ = try withCallback(collect) { (ctx) throws(XapianError) in
            try withErrorSlot("reading synonyms of \(term)") { cx_database_synonyms(handle, term, termCallback, ctx, $0) }
        }
        return out
    }

    /// The spelling dictionary: word → frequency (how often indexing added it).
    public func spellings() throws(XapianError) -> [String: Int] {
        var out: [String: Int] = [:]
        let collect: ((String, UInt32)) -> Bool = { out[$0.0] = Int($0.1); return true }
        _ = try withCallback(collect) { (ctx) throws(XapianError) in
            try withErrorSlot("reading the spelling dictionary") { cx_database_spellings(handle, termCallback, ctx, $0) }
        }
        return out
    }

    /// A spelling correction for one word from the index's spelling data, or nil.
    public func spellingSuggestion(for word: String, maxEditDistance: Int = 2) throws(XapianError) -> String? {
        let p = try withErrorSlot("spelling suggestion for \(word)") {
            cx_database_spelling_suggestion(handle, word, UInt32(maxEditDistance), $0)
        }
        let s = takeString(p)
        return s.isEmpty ? nil : s
    }

    /// Closes the database now (a writer releases its lock); later calls throw.
    public func close() throws(XapianError) {
        _ = try withErrorSlot("closing \(location)") { cx_database_close(handle, $0) }
    }
}

/// A database open for writing. Xapian allows one writer per database (a lock file); a second
/// opener gets `XapianError.isLockError`.
public final class WritableDatabase: Database {
    /// Opens the database at `path`, creating it if needed.
    public init(path: String) throws(XapianError) {
        let h = try withErrorSlot("opening \(path) for writing") { cx_database_open_writable(path, $0) }
        super.init(handle: h!, location: path)
    }

    /// Adds or replaces the document indexed by `uniqueTerm` (idempotent import, as omindex does).
    @discardableResult
    public func replaceDocument(uniqueTerm: String, with document: Document) throws(XapianError) -> UInt32 {
        try withErrorSlot("replacing document \(uniqueTerm) in \(location)") {
            cx_database_replace_by_term(handle, uniqueTerm, document.handle, $0)
        }
    }

    @discardableResult
    public func addDocument(_ document: Document) throws(XapianError) -> UInt32 {
        try withErrorSlot("adding a document to \(location)") { cx_database_add_document(handle, document.handle, $0) }
    }

    /// Puts `document` at `id`: replaces the document there, or adds it with that id.
    public func replaceDocument(id: UInt32, with document: Document) throws(XapianError) {
        _ = try withErrorSlot("writing document \(id) in \(location)") { cx_database_replace_document(handle, id, document.handle, $0) }
    }

    public func deleteDocuments(term: String) throws(XapianError) {
        _ = try withErrorSlot("deleting \(term) from \(location)") { cx_database_delete_by_term(handle, term, $0) }
    }

    /// Makes changes durable and visible to readers, atomically.
    public func commit() throws(XapianError) {
        _ = try withErrorSlot("committing \(location)") { cx_database_commit(handle, $0) }
    }

    public func beginTransaction(flushed: Bool = true) throws(XapianError) {
        _ = try withErrorSlot("beginning a transaction on \(location)") { cx_database_begin_transaction(handle, flushed ? 1 : 0, $0) }
    }

    public func commitTransaction() throws(XapianError) {
        _ = try withErrorSlot("committing a transaction on \(location)") { cx_database_commit_transaction(handle, $0) }
    }

    public func cancelTransaction() throws(XapianError) {
        _ = try withErrorSlot("cancelling a transaction on \(location)") { cx_database_cancel_transaction(handle, $0) }
    }

    public func setMetadata(_ key: String, _ value: String) throws(XapianError) {
        _ = try withErrorSlot("writing metadata \(key)") { err in
            withCBytes(Array(value.utf8)) { cx_database_set_metadata(handle, key, $0, $1, err) }
        }
    }

    public func addSpelling(_ word: String, frequencyIncrement: Int = 1) throws(XapianError) {
        _ = try withErrorSlot("adding spelling \(word)") { cx_database_add_spelling(handle, word, UInt32(frequencyIncrement), $0) }
    }

    /// Adds a document's spelling counts (see `Document.spellingCounts(subtractingPrefix:)`).
    public func addSpellings(_ counts: SpellingCounts) throws(XapianError) {
        _ = try withErrorSlot("adding spellings") { error in
            counts.packed.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { cx_database_add_spelling_counts(handle, $0.baseAddress, $0.count, error) }
            }
        }
    }

    public func addSynonym(_ term: String, _ synonym: String) throws(XapianError) {
        _ = try withErrorSlot("adding synonym \(term) -> \(synonym)") { cx_database_add_synonym(handle, term, synonym, $0) }
    }

    public func clearSynonyms(_ term: String) throws(XapianError) {
        _ = try withErrorSlot("clearing synonyms of \(term)") { cx_database_clear_synonyms(handle, term, $0) }
    }
}
