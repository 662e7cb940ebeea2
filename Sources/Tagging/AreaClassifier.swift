import Foundation

/// Decides the `area` a document is about by counting cue words per area (Domain/doctypes.json
/// `areas`); the area with most hits wins, with none the last area in the file (`ovrigt`).
struct AreaClassifier {
    private let areas: [(id: String, cues: PhraseSet)]
    private let fallback: String

    init(rules: DomainFiles.DocTypes) {
        areas = rules.areas.filter { !$0.cues.isEmpty }.map { ($0.id, PhraseSet($0.cues)) }
        fallback = rules.areas.first { $0.cues.isEmpty }?.id ?? "ovrigt"
    }

    func classify(_ doc: TextDocument) -> (id: String, range: NSRange?) {
        var best: (id: String, count: Int, range: NSRange?) = (fallback, 0, nil)
        for area in areas {
            let hits = area.cues.ranges(in: doc.text, words: doc.words)
            if hits.count > best.count { best = (area.id, hits.count, hits.first) }
        }
        return (best.id, best.range)
    }
}
