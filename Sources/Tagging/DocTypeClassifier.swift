import Foundation

/// Decides `doc_type` from headings and cue words (Domain/doctypes.json).
///
/// A heading cue that starts one of the first lines decides at once (a letterhead saying
/// "TJÄNSTESKRIVELSE" wins over twenty mentions of lex Sarah in its text). Otherwise each type
/// scores 3 per strong cue occurrence and 1 per weak one (at most 3 and 5 counted per cue, so one
/// word repeated all over cannot win alone); the best type with at least 3 points wins, else `annat`.
struct DocTypeClassifier {
    struct Result {
        var id: String
        var range: NSRange?
    }

    private let types: [(id: String, heading: PhraseSet, strong: [PhraseSet], weak: [PhraseSet])]
    private static let topLines = 12

    init(rules: DomainFiles.DocTypes) {
        types = rules.docTypes.map { t in
            (t.id, PhraseSet(t.heading), t.strong.map { PhraseSet([$0]) }, t.weak.map { PhraseSet([$0]) })
        }
    }

    func classify(_ doc: TextDocument) -> Result {
        for line in doc.lines.prefix(Self.topLines) {
            for t in types {
                if let r = t.heading.firstRange(in: line.text) {
                    return Result(id: t.id, range: NSRange(location: line.offset + r.location, length: r.length))
                }
            }
        }
        var best: (id: String, score: Int, range: NSRange?) = ("annat", 2, nil)
        for t in types {
            var score = 0
            var first: NSRange?
            for (cues, weight, cap) in [(t.strong, 3, 3), (t.weak, 1, 5)] {
                for cue in cues {
                    let hits = cue.ranges(in: doc.text, words: doc.words)
                    score += weight * min(cap, hits.count)
                    if first == nil { first = hits.first }
                }
            }
            if score > best.score { best = (t.id, score, first) }
        }
        return Result(id: best.id, range: best.range)
    }
}
