import Tagging

/// Swedish words for the ids the index stores (brist, doc_type, area, measure category), taken
/// from Domain/ where it names them, so a category added there gets its label too.
struct Labels: Sendable {
    var brister: [(id: String, label: String)] = []
    var areas: [String: String] = [:]
    var measures: [String: String] = [:]

    static let docTypes = [
        "beslut": "Beslut", "yttrande": "Yttrande", "tjansteskrivelse": "Tjänsteskrivelse",
        "aterredovisning": "Återredovisning", "lex_sarah": "Lex Sarah", "granskningsrapport": "Granskningsrapport",
        "protokoll": "Protokoll", "nyhet": "Nyhet", "annat": "Annat",
    ]
    static let facets: [(name: String, heading: String, parameter: String)] = [
        ("municipality", "Kommun", "municipality"), ("brist", "Brist", "brist"), ("doc_type", "Dokumenttyp", "type"),
        ("area", "Område", "area"), ("year", "År", "year"),
    ]
    static let status = ["genomford": "genomförd", "planerad": "planerad"]
    static let fields = [
        "diarienummer": "Diarienummer", "municipality": "Kommun", "municipalities": "Nämnda kommuner",
        "doc_type": "Dokumenttyp", "area": "Område", "brister": "Brist", "brist": "Brist", "date": "Datum",
        "dates": "Datum", "legal_refs": "Lagrum", "measures": "Åtgärd", "title": "Titel",
    ]

    init(domain: DomainData?) {
        guard let domain else { return }
        brister = domain.bristCategories.map { ($0.id, $0.label) }
        areas = Dictionary(domain.docTypes.areas.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
        measures = Dictionary(domain.measureCategories.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
    }

    func brist(_ id: String) -> String { brister.first { $0.id == id }?.label ?? id }
    func docType(_ id: String) -> String { Self.docTypes[id] ?? id }
    func area(_ id: String) -> String { areas[id] ?? id }
    func measure(_ id: String) -> String { measures[id] ?? id }

    /// The label of a facet value ("kontroll_placering" → "Kontroller inför placering").
    func facetValue(_ facet: String, _ value: String) -> String {
        switch facet {
        case "brist": brist(value)
        case "doc_type": docType(value)
        case "area": area(value)
        default: value
        }
    }

    /// The value of an evidence or record field in words.
    func fieldValue(_ field: String, _ value: String) -> String {
        switch field {
        case "brister", "brist": brist(value)
        case "doc_type": docType(value)
        case "area": area(value)
        case "date", "dates": SwedishDate.format(value)
        default: value
        }
    }

    /// SimilarCases gives its reasons in English ids ("same brist: orosanmalan").
    func reason(_ reason: String) -> String {
        let parts: [(String, String, (String) -> String)] = [
            ("same brist: ", "samma brist: ", brist), ("same legal reference: ", "samma lagrum: ", { $0 }),
            ("same area: ", "samma område: ", area), ("same document type: ", "samma dokumenttyp: ", docType),
            ("shared words: ", "gemensamma ord: ", { $0 }),
        ]
        for (english, swedish, label) in parts where reason.hasPrefix(english) {
            return swedish + label(String(reason.dropFirst(english.count)))
        }
        return reason
    }
}
