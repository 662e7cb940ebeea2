import Foundation

/// Finds the measures (åtgärder) a document reports, one record per concrete step.
///
/// Measures are read only inside measure sections: from a heading such as "Vidtagna åtgärder",
/// "Redovisa de eventuella åtgärder som genomförts" or "Åtgärder" to the next closing heading
/// ("Redovisa förväntad effekt", "Bakgrund", "Fakta", …). There every bullet and table row is a
/// measure, and so is every sentence that names a kind of measure. Lines ending in ":" are
/// introductions and short lines without a full stop are sub-headings; neither is a measure.
/// Status comes from the step's own words ("har införts", "kommer att"), else from the section
/// ("… som genomförts" / "… som planeras"). All cues are in Domain/atgarder.json.
struct MeasureExtractor {
    private let start: PhraseSet, startDone: PhraseSet, startPlanned: PhraseSet, end: PhraseSet, skip: PhraseSet
    private let done: PhraseSet, planned: PhraseSet
    private let categories: [(id: String, phrases: PhraseSet)]
    private let fallback: String
    private static let marker = Pattern("^[\\s|]*(?:[•▪●◦·*–—-]|\\d{1,2}[.)])\\s+")

    init(data: DomainFiles.Atgarder, categories: [MeasureCategory]) {
        start = PhraseSet(data.sectionStart)
        startDone = PhraseSet(data.sectionStartDone)
        startPlanned = PhraseSet(data.sectionStartPlanned)
        end = PhraseSet(data.sectionEnd)
        skip = PhraseSet(data.skip)
        done = PhraseSet(data.doneCues)
        planned = PhraseSet(data.plannedCues)
        self.categories = categories.filter { !$0.phrasings.isEmpty }.map { ($0.id, PhraseSet($0.phrasings)) }
        fallback = categories.first { $0.phrasings.isEmpty }?.id ?? "ovrigt"
    }

    /// `sectionBrister`: where sections about a brist start, to attach each measure to its brist.
    func extract(from doc: TextDocument, sectionBrister: [(offset: Int, category: String)]) -> [(Measure, NSRange)] {
        var result: [(Measure, NSRange)] = []
        var seen: Set<String> = []
        var inSection = false
        var sectionStatus: Measure.Status?
        func add(_ rawText: String, offset: Int, isItem: Bool) {
            var text = rawText
            if let m = Self.marker.firstMatch(in: text) { text = text.sub(NSRange(location: NSMaxRange(m.range), length: text.utf16.count - NSMaxRange(m.range))) }
            // Spaces and table bars off both ends (Foundation's trimmingCharacters bridged the
            // text to NSString: 40,000 instructions a measure).
            let scalars = text.unicodeScalars
            if let first = scalars.firstIndex(where: { $0 != " " && $0 != "|" }),
               let last = scalars.lastIndex(where: { $0 != " " && $0 != "|" }) {
                text = String(scalars[first...last]).collapsedWhitespace
            } else {
                text = ""
            }
            let words = WordSet(text)
            guard text.count >= 12, !text.hasSuffix(":"), !skip.matches(text, words: words) else { return }
            var cats = categories.filter { $0.phrases.matches(text, words: words) }.map(\.id)
            if cats.isEmpty {
                guard isItem else { return }
                cats = [fallback]
            }
            guard seen.insert(text.lowercased()).inserted else { return }
            let brist = sectionBrister.last { $0.offset <= offset }?.category
            let measure = Measure(text: String(text.prefix(500)), categories: cats, status: status(of: text, words: words) ?? sectionStatus,
                                  page: doc.page(at: offset), brist: brist)
            result.append((measure, NSRange(location: offset, length: min(text.utf16.count, 160))))
        }
        let statementsByLine = Dictionary(grouping: doc.statements, by: \.lineIndex)
        // Outside a section only a section start matters, and most lines have none of its words.
        let startWords = start.keyOffsets(in: doc.words)
        for line in doc.lines {
            if !inSection && !startWords.any(in: doc.span(ofLine: line.lineIndex)) { continue }
            let words = WordSet(line.text)
            if start.matches(line.text, words: words) {
                inSection = true
                sectionStatus = startDone.matches(line.text, words: words) ? .genomford
                    : startPlanned.matches(line.text, words: words) ? .planerad : nil
                continue
            }
            if end.matches(line.text, words: words) { inSection = false; continue }
            guard inSection, !skip.matches(line.text, words: words) else { continue }
            if line.isItem {
                // A table row: its first cell is the step; the rest are who/when columns.
                let cells = line.text.split(whereSeparator: { $0 == "\t" || $0 == "|" })
                    .map { TextDocument.trimSpaces($0) }.filter { !$0.isEmpty }
                add(cells.first ?? line.text, offset: line.offset, isItem: true)
            } else if !line.isHeadingLike || line.text.count > 90 {
                for s in statementsByLine[line.lineIndex] ?? [] {
                    add(s.text, offset: s.offset, isItem: false)
                }
            }
        }
        return result
    }

    /// Whichever of a done or a planned cue comes first in the step's own text.
    private func status(of text: String, words: WordSet) -> Measure.Status? {
        let d = done.firstRange(in: text, words: words), p = planned.firstRange(in: text, words: words)
        switch (d, p) {
        case let (d?, p?): return d.location <= p.location ? .genomford : .planerad
        case (_?, nil): return .genomford
        case (nil, _?): return .planerad
        default: return nil
        }
    }
}
