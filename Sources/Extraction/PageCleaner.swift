/// Cleans page text from PDFs: drops running headers and footers ("Sida 3 (16)", letterheads
/// repeated on every page) and joins words hyphenated at line ends.
public enum PageCleaner {
    public static func clean(_ pages: [String]) -> [String] {
        let lines = pages.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        let repeated = repeatedEdgeLines(lines)
        // A running header is kept where it first appears: on page 1 it is often the only
        // place a diarienummer or the sender stands.
        var seen: Set<String> = []
        return lines.map { pageLines in
            var firstOnThisPage: Set<String> = []
            let kept = pageLines.filter { line in
                if isPageNumberLine(line) { return false }
                let key = edgeKey(line)
                guard !key.isEmpty, repeated.contains(key) else { return true }
                if !seen.contains(key) || firstOnThisPage.contains(key) {
                    firstOnThisPage.insert(key)
                    return true
                }
                return false
            }
            seen.formUnion(firstOnThisPage)
            return joinHyphenation(kept).joined(separator: "\n")
        }
    }

    /// "Sida 3 (16)", "Sida 3 av 16", "3 (16)", "- 3 -": page numbering, never body text.
    static func isPageNumberLine(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        return t.wholeMatch(of: /(?i)(sida\s+)?\d{1,4}\s*(\(\s*\d{1,4}\s*\)|av\s+\d{1,4})/) != nil
            || t.wholeMatch(of: /[-–]\s*\d{1,4}\s*[-–]/) != nil
    }

    /// Lines normalised so "Sida 2 (5)" and "Sida 3 (5)" compare equal.
    static func edgeKey(_ line: String) -> String {
        line.trimmingCharacters(in: .whitespaces).replacing(/\d+/, with: "#")
    }

    /// Lines among the first or last three non-empty lines of a page that recur on at least
    /// half the pages (and at least two): headers and footers.
    static func repeatedEdgeLines(_ pages: [[String]]) -> Set<String> {
        guard pages.count >= 2 else { return [] }
        var counts: [String: Int] = [:]
        for page in pages {
            let nonEmpty = page.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            let edges = Set((nonEmpty.prefix(3) + nonEmpty.suffix(3)).map(edgeKey))
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
        let head = line.trimmingCharacters(in: .whitespaces)
        guard head.hasSuffix("-"), head.count >= 3 else { return nil }
        let beforeHyphen = head.dropLast().last!
        guard beforeHyphen.isLetter, beforeHyphen.isLowercase else { return nil }
        let tail = next.trimmingCharacters(in: .whitespaces)
        guard let first = tail.first, first.isLetter, first.isLowercase else { return nil }
        let nextWord = String(tail.prefix { !$0.isWhitespace })
        if keepHyphenBefore.contains(nextWord) { return nil }
        // Keep the rest of the next line on this one so the word stays whole.
        return String(head.dropLast()) + tail
    }
}
