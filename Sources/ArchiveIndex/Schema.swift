/// How documents are laid out in the Xapian index: term prefixes and value slots, in one place.
/// Mirrored in ARCHITECTURE.md; change both together, and bump `version` when old indexes
/// must be rebuilt.
public enum Schema {
    /// Stored as user metadata "schema"; an index of another version is refused with advice.
    public static let version = "4"

    /// Term prefixes (Xapian's omega conventions where one exists).
    public enum Prefix {
        /// Unique id: "Q" + sha256 of the original bytes.
        public static let id = "Q"
        /// A path the document was imported from (a document can have several).
        public static let path = "P"
        /// Words of the title, indexed with positions (field `titel:`).
        public static let title = "S"
        /// The document's own kommun, lower-cased (`kommun:`).
        public static let municipality = "XK"
        /// Every kommun the text names, lower-cased (`nämnd:` is not a thing; `nämner:`).
        public static let mentionedMunicipality = "XN"
        /// Diarienummer, normalised by `Schema.normaliseDiarienummer` (`dnr:`).
        public static let diarienummer = "XD"
        /// Brist category id (`brist:`).
        public static let brist = "XB"
        /// doc_type id (`typ:`).
        public static let docType = "XT"
        /// area id (`område:`).
        public static let area = "XA"
        /// Legal reference, normalised lower-case without spaces (`lagrum:`).
        public static let legalRef = "XL"
        /// Measure category id (`åtgärd:`).
        public static let measureCategory = "XM"
        /// Year of the document date (`år:`).
        public static let year = "XY"
        /// Extraction method: text, ocr, mixed, plain.
        public static let extraction = "XE"
        /// What an index entry is: "XRdocument" (an archived file) or "XRmeasure" (one åtgärd
        /// of a document, a record of its own for `arkiv measures`).
        public static let kind = "XR"
        /// On a measure: the id of the document it comes from.
        public static let source = "XS"
        /// On a measure: its unique term, source id + ":" + position.
        public static let measureID = "XU"
        /// On a measure: its signature (`MeasureSignature.GroupValue.signatureTerm`).
        public static let measureSignature = "XG"
        /// A multi-word expression of the synonym data, one term ("XPplan_för_genomförande"):
        /// see `PhraseTerms`.
        public static let phrase = "XP"
        /// On a measure: the words of its text (with positions; stems "ZXW"). Measures have
        /// their own word terms so documents' posting lists hold documents only: a plain search
        /// needs no filter on the kind and reads no measure entry (2.5 of them a document).
        public static let measureText = "XW"
        /// On a measure: a multi-word expression as one term, as `phrase` is on documents.
        public static let measurePhrase = "XWP"
        /// On a measure: "XC" + brist + U+001E + its `MeasureSignature.GroupValue`, once for each
        /// brist it answers and once with no brist. The term frequency is how many measures share
        /// signature, kommun and categories, kept by Xapian at import, so `arkiv measures
        /// --brist` counts by listing terms instead of reading every measure of the brist.
        public static let measureCount = "XC"
    }

    /// The kind terms.
    public enum Kind {
        public static let document = Prefix.kind + "document"
        public static let measure = Prefix.kind + "measure"
    }

    /// Value slots: for sorting, ranges and facet counts.
    public enum Slot {
        /// Document date as YYYYMMDD (sort by date, `--from/--to`).
        public static let date = 0
        /// Every facet entry of a document in one value (`Facet.encode`): one spy reading one
        /// value a match, where five spies over five slots made each read jump between value
        /// streams and go back to the page cache (a quarter of a plain search at 100,000).
        public static let facets = 1
        /// "size:mtime" of the file at import, to skip unchanged files without hashing.
        public static let fileSignature = 6
        /// On a measure: signature, kommun and categories (`MeasureSignature.GroupValue`).
        public static let measureGroup = 7
    }

    /// The facets a search answer counts, each tagged by one letter in `Slot.facets`.
    public enum Facet: String, CaseIterable, Sendable {
        case municipality = "k", brist = "b", docType = "t", area = "a", year = "y"

        /// The facet's name in answers.
        public var name: String {
            switch self {
            case .municipality: "municipality"
            case .brist: "brist"
            case .docType: "doc_type"
            case .area: "area"
            case .year: "year"
            }
        }

        /// The slot value: tagged entries separated by U+001F ("kKalmar", "bdokumentation", …).
        public static func encode(_ entries: [(Facet, String)]) -> String {
            entries.map { $0.0.rawValue + $0.1 }.joined(separator: "\u{1F}")
        }

        /// An entry counted from the slot: its facet and value.
        public static func decode(_ entry: String) -> (facet: Facet, value: String)? {
            guard let tag = entry.first, let facet = Facet(rawValue: String(tag)) else { return nil }
            return (facet, String(entry.dropFirst()))
        }
    }

    /// The form a diarienummer is looked up by: no whitespace, lower-case, so a number broken
    /// across lines, or typed with other spacing, still finds its documents.
    public static func normaliseDiarienummer(_ value: String) -> String {
        String(value.filter { !$0.isWhitespace }).lowercased()
    }

    /// "3.5.1-08071/2022-1" is document 1 in case 3.5.1-08071/2022, findable by the case: a
    /// normalised diarienummer ending in /YYYY-N (N of 1–3 digits) without its "-N"; else nil.
    /// (By hand: a regex literal is parsed again each time it is evaluated, and this runs for
    /// every diarienummer of every document imported.)
    public static func caseNumber(ofDiarienummer normal: String) -> String? {
        let isDigit = { (c: Character) in c.unicodeScalars.count == 1 && c.unicodeScalars.first!.properties.generalCategory == .decimalNumber }
        guard let dash = normal.lastIndex(of: "-") else { return nil }
        let suffix = normal[normal.index(after: dash)...]
        guard (1...3).contains(suffix.count), suffix.allSatisfy(isDigit) else { return nil }
        let head = normal[..<dash]
        let year = head.suffix(4)
        guard head.count >= 6, year.count == 4, year.allSatisfy(isDigit), head.dropLast(4).last == "/" else { return nil }
        return String(head)
    }

    /// The form a legal reference is looked up by: lower-case, no spaces, no dots.
    public static func normaliseLegalRef(_ value: String) -> String {
        String(value.lowercased().filter { !$0.isWhitespace && $0 != "." })
    }

    /// Boolean-term form of an id-like value (kommun names, ids): lower-case.
    public static func term(_ prefix: String, _ value: String) -> String {
        prefix + value.lowercased()
    }
}
