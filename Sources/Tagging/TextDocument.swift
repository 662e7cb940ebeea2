import Foundation

/// A document's text prepared once for every extractor: normalised, with page boundaries,
/// logical lines and statements.
///
/// Normalisation keeps what PDF, Word and Markdown-ish text have in common: NFC, plain spaces,
/// `\n` line ends, no HTML tags or `**`/`#` markup. PDF text breaks a sentence over several lines
/// and a Word export keeps it on one, so the extractors never rely on physical lines; they use
/// `lines` (physical lines joined where the next one continues a sentence) and `statements`.
struct TextDocument {
    /// The normalised text of all pages, pages separated by a blank line.
    let text: String
    /// UTF-16 offset where each page starts in `text`.
    let pageStarts: [Int]
    /// Logical lines: a paragraph, heading, bullet item or table row.
    let lines: [Line]
    /// Sentences within logical lines: the unit in which brister are judged.
    let statements: [Line]
    /// Every word of `text`, for the phrase sets' quick rejection.
    let words: WordSet

    /// A span of text: a logical line or a statement.
    struct Line {
        var text: String
        /// UTF-16 offset of the first character in `TextDocument.text`.
        var offset: Int
        /// Starts with a bullet marker (•, -, ▪, 1.) or is a table row.
        var isItem: Bool
        /// Short and without a final full stop: a heading or a label.
        var isHeadingLike: Bool
        /// Index of the logical line a statement belongs to.
        var lineIndex: Int
    }

    init(pages: [String]) {
        var text = ""
        var starts: [Int] = []
        for page in pages {
            if !text.isEmpty { text += "\n\n" }
            starts.append(text.utf16.count)
            text += Self.normalise(page)
        }
        self.text = text
        self.pageStarts = starts.isEmpty ? [0] : starts
        self.lines = Self.logicalLines(of: text)
        self.statements = Self.sentences(of: lines)
        self.words = WordSet(text, positions: true)
    }

    /// The part of `text` a logical line was made from: from its start to the next line's.
    /// Every word of the line, and of its statements, stands in this span.
    func span(ofLine index: Int) -> Range<Int> {
        lines[index].offset..<(index + 1 < lines.count ? lines[index + 1].offset : text.utf16.count)
    }

    /// 1-based page of a UTF-16 offset.
    func page(at offset: Int) -> Int {
        var page = 1
        for (i, start) in pageStarts.enumerated() where start <= offset { page = i + 1 }
        return page
    }

    /// About `width` characters either side of a range, on one line, for evidence.
    func excerpt(_ range: NSRange, width: Int = 60) -> String {
        let length = text.utf16.count
        let start = max(0, range.location - width)
        let end = min(length, range.location + range.length + width)
        var s = text.sub(NSRange(location: start, length: end - start)).collapsedWhitespace
        if start > 0, let space = s.firstIndex(of: " ") { s = "…" + s[s.index(after: space)...] }
        if end < length, let space = s.lastIndex(of: " ") { s = s[..<space] + "…" }
        return s
    }

    // MARK: - Normalisation

    private static let htmlBreak = Pattern("</?(?:p|li|ul|ol|tr|br|div|h[1-6])\\b[^>\\n]*>")
    private static let htmlTag = Pattern("</?[a-z][a-z0-9]*\\b[^>\\n]*>")
    private static let headingMarks = Pattern("^[ \\t]*#{1,6}[ \\t]+")
    private static let separatorLine = Pattern("^[ \\t]*[-=_]{3,}[\\s|-]*$")

    static func normalise(_ raw: String) -> String {
        // Every step below is a pass through NSString or ICU: run only those the text needs.
        // Below U+0300 (where combining marks begin) every text is already in NFC; above, most
        // texts hold only dashes, bullets and quotes, which the stdlib's quick check passes.
        var s = needsNFC(raw) ? raw.precomposedStringWithCanonicalMapping : raw
        var bytes = Array(s.utf8)
        var changed = false
        if let mapped = mappingBreaksAndSpaces(bytes) { bytes = mapped; changed = true }
        // Markdown emphasis, after the mapping (a soft hyphen removed may leave one behind).
        for mark: UInt8 in [0x2A, 0x5F] {  // ** then __
            if let removed = removingPairs(of: mark, from: bytes) { bytes = removed; changed = true }
        }
        if changed { s = String(decoding: bytes, as: UTF8.self) }
        func has(_ needle: String) -> Bool { Self.contains(bytes, needle) }
        if has("<") {
            s = replace(htmlBreak, in: s, with: "\n")
            s = replace(htmlTag, in: s, with: "")
        }
        if has("#") { s = replace(headingMarks, in: s, with: "") }
        if has("---") || has("===") || has("___") { s = replace(separatorLine, in: s, with: "") }
        return s
    }

    /// Line ends to `\n` (CR LF, CR, form feed), no-break and figure spaces to spaces, soft
    /// hyphens out, non-breaking hyphens to `-`; in one pass over the bytes (Foundation's
    /// replacingOccurrences cost two million instructions a call). Nil when there is nothing to do.
    private static func mappingBreaksAndSpaces(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.contains(where: { $0 == 0x0D || $0 == 0x0C || $0 == 0xC2 || $0 == 0xE2 }) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var changed = false
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            let next = i + 1 < n ? bytes[i + 1] : 0
            let third = i + 2 < n ? bytes[i + 2] : 0
            switch b {
            case 0x0D:  // CR LF or a lone CR
                out.append(0x0A)
                i += next == 0x0A ? 2 : 1
                changed = true
            case 0x0C:  // form feed
                out.append(0x0A)
                i += 1
                changed = true
            case 0xC2 where next == 0xA0:  // U+00A0 no-break space
                out.append(0x20)
                i += 2
                changed = true
            case 0xC2 where next == 0xAD:  // U+00AD soft hyphen
                i += 2
                changed = true
            case 0xE2 where next == 0x80 && (third == 0xAF || third == 0x87):  // U+202F, U+2007
                out.append(0x20)
                i += 3
                changed = true
            case 0xE2 where next == 0x80 && third == 0x91:  // U+2011 non-breaking hyphen
                out.append(0x2D)
                i += 3
                changed = true
            default:
                out.append(b)
                i += 1
            }
        }
        return changed ? out : nil
    }

    /// `bytes` without each non-overlapping pair of `mark` (left to right: `***` leaves `*`).
    private static func removingPairs(of mark: UInt8, from bytes: [UInt8]) -> [UInt8]? {
        guard contains(bytes, String(decoding: [mark, mark], as: UTF8.self)) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == mark && i + 1 < bytes.count && bytes[i + 1] == mark {
                i += 2
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }

    private static func needsNFC(_ text: String) -> Bool {
        guard text.utf8.contains(where: { $0 >= 0xCC }) else { return false }  // U+0300 is CC 80
        var span = text.utf8Span
        return !span.checkForNFC(quickCheck: true)
    }

    /// Whether `needle` occurs in `haystack`: memchr to each place its first byte stands
    /// (vectorised; glibc's memmem is not exported to Swift), then memcmp.
    private static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { n in
            haystack.withUnsafeBufferPointer { h in
                guard let first = n.first, n.count <= h.count else { return false }
                let base = h.baseAddress!
                var from = 0
                let last = h.count - n.count
                while from <= last, let hit = memchr(base + from, Int32(first), last - from + 1) {
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + at, n.baseAddress!, n.count) == 0 { return true }
                    from = at + 1
                }
                return false
            }
        }
    }

    private static func replace(_ p: Pattern, in s: String, with template: String) -> String {
        p.regex.stringByReplacingMatches(in: s, range: NSRange(location: 0, length: s.utf16.count),
                                         withTemplate: template)
    }

    // MARK: - Lines and statements

    private static let bullet = Pattern("^[\\s]*(?:[•▪●◦·*–—-]|\\d{1,2}[.)])\\s+")

    /// Joins physical lines into logical ones: a line continues the previous one when the
    /// previous has no final punctuation and this one starts in lower case (PDF line wrapping).
    /// Some extractions put a blank line after every line, so one blank line may sit inside a
    /// wrapped sentence; two or more always end the paragraph.
    static func logicalLines(of text: String) -> [Line] {
        var result: [Line] = []
        var offset = 0
        var current: Line?
        var blankRun = 0
        var currentHasTab = false
        // Split on the byte: "\n" is always a grapheme of its own, so this is the Character split.
        for physicalBytes in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            let physical = Substring(physicalBytes)
            let physicalLength = physical.utf16Length
            defer { offset += physicalLength + 1 }
            let trimmed = trimSpaces(physical)
            if trimmed.isEmpty {
                blankRun += 1
                continue
            }
            let isTableRow = trimmed.hasPrefix("|") || physical.containsByte(0x09)
            let isBullet = Self.mayStartBullet(trimmed) && bullet.contains(trimmed)
            // Lines joined on never hold a tab (they would be table rows), so the line holds one
            // only if its first part did: asked once, not again of the growing text.
            if var c = current, !isTableRow, !isBullet, !currentHasTab, blankRun <= 1,
               continues(c.text, with: trimmed, acrossBlank: blankRun == 1) {
                c.text += " " + trimmed
                current = c
                blankRun = 0
                continue
            }
            blankRun = 0
            if let c = current { result.append(c) }
            let lead = physicalLength - physical.drop(while: { $0 == " " || $0 == "\t" }).utf16Length
            current = Line(text: trimmed, offset: offset + lead, isItem: isBullet || isTableRow,
                           isHeadingLike: false, lineIndex: result.count)
            currentHasTab = isTableRow && trimmed.containsByte(0x09)
        }
        if let c = current { result.append(c) }
        for i in result.indices {
            let t = result[i].text
            result[i].isHeadingLike = t.hasFewerCharacters(than: 140) && !t.hasSuffix(".") && !t.containsByte(0x09)
            result[i].lineIndex = i
        }
        return result
    }

    /// Whether a line starts as `bullet` needs (saves an ICU run on most lines).
    private static func mayStartBullet(_ line: String) -> Bool {
        guard let first = line.unicodeScalars.first else { return false }
        return "•▪●◦·*–—-".unicodeScalars.contains(first) || ("0"..."9").contains(first)
    }

    private static func continues(_ previous: String, with next: String, acrossBlank: Bool) -> Bool {
        guard let last = previous.last, let first = next.first else { return false }
        if ".!?:;".contains(last) { return false }
        if acrossBlank { return first.isLowercase }
        return first.isLowercase || last == "," || (last == "-" && first.isLetter) || first == "("
    }

    /// Splits logical lines into sentences: a sentence ends at . ! or ? followed by whitespace,
    /// then an upper-case letter (A–Z, Å, Ä, Ö) or a bullet, optionally after a quote or "(".
    static func sentences(of lines: [Line]) -> [Line] {
        var result: [Line] = []
        for line in lines {
            // Most lines are one sentence: only a full stop, ! or ? can end one early.
            guard line.text.utf8.contains(where: { $0 == 0x2E || $0 == 0x21 || $0 == 0x3F }) else {
                append(Substring(line.text), at: 0, of: line, to: &result)
                continue
            }
            var start = 0
            var startIndex = line.text.startIndex
            for (end, endIndex) in sentenceEnds(in: line.text) {
                append(line.text[startIndex..<endIndex], at: start, of: line, to: &result)
                start = end
                startIndex = endIndex
            }
            append(line.text[startIndex...], at: start, of: line, to: &result)
        }
        return result
    }

    /// Where sentences end in `text`: UTF-16 offset and index just after each . ! ? that is
    /// followed by whitespace, an optional `"`, `”` or `(`, and A–Z, Å, Ä, Ö or •.
    private static func sentenceEnds(in text: String) -> [(Int, String.Index)] {
        let scalars = text.unicodeScalars
        var ends: [(Int, String.Index)] = []
        var offset = 0
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let c = scalars[i]
            let next = scalars.index(after: i)
            offset += c.value > 0xFFFF ? 2 : 1
            if c == "." || c == "!" || c == "?" {
                var j = next
                while j < scalars.endIndex && scalars[j].properties.isWhitespace { j = scalars.index(after: j) }
                if j > next && j < scalars.endIndex {
                    if scalars[j] == "\"" || scalars[j] == "”" || scalars[j] == "(" { j = scalars.index(after: j) }
                    if j < scalars.endIndex, startsSentence(scalars[j]) { ends.append((offset, next)) }
                }
            }
            i = next
        }
        return ends
    }

    private static func startsSentence(_ c: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(c) || c == "Å" || c == "Ä" || c == "Ö" || c == "•"
    }

    /// Spaces and tabs trimmed from both ends (what `trimmingCharacters(in: .whitespaces)` does,
    /// without a trip through NSString for every line).
    static func trimSpaces(_ s: Substring) -> String {
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == "\t" || c.properties.generalCategory == .spaceSeparator }
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return String(scalars[first...last])
    }

    private static func append(_ raw: Substring, at start: Int, of line: Line, to result: inout [Line]) {
        let lead = raw.utf16Length - raw.drop(while: { $0.isWhitespace }).utf16Length
        let t = trimSpaces(raw)
        guard !t.isEmpty else { return }
        result.append(Line(text: t, offset: line.offset + start + lead, isItem: line.isItem,
                           isHeadingLike: line.isHeadingLike, lineIndex: line.lineIndex))
    }
}
