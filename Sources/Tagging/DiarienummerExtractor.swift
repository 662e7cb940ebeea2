import Foundation

/// Finds case numbers (diarienummer) and the authority that issued each.
///
/// The shapes are structural, not phrasings, so they live here rather than in Domain/:
/// IVO `3.5.1-08071/2022(-1)` and the bare `30010/2024` after a dnr label; municipal
/// `SN 2022/0154.11.03`, `BUN-2019-0412`; other authorities' `JO 1234-2019`,
/// länsstyrelsen `701-12345-2010`, courts' `mål nr 1234-19`. Statute numbers (`SOSFS 2012:11`)
/// use a colon and never match; phone numbers and postcodes have the wrong shape.
struct DiarienummerExtractor {
    struct Found {
        var diarienummer: Diarienummer
        var range: NSRange
    }

    /// A line break that PDF extraction put inside a number.
    private static let br = "(?:[ \\t]*\\n[ \\t]*){0,2}"
    private static let year = "(?:19|20)\\d{2}"
    private static let label = "(?:diarienummer|diarienr|diarienumr|dnr|d\\.nr|ärendenummer|ärendenr|beteckning)\\.?[ \\t]*:?[ \\t]*(?:\\n[ \\t]*)?"

    private static let ivoPlan = Pattern("(?<![\\d.])(\\d{1,2}(?:\\.\\d{1,2}){1,3}-\(br)\\d{3,6}/\(br)\(year)(?:-\\d{1,3})?)(?![\\d/])")
    private static let bareSerialYear = Pattern("\(label)(\\d{3,6}/\(br)\(year)(?:-\\d{1,3})?)(?![\\d/-])")
    private static let bareYearSerial = Pattern("\(label)(\(year)/\\d{1,5})(?![\\d/])")
    private static let municipal = Pattern("(?<![\\p{L}\\d/-])([A-ZÅÄÖ]{2,6})(?:[ \\t]?|-)(\(year))([/-])(\\d{1,5})((?:\\.\\d{1,3}){0,3})(?![\\d/])",
                                           caseInsensitive: false)
    private static let labelledOther = Pattern("\(label)(\\d{1,5}-\(year))(?![\\d-])")
    private static let jo = Pattern("\\bJO(?::s)?\\b[^\\n]{0,40}?(?<![\\d-])(\\d{1,5}-\(year))(?![\\d-])", caseInsensitive: false)
    private static let lansstyrelse = Pattern("(?<![\\d-])(\\d{3}-\\d{3,6}-\(year))(?![\\d-])")
    private static let court = Pattern("(?:mål\\s*nr|målnummer)\\.?[ \\t]*:?[ \\t]*([A-ZÅÄÖ]{0,2}[ \\t]?\\d{1,6}-\\d{2,4})(?![\\d-])")
    private static let ivoNearby = Pattern("\\bIVO\\b|inspektionen för vård och omsorg")
    /// Upper-case words before a year that are statutes or terms, not boards.
    private static let notBoards: Set<String> = ["SFS", "SOSFS", "HSLF", "FS", "SOL", "LVU", "LVM", "LSS", "HSL", "OSL",
                                                 "IVO", "HT", "VT", "ÅR", "SOU", "PROP", "DS", "NJA", "RÅ", "HFD"]

    func extract(from doc: TextDocument) -> [Found] { extract(from: doc, wholeTextScans: false) }

    /// `wholeTextScans` runs every pattern over the whole text: the plain form of the same
    /// search, kept as the reference the tests hold the candidate starts to.
    func extract(from doc: TextDocument, wholeTextScans: Bool) -> [Found] {
        let text = doc.text
        // Each whole-text NSRegularExpression scan copies the text to UTF-16 first; eight of them
        // were a twentieth of the import. Every match begins at a place one pass over the text
        // can find (a label word, "JO", "mål", or worked back from a year), so the patterns are
        // tried only there.
        let at = wholeTextScans ? nil : CandidateStarts(text)
        func matches(_ p: Pattern, _ starts: KeyPath<CandidateStarts, [Int]>) -> [NSTextCheckingResult] {
            guard let at else { return p.matches(in: text) }
            return p.matches(in: text, at: at[keyPath: starts])
        }
        var found: [Found] = []
        func add(_ m: NSTextCheckingResult, group: Int, _ authority: Diarienummer.Authority) {
            let r = m.range(at: group)
            guard !found.contains(where: { NSIntersectionRange($0.range, r).length > 0 }) else { return }
            found.append(Found(diarienummer: Diarienummer(value: Self.clean(text.sub(r)), authority: authority), range: r))
        }
        for m in matches(Self.ivoPlan, \.ivoPlan) { add(m, group: 1, .ivo) }
        let top = text.sub(NSRange(location: 0, length: min(2000, text.utf16.count)))
        let ivoDocument = Self.ivoNearby.contains(top)
        for m in matches(Self.bareSerialYear, \.label) {
            let before = text.sub(NSRange(location: max(0, m.range.location - 200), length: min(200, m.range.location)))
            add(m, group: 1, ivoDocument || Self.ivoNearby.contains(before) || Self.ivoNearby.contains(text.sub(m.range)) ? .ivo : .other)
        }
        for m in matches(Self.municipal, \.municipal) {
            let board = text.sub(m.range(at: 1)), year = text.sub(m.range(at: 2)), serial = text.sub(m.range(at: 4))
            if Self.notBoards.contains(board.uppercased()) { continue }
            // "HT 2021-2022" style year spans are not case numbers.
            if text.sub(m.range(at: 3)) == "-", serial.count == 4, let y = Int(year), let s = Int(serial), s == y || s == y + 1 { continue }
            add(m, group: 0, .municipal)
        }
        for m in matches(Self.bareYearSerial, \.label) { add(m, group: 1, .municipal) }
        for m in matches(Self.jo, \.jo) + matches(Self.labelledOther, \.label) { add(m, group: 1, .other) }
        for m in matches(Self.lansstyrelse, \.lansstyrelse) { add(m, group: 1, .other) }
        for m in matches(Self.court, \.court) { add(m, group: 1, .other) }
        found.sort { $0.range.location < $1.range.location }
        var seen: Set<Diarienummer> = []
        return found.filter { seen.insert($0.diarienummer).inserted }
    }

    /// The value as written, with line breaks that PDF extraction put inside it removed.
    static func clean(_ raw: String) -> String {
        var out = ""
        var pendingBreak = false
        for ch in raw {
            if ch == "\n" || ch == " " || ch == "\t" {
                if ch == "\n" { pendingBreak = true } else if !pendingBreak { out.append(" ") }
                continue
            }
            if pendingBreak {
                while out.hasSuffix(" ") { out.removeLast() }
                if let last = out.last, !"/-.".contains(last) { out.append(" ") }
                pendingBreak = false
            }
            out.append(ch)
        }
        return out.collapsedWhitespace
    }
}

/// Where each pattern of `DiarienummerExtractor` can begin a match, found in one pass over the
/// text's UTF-16 units (sorted offsets). A superset is harmless, the pattern decides; a missing
/// start would lose a number, so each rule below follows its pattern's shape exactly.
private struct CandidateStarts {
    /// A label word: diarienummer/diarienr/diarienumr, dnr, d.nr, ärendenummer/ärendenr, beteckning.
    var label: [Int] = []
    /// "JO" (the pattern is case-sensitive and checks the word boundary itself).
    var jo: [Int] = []
    /// "mål" in any case (mål nr, målnummer).
    var court: [Int] = []
    /// The digit-and-dot run before `-serial/year` (`3.5.1-08071/2022`).
    var ivoPlan: [Int] = []
    /// The capital letters before a year (`SN 2022/…`, `BUN-2019-…`).
    var municipal: [Int] = []
    /// The first digits of `701-12345-2010`.
    var lansstyrelse: [Int] = []

    init(_ text: String) {
        let u = UTF16Text.of(text).units  // the copy the patterns run on, made once per text
        let n = u.count
        func isDigit(_ c: UInt16) -> Bool { c >= 0x30 && c <= 0x39 }
        func lower(_ c: UInt16) -> UInt16 {
            if c >= 0x41 && c <= 0x5A { return c + 0x20 }
            if c >= 0xC0 && c <= 0xDE && c != 0xD7 { return c + 0x20 }  // Å Ä Ö and the rest of Latin-1
            return c
        }
        func has(_ word: [UInt16], at i: Int) -> Bool {
            guard i + word.count <= n else { return false }
            for (k, c) in word.enumerated() where lower(u[i + k]) != c { return false }
            return true
        }
        func isCapital(_ c: UInt16) -> Bool { (c >= 0x41 && c <= 0x5A) || c == 0xC5 || c == 0xC4 || c == 0xD6 }
        func isBlank(_ c: UInt16) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A }
        var ivoPlan: Set<Int> = [], municipal: Set<Int> = [], lansstyrelse: Set<Int> = []
        var i = 0
        while i < n {
            let c = u[i]
            switch lower(c) {
            case 0x64:  // d
                if has(Self.diarien, at: i) || has(Self.dnr, at: i) || has(Self.dDotNr, at: i) { label.append(i) }
            case 0xE4:  // ä
                if has(Self.arenden, at: i) { label.append(i) }
            case 0x62:  // b
                if has(Self.beteckning, at: i) { label.append(i) }
            case 0x6D:  // m
                if has(Self.mal, at: i) { court.append(i) }
            default: break
            }
            if c == 0x4A, i + 1 < n, u[i + 1] == 0x4F { jo.append(i) }
            // A year, (19|20)dd: work back from it to where each year-bearing pattern would start.
            if i + 3 < n, (c == 0x31 && u[i + 1] == 0x39) || (c == 0x32 && u[i + 1] == 0x30), isDigit(u[i + 2]), isDigit(u[i + 3]), i > 0 {
                // SN 2022/…, BUN-2019-…, KS2019/…: an optional space, tab or hyphen, then capitals.
                var p = i - 1
                if u[p] == 0x20 || u[p] == 0x09 || u[p] == 0x2D { p -= 1 }
                var q = p
                while q >= 0 && isCapital(u[q]) { q -= 1 }
                if p - q >= 2 { municipal.insert(q + 1) }
                // …-08071/2022 (line breaks allowed around the serial): digits and dots before the hyphen.
                p = i - 1
                while p >= 0 && isBlank(u[p]) { p -= 1 }
                if p >= 0 && u[p] == 0x2F {
                    p -= 1
                    while p >= 0 && isDigit(u[p]) { p -= 1 }
                    while p >= 0 && isBlank(u[p]) { p -= 1 }
                    if p >= 1 && u[p] == 0x2D {
                        q = p - 1
                        while q >= 0 && (isDigit(u[q]) || u[q] == 0x2E) { q -= 1 }
                        if q < p - 1 { ivoPlan.insert(q + 1) }
                    }
                }
                // 701-12345-2010: digits, hyphen, digits, hyphen, year.
                p = i - 1
                if u[p] == 0x2D {
                    p -= 1
                    while p >= 0 && isDigit(u[p]) { p -= 1 }
                    if p >= 1 && u[p] == 0x2D {
                        q = p - 1
                        while q >= 0 && isDigit(u[q]) { q -= 1 }
                        if q < p - 1 { lansstyrelse.insert(q + 1) }
                    }
                }
            }
            i += 1
        }
        self.ivoPlan = ivoPlan.sorted()
        self.municipal = municipal.sorted()
        self.lansstyrelse = lansstyrelse.sorted()
    }

    private static let diarien = Array("diarien".utf16), dnr = Array("dnr".utf16), dDotNr = Array("d.nr".utf16)
    private static let arenden = Array("ärenden".utf16), beteckning = Array("beteckning".utf16), mal = Array("mål".utf16)
}
