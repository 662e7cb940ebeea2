import Foundation

/// Finds the deficiencies (brister) a document states were found, as category ids.
///
/// The unit is the statement (a sentence, heading, bullet or table row). A statement is a
/// finding when it holds a deficiency cue ("brister i", "saknar", "har inte", "IVO riktar
/// kritik", a red or yellow rating, a "Säkerställa att …" goal in a handlingsplan) and no negation
/// ("inga brister", a green rating, "ej aktuellt", a definition "innebär att"). The categories are
/// the phrasings found in it, up to any purpose clause ("för att kunna göra skyddsbedömningar"
/// names what a fix is for, not what failed) — unless the clause gives the reason for criticism
/// ("IVO riktar kritik mot nämnden för att …"). Mere topics never count: a document that only
/// explains lex Sarah, or says staff know about it, has no lex Sarah brist.
/// All cues and phrasings are in Domain/brister.json.
struct BristExtractor {
    struct Finding {
        var category: String
        var statement: TextDocument.Line
    }
    struct Result {
        var findings: [Finding]
        /// Where a section about a brist starts (its heading or goal), for measures that follow.
        var sectionBrister: [(offset: Int, category: String)]
        var categories: [String] {
            var seen: Set<String> = []
            return findings.map(\.category).filter { seen.insert($0).inserted }
        }
    }

    private let cues: PhraseSet
    private let negations: PhraseSet
    private let purpose: PhraseSet
    private let reasons: PhraseSet
    private let categories: [(id: String, phrases: PhraseSet)]

    init(data: DomainFiles.Brister, categories: [BristCategory]) {
        cues = PhraseSet(data.deficiencyCues)
        negations = PhraseSet(data.negationCues)
        purpose = PhraseSet(data.purposeMarkers)
        reasons = PhraseSet(data.reasonCues)
        self.categories = categories.map { ($0.id, PhraseSet($0.phrasings)) }
    }

    func extract(from doc: TextDocument) -> Result {
        var result = Result(findings: [], sectionBrister: [])
        // A finding needs a cue; most lines have none of the cues' words.
        let cueWords = cues.keyOffsets(in: doc.words)
        let categoryWords = categories.map { $0.phrases.keyOffsets(in: doc.words) }
        for statement in doc.statements {
            let span = doc.span(ofLine: statement.lineIndex)
            guard cueWords.any(in: span) else { continue }
            // Only the categories with a key word on the statement's line are tried.
            let found = categories(in: statement.text, among: categories.indices.filter { categoryWords[$0].any(in: span) })
            guard !found.isEmpty else { continue }
            for id in found { result.findings.append(Finding(category: id, statement: statement)) }
            if statement.isHeadingLike || statement.text.hasSuffix(":") {
                result.sectionBrister.append((statement.offset, found[0]))
            }
        }
        return result
    }

    /// The brist categories (of `among`, indexes into `categories`) a statement states as
    /// found; empty when it is not a finding.
    func categories(in statement: String, among: [Int]) -> [String] {
        guard !among.isEmpty else { return [] }
        guard !statement.hasSuffix("?") else { return [] }
        // Most statements hold no cue at all: one regex run rules them out (the scope below is a
        // prefix of the statement, so it cannot hold a cue the whole statement lacks).
        let words = WordSet(statement)
        guard cues.matches(statement, words: words) else { return [] }
        var scope = statement
        var scopeWords = words
        if !reasons.matches(statement, words: words), let r = purpose.firstRange(in: statement, words: words), r.location > 0 {
            scope = statement.sub(NSRange(location: 0, length: r.location))
            scopeWords = WordSet(scope)
        }
        guard cues.matches(scope, words: scopeWords), !negations.matches(statement, words: words) else { return [] }
        return among.map { categories[$0] }.filter { $0.phrases.matches(scope, words: scopeWords) }.map(\.id)
    }
}
