import CXapian

/// Parses what a user types into a `Query`: phrases, AND/OR/NOT, wildcards, field prefixes
/// (`kommun:Kalmar`), value ranges (`datum:20220101..20221231`) and spelling correction.
public final class QueryParser {
    /// Xapian's QueryParser feature flags.
    public struct Features: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        public static let boolean = Features(rawValue: 1)
        public static let phrase = Features(rawValue: 2)
        public static let loveHate = Features(rawValue: 4)
        public static let booleanAnyCase = Features(rawValue: 8)
        public static let wildcard = Features(rawValue: 16)
        public static let pureNot = Features(rawValue: 32)
        public static let partial = Features(rawValue: 64)
        public static let spellingCorrection = Features(rawValue: 128)
        public static let synonym = Features(rawValue: 256)
        public static let autoSynonyms = Features(rawValue: 512)
        public static let autoMultiwordSynonyms = Features(rawValue: 1024)
        public static let `default`: Features = [.boolean, .phrase, .loveHate]
    }

    let handle: OpaquePointer
    private var database: Database?

    public init() { handle = cx_queryparser_new()! }
    deinit { cx_queryparser_free(handle) }

    /// Stems query words like the indexer did ("orosanmälningar" meets "orosanmälan").
    public func setStemmer(language: String?, strategy: TermGenerator.StemmingStrategy = .some) throws(XapianError) {
        let lang = language ?? "none"
        _ = try withErrorSlot("setting query stemmer \(lang)") { cx_queryparser_set_stemmer(handle, lang, $0) }
        cx_queryparser_set_stemming_strategy(handle, strategy.rawValue)
    }

    /// The database used for wildcards, spelling correction and synonyms.
    public func setDatabase(_ database: Database) {
        self.database = database
        cx_queryparser_set_database(handle, database.handle)
    }

    public func setDefaultOperator(_ op: Query.Operator) { cx_queryparser_set_default_op(handle, op.rawValue) }

    /// A free-text field: `field:words` searches words indexed with `prefix`.
    public func addPrefix(field: String, prefix: String) throws(XapianError) {
        _ = try withErrorSlot("adding prefix \(field)") { cx_queryparser_add_prefix(handle, field, prefix, $0) }
    }

    /// `field:value` searches the single term prefix+value, weighted like a word: for terms the
    /// indexer made itself (e.g. a multi-word expression joined into one term).
    public func addTermField(field: String, prefix: String) throws(XapianError) {
        _ = try withErrorSlot("adding term field \(field)") { cx_queryparser_add_term_field(handle, field, prefix, $0) }
    }

    /// A filter field: `field:value` becomes the boolean term prefix+value. Fields sharing a
    /// `group` are ORed together instead of ANDed.
    public func addBooleanPrefix(field: String, prefix: String, group: String? = nil) throws(XapianError) {
        _ = try withErrorSlot("adding boolean prefix \(field)") {
            cx_queryparser_add_boolean_prefix(handle, field, prefix, group, $0)
        }
    }

    /// `field:lo..hi` matches documents whose value in `slot` is in range (string order).
    public func addRange(field: String, slot: Int) throws(XapianError) {
        _ = try withErrorSlot("adding range \(field)") { cx_queryparser_add_rangeprocessor(handle, UInt32(slot), field, $0) }
    }

    public func parse(_ text: String, features: Features = .default, defaultPrefix: String = "") throws(XapianError) -> Query {
        let h = try withErrorSlot("parsing query \"\(text)\"") {
            cx_queryparser_parse(handle, text, features.rawValue, defaultPrefix, $0)
        }
        return Query(handle: h!)
    }

    /// The spelling-corrected query from the last `parse` with `.spellingCorrection`, if any.
    public var correctedQuery: String? {
        let s = takeString(cx_queryparser_corrected(handle))
        return s.isEmpty ? nil : s
    }
}
