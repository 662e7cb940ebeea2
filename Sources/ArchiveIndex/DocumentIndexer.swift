import Foundation
import Tagging
import Xapian

/// Turns a stored document into a Xapian document following `Schema`.
final class DocumentIndexer {
    private let termGenerator: TermGenerator
    private let signature: MeasureSignature
    private let phrases: PhraseTerms

    /// Touches no database, so an indexer per thread can build documents in parallel; the
    /// writer adds them and their `spellings(of:)`.
    init(stopwords: Set<String>, phrases: PhraseTerms = .empty) throws {
        termGenerator = try TermGenerator(language: "swedish")
        signature = try MeasureSignature(stopwords: stopwords)
        self.phrases = phrases
    }

    /// What TermGenerator's spelling option would add to the spelling dictionary for `doc`:
    /// each unprefixed word, once per occurrence. That option writes to the database while
    /// indexing, so it cannot run beside the writer. Title words count twice in the body
    /// (`wdfIncrement: 2`) and once under the title prefix: their occurrences are
    /// wdf(word) − wdf(title prefix + word).
    func spellings(of doc: Document) throws -> SpellingCounts {
        try doc.spellingCounts(subtractingPrefix: Schema.Prefix.title)
    }

    /// The multi-word expressions in `text` as single terms (where a phrase query would match).
    private func addPhraseTerms(of text: String, to doc: Document, prefix: String = Schema.Prefix.phrase) throws {
        for (term, count) in phrases.terms(in: text, prefix: prefix) {
            try doc.addTerm(term, wdfIncrement: count)
        }
    }

    func makeDocument(_ stored: StoredDocument) throws -> Document {
        let record = stored.record
        let doc = Document()
        try termGenerator.fill(doc) {
            // Title: its own field, and weighted into the body so title words rank higher.
            try termGenerator.index(record.title, prefix: Schema.Prefix.title)
            try termGenerator.index(record.title, wdfIncrement: 2)
            try addPhraseTerms(of: record.title, to: doc)
            termGenerator.increaseTermPosition()
            for page in stored.pages {
                try termGenerator.index(page)
                try addPhraseTerms(of: page, to: doc)
                // A gap so a phrase cannot match across a page break's header/footer removal.
                termGenerator.increaseTermPosition()
            }
        }

        try doc.addBooleanTerm(Schema.Prefix.id + record.id)
        for path in record.paths { try doc.addBooleanTerm(Schema.Prefix.path + path) }
        if let kommun = record.municipality { try doc.addBooleanTerm(Schema.term(Schema.Prefix.municipality, kommun)) }
        for kommun in record.municipalities { try doc.addBooleanTerm(Schema.term(Schema.Prefix.mentionedMunicipality, kommun)) }
        for dnr in record.diarienummer {
            let normal = Schema.normaliseDiarienummer(dnr.value)
            try doc.addBooleanTerm(Schema.Prefix.diarienummer + normal)
            if let caseNumber = Schema.caseNumber(ofDiarienummer: normal) {
                try doc.addBooleanTerm(Schema.Prefix.diarienummer + caseNumber)
            }
        }
        for brist in record.brister { try doc.addBooleanTerm(Schema.term(Schema.Prefix.brist, brist)) }
        try doc.addBooleanTerm(Schema.term(Schema.Prefix.docType, record.docType))
        if let area = record.area { try doc.addBooleanTerm(Schema.term(Schema.Prefix.area, area)) }
        for ref in record.legalRefs { try doc.addBooleanTerm(Schema.Prefix.legalRef + Schema.normaliseLegalRef(ref)) }
        for category in Set(record.measures.flatMap(\.categories)) {
            try doc.addBooleanTerm(Schema.term(Schema.Prefix.measureCategory, category))
        }
        try doc.addBooleanTerm(Schema.Prefix.extraction + record.extraction)
        try doc.addBooleanTerm(Schema.Kind.document)

        var facets: [(Schema.Facet, String)] = []
        if let date = record.date {
            try doc.setValue(date.replacingOccurrences(of: "-", with: ""), slot: Schema.Slot.date)
            let year = String(date.prefix(4))
            facets.append((.year, year))
            try doc.addBooleanTerm(Schema.Prefix.year + year)
        }
        if let kommun = record.municipality { facets.append((.municipality, kommun)) }
        facets += record.brister.map { (.brist, $0) }
        facets.append((.docType, record.docType))
        if let area = record.area { facets.append((.area, area)) }
        try doc.setValue(Schema.Facet.encode(facets), slot: Schema.Slot.facets)

        try doc.setData(try stored.encoded())
        return doc
    }

    /// One index entry per measure, so `arkiv measures` reads small records instead of whole
    /// documents: text (searchable), categories, status, kommun, brist context, source and page.
    func makeMeasureDocuments(_ stored: StoredDocument) throws -> [Document] {
        let record = stored.record
        var out: [Document] = []
        for (position, measure) in record.measures.enumerated() {
            let doc = Document()
            try termGenerator.fill(doc) { try termGenerator.index(measure.text, prefix: Schema.Prefix.measureText) }
            try addPhraseTerms(of: measure.text, to: doc, prefix: Schema.Prefix.measurePhrase)
            let unique = Schema.Prefix.measureID + record.id + ":" + String(position)
            try doc.addBooleanTerm(unique)
            try doc.addBooleanTerm(Schema.Kind.measure)
            try doc.addBooleanTerm(Schema.Prefix.source + record.id)
            // The brist it answers: where the document says so, else every brist of the document.
            let brister = measure.brist.map { [$0] } ?? record.brister
            for brist in brister { try doc.addBooleanTerm(Schema.term(Schema.Prefix.brist, brist)) }
            for category in measure.categories { try doc.addBooleanTerm(Schema.term(Schema.Prefix.measureCategory, category)) }
            if let kommun = record.municipality { try doc.addBooleanTerm(Schema.term(Schema.Prefix.municipality, kommun)) }
            try doc.addBooleanTerm(Schema.term(Schema.Prefix.docType, record.docType))
            if let date = record.date { try doc.setValue(date.replacingOccurrences(of: "-", with: ""), slot: Schema.Slot.date) }
            let words = try signature.words(of: measure.text)
            if !words.isEmpty {  // a measure of stopwords alone groups with nothing
                let group = MeasureSignature.GroupValue(words: words, municipality: record.municipality, categories: measure.categories)
                    .fitted(brister: brister)
                try doc.setValue(group.encoded, slot: Schema.Slot.measureGroup)
                try doc.addBooleanTerm(MeasureSignature.GroupValue.signatureTerm(group.words))
                try doc.addBooleanTerm(group.countTerm(brist: nil))
                for brist in brister { try doc.addBooleanTerm(group.countTerm(brist: brist)) }
            }
            let entry = MeasureRecord(id: record.id, municipality: record.municipality, text: measure.text,
                                      categories: measure.categories, status: measure.status?.rawValue,
                                      brist: measure.brist, page: measure.page, date: record.date,
                                      path: record.path, docType: record.docType)
            try doc.setData(Array(try JSONEncoder().encode(entry)))
            out.append(doc)
        }
        return out
    }
}

/// A measure as stored in its own index entry.
public struct MeasureRecord: Codable, Sendable, Equatable {
    /// The source document's id.
    public var id: String
    public var municipality: String?
    public var text: String
    public var categories: [String]
    public var status: String?
    public var brist: String?
    public var page: Int?
    public var date: String?
    public var path: String
    public var docType: String
}
