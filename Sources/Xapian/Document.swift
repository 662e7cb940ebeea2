import CXapian

/// A Xapian document: opaque data (our JSON record), terms and values.
public final class Document {
    let handle: OpaquePointer

    init(handle: OpaquePointer) { self.handle = handle }

    public init() { handle = cx_document_new()! }

    deinit { cx_document_free(handle) }

    /// The database's id for this document (0 for one not read from a database).
    public var id: UInt32 { cx_document_docid(handle) }

    public func data() throws(XapianError) -> [UInt8] {
        var length = 0
        let p = try withErrorSlot("reading document data") { cx_document_get_data(handle, &length, $0) }
        return takeBytes(p, length: length)
    }

    public func setData(_ bytes: [UInt8]) throws(XapianError) {
        _ = try withErrorSlot("setting document data") { err in
            withCBytes(bytes) { cx_document_set_data(handle, $0, $1, err) }
        }
    }

    /// A term that affects ranking (wdf += `wdfIncrement`).
    public func addTerm(_ term: String, wdfIncrement: Int = 1) throws(XapianError) {
        _ = try withErrorSlot("adding term \(term)") { cx_document_add_term(handle, term, UInt32(wdfIncrement), $0) }
    }

    /// A filter term: no effect on ranking (wdf 0), used for ids and facts.
    public func addBooleanTerm(_ term: String) throws(XapianError) {
        _ = try withErrorSlot("adding boolean term \(term)") { cx_document_add_boolean_term(handle, term, $0) }
    }

    public func addPosting(_ term: String, position: Int, wdfIncrement: Int = 1) throws(XapianError) {
        _ = try withErrorSlot("adding posting \(term)") {
            cx_document_add_posting(handle, term, UInt32(position), UInt32(wdfIncrement), $0)
        }
    }

    /// Stores `value` in `slot` (for sorting, ranges and facet counts).
    public func setValue(_ value: String, slot: Int) throws(XapianError) {
        _ = try withErrorSlot("setting value slot \(slot)") { err in
            withCBytes(Array(value.utf8)) { cx_document_add_value(handle, UInt32(slot), $0, $1, err) }
        }
    }

    public func value(slot: Int) throws(XapianError) -> String {
        var length = 0
        let p = try withErrorSlot("reading value slot \(slot)") { cx_document_get_value(handle, UInt32(slot), &length, $0) }
        return takeString(p, length: length)
    }

    /// The words this document adds to the spelling dictionary (what Xapian's own spelling
    /// option adds while indexing: every unprefixed term's wdf), less their wdf under
    /// `titlePrefix`, counted in C++ so no term becomes a Swift string.
    public func spellingCounts(subtractingPrefix titlePrefix: String) throws(XapianError) -> SpellingCounts {
        var length = 0
        let p = try withErrorSlot("counting spellings") { cx_document_spelling_counts(handle, titlePrefix, &length, $0) }
        return SpellingCounts(packed: takeBytes(p, length: length))
    }

    /// The document's terms with their within-document frequency.
    public func terms() throws(XapianError) -> [(term: String, wdf: Int)] {
        var out: [(String, Int)] = []
        let collect: ((String, UInt32)) -> Bool = { out.append(($0.0, Int($0.1))); return true }
        _ = try withCallback(collect) { (ctx) throws(XapianError) in
            try withErrorSlot("listing document terms") { cx_document_terms(handle, termCallback, ctx, $0) }
        }
        return out
    }
}

/// Words and counts for a database's spelling dictionary, opaque until added with
/// `WritableDatabase.addSpellings(_:)`.
public struct SpellingCounts: Sendable {
    let packed: [UInt8]

    /// The words and counts, for inspection (tests, tools).
    public var entries: [(word: String, count: Int)] {
        var out: [(String, Int)] = []
        var i = 0
        while i < packed.count, let end = packed[i...].firstIndex(of: 0), end + 4 < packed.count {
            let word = String(decoding: packed[i..<end], as: UTF8.self)
            var count = 0
            for k in 0..<4 { count |= Int(packed[end + 1 + k]) << (8 * k) }
            out.append((word, count))
            i = end + 5
        }
        return out
    }
}
