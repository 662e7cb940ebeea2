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

    func extract(from doc: TextDocument) -> [Found] {
        let text = doc.text
        var found: [Found] = []
        func add(_ m: NSTextCheckingResult, group: Int, _ authority: Diarienummer.Authority) {
            let r = m.range(at: group)
            guard !found.contains(where: { NSIntersectionRange($0.range, r).length > 0 }) else { return }
            found.append(Found(diarienummer: Diarienummer(value: Self.clean(text.sub(r)), authority: authority), range: r))
        }
        for m in Self.ivoPlan.matches(in: text) { add(m, group: 1, .ivo) }
        let top = text.sub(NSRange(location: 0, length: min(2000, text.utf16.count)))
        let ivoDocument = Self.ivoNearby.contains(top)
        for m in Self.bareSerialYear.matches(in: text) {
            let before = text.sub(NSRange(location: max(0, m.range.location - 200), length: min(200, m.range.location)))
            add(m, group: 1, ivoDocument || Self.ivoNearby.contains(before) || Self.ivoNearby.contains(text.sub(m.range)) ? .ivo : .other)
        }
        for m in Self.municipal.matches(in: text) {
            let board = text.sub(m.range(at: 1)), year = text.sub(m.range(at: 2)), serial = text.sub(m.range(at: 4))
            if Self.notBoards.contains(board.uppercased()) { continue }
            // "HT 2021-2022" style year spans are not case numbers.
            if text.sub(m.range(at: 3)) == "-", serial.count == 4, let y = Int(year), let s = Int(serial), s == y || s == y + 1 { continue }
            add(m, group: 0, .municipal)
        }
        for m in Self.bareYearSerial.matches(in: text) { add(m, group: 1, .municipal) }
        for m in Self.jo.matches(in: text) + Self.labelledOther.matches(in: text) { add(m, group: 1, .other) }
        for m in Self.lansstyrelse.matches(in: text) { add(m, group: 1, .other) }
        for m in Self.court.matches(in: text) { add(m, group: 1, .other) }
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
