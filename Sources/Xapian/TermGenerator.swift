import CXapian

/// Turns text into terms with positions (for phrase search) and stems, as Xapian's TermGenerator.
///
/// With the default strategy each word is indexed both exactly ("orosanmälan") and as a
/// Z-prefixed stem ("Zorosanmäl"), so exact and stemmed queries both work.
public final class TermGenerator {
    public enum StemmingStrategy: Int32 { case none = 0, some = 1, all = 2 }

    let handle: OpaquePointer
    private var database: WritableDatabase?

    /// `language` is a Snowball stemmer name such as "swedish"; nil for no stemming.
    public init(language: String?, strategy: StemmingStrategy = .some) throws(XapianError) {
        let lang = language ?? "none"
        handle = try withErrorSlot("creating a term generator for \(lang)") { cx_termgenerator_new(lang, $0) }!
        cx_termgenerator_set_stemming_strategy(handle, strategy.rawValue)
    }

    deinit { cx_termgenerator_free(handle) }

    /// Runs `body`, whose `index` calls add to `document` (from term position 0), then lets go
    /// of the document. Xapian counts a document's references without atomics, and the
    /// importer fills documents on one thread and adds them on another: a generator that still
    /// held the last one would change its count while the writer reads it.
    public func fill<T>(_ document: Document, _ body: () throws -> T) rethrows -> T {
        try withExtendedLifetime(document) {
            cx_termgenerator_set_document(handle, document.handle)
            defer { cx_termgenerator_release_document(handle) }
            return try body()
        }
    }

    /// Whether the generator still points at `document`: what `fill` promises not to do once
    /// it returns (checked by the tests).
    func holds(_ document: Document) -> Bool { cx_termgenerator_holds(handle, document.handle) != 0 }

    /// Records the words indexed from now on as spelling data of `database` ("menade du").
    public func enableSpelling(in database: WritableDatabase) throws(XapianError) {
        self.database = database
        _ = try withErrorSlot("enabling spelling data") { cx_termgenerator_set_database(handle, database.handle, $0) }
    }

    /// Indexes `text` with positions; `prefix` marks a field (e.g. "S" for titles).
    public func index(_ text: String, wdfIncrement: Int = 1, prefix: String = "") throws(XapianError) {
        _ = try withErrorSlot("indexing text") { cx_termgenerator_index_text(handle, text, UInt32(wdfIncrement), prefix, $0) }
    }

    /// Indexes `text` without positions (smaller index; no phrase search on it).
    public func indexWithoutPositions(_ text: String, wdfIncrement: Int = 1, prefix: String = "") throws(XapianError) {
        _ = try withErrorSlot("indexing text") {
            cx_termgenerator_index_text_without_positions(handle, text, UInt32(wdfIncrement), prefix, $0)
        }
    }

    /// Leaves a gap in positions so a phrase cannot match across, e.g., two pages.
    public func increaseTermPosition(by delta: Int = 100) {
        cx_termgenerator_increase_termpos(handle, UInt32(delta))
    }

    public var termPosition: Int { Int(cx_termgenerator_termpos(handle)) }
}
