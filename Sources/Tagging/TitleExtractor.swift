import Foundation

/// Picks a title: the first `#` heading of the first page (level 1 preferred), else the first
/// heading-like line near the top (short, no full stop, not a label such as "Datum" — see
/// `title_skip` in Domain/doctypes.json), else the metadata title, else the file name.
struct TitleExtractor {
    let skip: PhraseSet
    private static let markdownHeading = Pattern("^[ \\t]*(#{1,6})[ \\t]+(.+?)[ \\t#]*$")
    private static let notTitle = Pattern("^[\\d\\s.:/()-]*$")  // numbers, dates, page marks

    /// Short, no full stop, colon, tab or digits, starts with a capital letter, sentence case,
    /// and not a letterhead or label phrase of `title_skip`.
    private func isHeading(_ t: String) -> Bool {
        guard !t.hasFewerCharacters(than: 8), t.hasFewerCharacters(than: 151), !t.hasSuffix("."), !t.hasSuffix("?"),
              !t.containsByte(0x3A), !t.containsByte(0x09), !t.containsByte(0x40),  // no : tab @
              !Self.hasNumber(t), let first = t.first, first.isLetter, first.isUppercase,
              t != t.uppercased(), !skip.matches(t), !Self.notTitle.contains(t) else { return false }
        return true
    }

    /// `t.contains(where: \.isNumber)`, which breaks the whole line into graphemes, asked
    /// only when some scalar is numeric: a Character is a number by its first scalar.
    private static func hasNumber(_ t: String) -> Bool {
        let anyNumericScalar = t.unicodeScalars.contains { s in
            s.value < 0x80 ? (0x30...0x39).contains(s.value) : s.properties.numericType != nil
        }
        return anyNumericScalar && t.contains(where: \.isNumber)
    }

    func title(for input: TaggingInput, doc: TextDocument) -> String {
        if let first = input.pages.first, first.containsByte(0x23) {  // a # at all
            let headings = Self.markdownHeading.matches(in: first).map {
                (level: $0.range(at: 1).length, text: first.sub($0.range(at: 2)).replacingOccurrences(of: "**", with: "").collapsedWhitespace)
            }.filter { $0.text.count >= 3 }
            if let h = headings.first(where: { $0.level == 1 }) ?? headings.first { return h.text }
        }
        // A real heading first: several words in sentence case, no digits or labels (letterheads,
        // addresses, phone numbers and diarienummer lines fail this).
        let top = doc.lines.prefix(40).map { $0.text.collapsedWhitespace }
        if let index = top.firstIndex(where: { isHeading($0) && $0.split(separator: " ").count >= 3 }) {
            // A heading broken over two lines ("… för barn och unga i" / "Lekebergs kommun").
            let heading = top[index]
            let lastWord = heading.split(separator: " ").last.map(String.init) ?? ""
            if index + 1 < top.count, lastWord == lastWord.lowercased(), lastWord.count <= 7,
               case let next = top[index + 1], !next.isEmpty, next.count <= 80, !next.contains(":"), !next.hasSuffix(".") {
                return heading + " " + next
            }
            return heading
        }
        for t in top.prefix(15) where isHeading(t) || (!t.hasFewerCharacters(than: 4) && t == t.uppercased() && !skip.matches(t)
                                                        && !t.contains(where: \.isNumber) && t.first?.isLetter == true) {
            return t
        }
        if let meta = input.metadataTitle?.collapsedWhitespace, !meta.isEmpty { return meta }
        return input.fileName ?? ""
    }
}
