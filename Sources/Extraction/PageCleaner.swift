/// Cleans page text from PDFs: drops running headers and footers ("Sida 3 (16)", letterheads
/// repeated on every page) and joins words hyphenated at line ends.
public enum PageCleaner {
    public static func clean(_ pages: [String]) -> [String] {
        // Split on the byte: "\n" is always a grapheme of its own, so this is the Character split.
        let lines = pages.map { $0.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(Substring($0)) } }
        let repeated = repeatedEdgeLines(lines)
        // A running header is kept where it first appears: on page 1 it is often the only
        // place a diarienummer or the sender stands.
        var seen: Set<String> = []
        return lines.map { pageLines in
            let edges = edgeIndices(pageLines)
            var firstOnThisPage: Set<String> = []
            var kept: [String] = []
            kept.reserveCapacity(pageLines.count)
            for (index, line) in pageLines.enumerated() {
                guard edges.contains(index) else { kept.append(line); continue }
                if isPageNumberLine(line) { continue }
                let key = edgeKey(line)
                if !key.isEmpty, repeated.contains(key), seen.contains(key), !firstOnThisPage.contains(key) { continue }
                if repeated.contains(key) { firstOnThisPage.insert(key) }
                kept.append(line)
            }
            seen.formUnion(firstOnThisPage)
            return joinHyphenation(kept).joined(separator: "\n")
        }
    }

    /// How many non-empty lines at the top and bottom of a page can be header or footer.
    static let edgeLines = 3

    /// Indices of the first and last `edgeLines` non-empty lines: only they can be running
    /// headers, footers or page numbers; body text is never looked at (and stays fast).
    static func edgeIndices(_ lines: [String]) -> Set<Int> {
        let nonEmpty = lines.indices.filter { !lines[$0].allSatisfy(\.isWhitespace) }
        return Set(nonEmpty.prefix(edgeLines) + nonEmpty.suffix(edgeLines))
    }

    /// "Sida 3 (16)", "Sida 3 av 16", "3 (16)", "- 3 -": page numbering, never body text.
    static func isPageNumberLine(_ line: String) -> Bool {
        var rest = Substring(line.trimmingSpaces)
        if rest.count > 24 { return false }
        func skipSpaces() { rest = rest.drop { $0 == " " } }
        func digits() -> Bool {
            let run = rest.prefix { $0.isASCII && $0.isNumber }
            guard (1...4).contains(run.count) else { return false }
            rest = rest.dropFirst(run.count)
            return true
        }
        if let first = rest.first, first == "-" || first == "–" {
            rest = rest.dropFirst(); skipSpaces()
            guard digits() else { return false }
            skipSpaces()
            return rest == "-" || rest == "–"
        }
        if rest.lowercased().hasPrefix("sida ") { rest = rest.dropFirst(5); skipSpaces() }
        guard digits() else { return false }
        skipSpaces()
        if rest.first == "(" {
            rest = rest.dropFirst(); skipSpaces()
            guard digits() else { return false }
            skipSpaces()
            return rest == ")"
        }
        if rest.hasPrefix("av ") {
            rest = rest.dropFirst(3); skipSpaces()
            return digits() && rest.isEmpty
        }
        return false
    }

    /// Lines normalised so "Sida 2 (5)" and "Sida 3 (5)" compare equal: digit runs become "#".
    static func edgeKey(_ line: String) -> String {
        var out = String.UnicodeScalarView()
        var inDigits = false
        for scalar in line.trimmingSpaces.unicodeScalars {
            if ("0"..."9").contains(scalar) {
                if !inDigits { out.append("#") }
                inDigits = true
            } else {
                out.append(scalar)
                inDigits = false
            }
        }
        return String(out)
    }

    /// Lines among the first or last three non-empty lines of a page that recur on at least
    /// half the pages (and at least two): headers and footers.
    static func repeatedEdgeLines(_ pages: [[String]]) -> Set<String> {
        guard pages.count >= 2 else { return [] }
        var counts: [String: Int] = [:]
        for page in pages {
            let edges = Set(edgeIndices(page).map { edgeKey(page[$0]) })
            for key in edges { counts[key, default: 0] += 1 }
        }
        let threshold = max(2, (pages.count + 1) / 2)
        return Set(counts.filter { $0.value >= threshold && $0.key.count > 1 }.keys)
    }

    /// Words that keep their hyphen when a line breaks after "barn-": "barn- och ungdomsnämnd".
    private static let keepHyphenBefore: Set<String> = ["och", "eller", "samt", "respektive", "som", "till", "resp."]

    /// "genomförande-" + "plan" → "genomförandeplan", when a lower-case letter precedes the hyphen
    /// and the next line starts with one.
    static func joinHyphenation(_ lines: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < lines.count {
            var line = lines[i]
            while i + 1 < lines.count, let joined = join(line, lines[i + 1]) {
                line = joined
                i += 1
            }
            out.append(line)
            i += 1
        }
        return out
    }

    private static func join(_ line: String, _ next: String) -> String? {
        guard line.utf8.contains(0x2D) else { return nil }  // most lines have no hyphen at all
        let head = line.trimmingSpaces
        guard head.hasSuffix("-"), head.count >= 3 else { return nil }
        let beforeHyphen = head.dropLast().last!
        guard beforeHyphen.isLetter, beforeHyphen.isLowercase else { return nil }
        let tail = next.trimmingSpaces
        guard let first = tail.first, first.isLetter, first.isLowercase else { return nil }
        let nextWord = String(tail.prefix { !$0.isWhitespace })
        if keepHyphenBefore.contains(nextWord) { return nil }
        // Keep the rest of the next line on this one so the word stays whole.
        return String(head.dropLast()) + tail
    }
}
