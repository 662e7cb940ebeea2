import CXapian

/// A Snowball stemmer, for code that must compute the same stems the indexer writes
/// (e.g. synonyms between stemmed forms, "Z" + stem).
public final class Stemmer {
    let handle: OpaquePointer
    public let language: String

    public init(language: String) throws(XapianError) {
        self.language = language
        handle = try withErrorSlot("creating stemmer \(language)") { cx_stemmer_new(language, $0) }!
    }

    deinit { cx_stemmer_free(handle) }

    public func stem(_ word: String) throws(XapianError) -> String {
        takeString(try withErrorSlot("stemming \(word)") { cx_stemmer_stem(handle, word, $0) })
    }
}
