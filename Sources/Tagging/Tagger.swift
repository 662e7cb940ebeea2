import Foundation

/// Turns a document's text into the facts of its archive record, each with evidence.
///
/// Build one per import (compiling the Domain/ phrasings takes a moment) and share it: `tag`
/// is a pure function of its input.
public struct Tagger: Sendable {
    public let domain: DomainData
    private let diarienummer = DiarienummerExtractor()
    private let dates: DateExtractor
    private let legalRefs: LegalRefExtractor
    private let municipalities: MunicipalityExtractor
    private let docTypes: DocTypeClassifier
    private let areas: AreaClassifier
    private let brister: BristExtractor
    private let measures: MeasureExtractor
    private let titles: TitleExtractor

    public init(domain: DomainData) {
        self.domain = domain
        dates = DateExtractor(labels: PhraseSet(domain.docTypes.dateLabels))
        legalRefs = LegalRefExtractor(lagar: domain.lagar)
        municipalities = MunicipalityExtractor(domain: domain)
        docTypes = DocTypeClassifier(rules: domain.docTypes)
        areas = AreaClassifier(rules: domain.docTypes)
        brister = BristExtractor(data: domain.brister, categories: domain.bristCategories)
        measures = MeasureExtractor(data: domain.atgarder, categories: domain.measureCategories)
        titles = TitleExtractor(skip: PhraseSet(domain.docTypes.titleSkip))
    }

    /// The normal form of a legal reference as a user types it ("11 kap. 10 § SoL", "SoL 11:10"
    /// → "SoL 11 kap. 10 §"), so searches meet what the tagger indexed. Nil if none is found.
    public func normaliseLegalReference(_ text: String) -> String? {
        legalRefs.extract(from: TextDocument(pages: [text])).first?.ref
    }

    /// Tags one document; `input.pages` holds one string per page (a .txt is one page).
    public func tag(_ input: TaggingInput) -> DocumentFacts {
        let doc = TextDocument(pages: input.pages)
        var facts = DocumentFacts()
        var evidence: [Evidence] = []
        func note(_ field: String, _ value: String, _ range: NSRange?) {
            guard let range else { return }
            evidence.append(Evidence(field: field, value: value, excerpt: doc.excerpt(range), page: doc.page(at: range.location)))
        }

        facts.title = titles.title(for: input, doc: doc)

        let dnrs = diarienummer.extract(from: doc)
        facts.diarienummer = dnrs.map(\.diarienummer)
        for d in dnrs { note("diarienummer", d.diarienummer.value, d.range) }

        let refs = legalRefs.extract(from: doc)
        var seenRefs: Set<String> = []
        facts.legalRefs = refs.map(\.ref).filter { seenRefs.insert($0).inserted }
        for ref in facts.legalRefs { note("legal_refs", ref, refs.first { $0.ref == ref }?.range) }

        let found = dates.extract(from: doc, excluding: dnrs.map(\.range) + refs.map(\.range))
        var seenDates: Set<String> = []
        facts.dates = found.map(\.iso).filter { seenDates.insert($0).inserted }
        if let own = dates.documentDate(in: doc, dates: found) {
            facts.date = own.iso
            note("date", own.iso, own.range)
        } else {
            facts.date = input.metadataDate
        }

        let kommuner = municipalities.extract(from: doc)
        facts.municipality = kommuner.own?.kommun
        facts.municipalities = kommuner.all.map(\.kommun)
        if let own = kommuner.own { note("municipality", own.kommun, own.range) }
        for k in kommuner.all { note("municipalities", k.kommun, k.range) }

        let type = docTypes.classify(doc)
        facts.docType = type.id
        note("doc_type", type.id, type.range)

        let area = areas.classify(doc)
        facts.area = area.id
        note("area", area.id, area.range)

        let bristResult = brister.extract(from: doc)
        facts.brister = bristResult.categories
        for id in facts.brister {
            if let f = bristResult.findings.first(where: { $0.category == id }) {
                note("brister", id, NSRange(location: f.statement.offset, length: min(f.statement.text.utf16.count, 100)))
            }
        }

        for (measure, range) in measures.extract(from: doc, sectionBrister: bristResult.sectionBrister) {
            facts.measures.append(measure)
            note("measures", measure.categories.joined(separator: ","), range)
        }
        facts.evidence = evidence
        return facts
    }
}
