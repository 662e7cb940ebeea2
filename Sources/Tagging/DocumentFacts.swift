/// The facts the tagger finds in one document: what the CONTRACT record carries, plus evidence.
///
/// Field names follow ../shared/CONTRACT.md through `CodingKeys`, so the JSON of this type is the
/// tag part of the document record.
public struct DocumentFacts: Codable, Sendable, Equatable {
    public var title: String
    public var docType: String
    public var municipality: String?
    public var municipalities: [String]
    public var diarienummer: [Diarienummer]
    public var date: String?
    public var dates: [String]
    public var area: String?
    public var brister: [String]
    public var measures: [Measure]
    public var legalRefs: [String]
    /// Why each fact was found: the text it came from and its page. Shown by `arkiv show`.
    public var evidence: [Evidence]

    public init(
        title: String = "", docType: String = "annat", municipality: String? = nil,
        municipalities: [String] = [], diarienummer: [Diarienummer] = [], date: String? = nil,
        dates: [String] = [], area: String? = nil, brister: [String] = [], measures: [Measure] = [],
        legalRefs: [String] = [], evidence: [Evidence] = []
    ) {
        self.title = title
        self.docType = docType
        self.municipality = municipality
        self.municipalities = municipalities
        self.diarienummer = diarienummer
        self.date = date
        self.dates = dates
        self.area = area
        self.brister = brister
        self.measures = measures
        self.legalRefs = legalRefs
        self.evidence = evidence
    }

    enum CodingKeys: String, CodingKey {
        case title, municipality, municipalities, diarienummer, date, dates, area, brister, measures
        case docType = "doc_type"
        case legalRefs = "legal_refs"
        case evidence
    }
}

/// A case number exactly as written, with the authority that issued it.
public struct Diarienummer: Codable, Sendable, Hashable {
    public enum Authority: String, Codable, Sendable { case ivo, municipal, other }
    public var value: String
    public var authority: Authority
    public init(value: String, authority: Authority) {
        self.value = value
        self.authority = authority
    }
}

/// One concrete step (åtgärd) taken or planned.
public struct Measure: Codable, Sendable, Hashable {
    public enum Status: String, Codable, Sendable { case genomford, planerad }
    public var text: String
    public var categories: [String]
    public var status: Status?
    /// 1-based page the measure was found on (nil for plain text without pages).
    public var page: Int?
    /// The brist the document discusses where the measure stands, when known.
    public var brist: String?
    public init(text: String, categories: [String], status: Status?, page: Int? = nil, brist: String? = nil) {
        self.text = text
        self.categories = categories
        self.status = status
        self.page = page
        self.brist = brist
    }
}

/// The text a fact came from.
public struct Evidence: Codable, Sendable, Hashable {
    /// The record field: "diarienummer", "municipality", "doc_type", "brister", ...
    public var field: String
    public var value: String
    /// The words around the match, as found in the document.
    public var excerpt: String
    public var page: Int?
    public init(field: String, value: String, excerpt: String, page: Int?) {
        self.field = field
        self.value = value
        self.excerpt = excerpt
        self.page = page
    }
}
