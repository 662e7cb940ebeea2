/// The shapes of the JSON files in Domain/, one type per file. Keys are the files' own
/// (snake_case) keys; Domain/README.md describes each.
public enum DomainFiles {
    /// Domain/brister.json
    public struct Brister: Codable, Sendable {
        public var deficiencyCues: [String]
        public var negationCues: [String]
        public var purposeMarkers: [String]
        /// Cues after which "för att" gives the reason for criticism, so nothing is cut.
        public var reasonCues: [String]
        public var categories: [BristCategory]
        enum CodingKeys: String, CodingKey {
            case categories
            case deficiencyCues = "deficiency_cues", negationCues = "negation_cues", purposeMarkers = "purpose_markers"
            case reasonCues = "reason_cues"
        }
    }

    /// Domain/atgarder.json
    public struct Atgarder: Codable, Sendable {
        public var sectionStart: [String]
        public var sectionStartDone: [String]
        public var sectionStartPlanned: [String]
        public var sectionEnd: [String]
        public var skip: [String]
        public var doneCues: [String]
        public var plannedCues: [String]
        public var categories: [MeasureCategory]
        enum CodingKeys: String, CodingKey {
            case skip, categories
            case sectionStart = "section_start", sectionStartDone = "section_start_done"
            case sectionStartPlanned = "section_start_planned", sectionEnd = "section_end"
            case doneCues = "done_cues", plannedCues = "planned_cues"
        }
    }

    /// Domain/doctypes.json
    public struct DocTypes: Codable, Sendable {
        public struct DocType: Codable, Sendable {
            public var id: String
            public var label: String
            /// Cues that decide the type when they start one of the first lines.
            public var heading: [String]
            /// Cues worth 3 points each occurrence (at most 3 counted).
            public var strong: [String]
            /// Cues worth 1 point each occurrence (at most 5 counted).
            public var weak: [String]
        }
        public struct Area: Codable, Sendable {
            public var id: String
            public var label: String
            public var cues: [String]
        }
        public var docTypes: [DocType]
        public var areas: [Area]
        public var dateLabels: [String]
        public var titleSkip: [String]
        enum CodingKeys: String, CodingKey {
            case areas
            case docTypes = "doc_types", dateLabels = "date_labels", titleSkip = "title_skip"
        }
    }

    /// Domain/kommunkontext.json
    public struct KommunKontext: Codable, Sendable {
        public var ownBefore: [String]
        public var ownAfter: [String]
        public var notBefore: [String]
        public var notAfter: [String]
        enum CodingKeys: String, CodingKey {
            case ownBefore = "own_before", ownAfter = "own_after", notBefore = "not_before", notAfter = "not_after"
        }
    }

    /// Domain/lagar.json
    public struct Lagar: Codable, Sendable {
        public struct Law: Codable, Sendable {
            /// The short name references are normalised to (`SoL`).
            public var id: String
            public var names: [String]
        }
        public var laws: [Law]
        /// Statute collections kept as written (`SOSFS 2012:11`).
        public var regulations: [String]
    }

    /// Domain/synonyms.json
    struct Synonyms: Codable, Sendable {
        var synonyms: [String: [String]]
    }
}
