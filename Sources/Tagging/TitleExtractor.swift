import Foundation

/// Picks a title: the first `#` heading of the first page (level 1 preferred), else the first
/// heading-like line near the top (short, no full stop, not a label such as "Datum" — see
/// `title_skip` in Domain/doctypes.json), else the metadata title, else the file name.
struct TitleExtractor {
    let skip: PhraseSet
    private static let markdownHeading = Pattern("^[ \\t]*(#{1,6})[ \\t]+(.+?)[ \\t#]*$")
    private static let notTitle = Pattern("^[\\d\\s.:/()-]*$")  // numbers, dates, page marks

    func title(for input: TaggingInput, doc: TextDocument) -> String {
        if let first = input.pages.first {
            let headings = Self.markdownHeading.matches(in: first).map {
                (level: $0.range(at: 1).length, text: first.sub($0.range(at: 2)).replacingOccurrences(of: "**", with: "").collapsedWhitespace)
            }.filter { $0.text.count >= 3 }
            if let h = headings.first(where: { $0.level == 1 }) ?? headings.first { return h.text }
        }
        for line in doc.lines.prefix(8) {
            let t = line.text.collapsedWhitespace
            guard t.count >= 4, t.count <= 150, !t.hasSuffix("."), !t.hasSuffix(":"), !t.contains("\t"),
                  !skip.matches(t), !Self.notTitle.contains(t), let first = t.first, first.isLetter,
                  t.split(separator: " ").count >= 2 || t == t.uppercased() else { continue }
            return t
        }
        if let meta = input.metadataTitle?.collapsedWhitespace, !meta.isEmpty { return meta }
        return input.fileName ?? ""
    }
}
