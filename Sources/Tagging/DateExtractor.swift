import Foundation

/// Finds calendar dates (`2022-03-08`, `8 mars 2022`, `den 1 november 2024`, `2022.03.08`,
/// `2024-12-` / `20` broken over lines) and picks the document's own date.
struct DateExtractor {
    struct Found {
        var iso: String
        var range: NSRange
    }

    /// Labels such as "Datum" or "Beslutsdatum" (Domain/doctypes.json `date_labels`).
    let labels: PhraseSet

    private static let gap = "[ \\t]*(?:\\n[ \\t]*){0,2}"
    private static let iso = Pattern("(?<![\\d/.:,-])((?:19|20)\\d{2})\(gap)-\(gap)(\\d{1,2})\(gap)-\(gap)(\\d{1,2})(?![\\d/:]|-\\d)")
    private static let dotted = Pattern("(?<![\\d.])((?:19|20)\\d{2})\\.(\\d{2})\\.(\\d{2})(?![\\d.]\\d)")
    private static let months = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
                                 "september", "oktober", "november", "december"]
    private static let shortMonths = ["jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
                                      "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12]
    private static let written = Pattern("(?<![\\d.])(\\d{1,2})(?::[ae])?\\s+(" + (months + shortMonths.keys.sorted { $0.count > $1.count }).joined(separator: "|")
                                         + ")\\.?\\s+((?:19|20)\\d{2})(?!\\d)")

    /// Every valid date not inside a `claimed` range (case numbers, statute references), in order.
    func extract(from doc: TextDocument, excluding claimed: [NSRange]) -> [Found] {
        var found: [Found] = []
        let text = doc.text
        func add(_ m: NSTextCheckingResult, year: String?, month: Int?, day: String?) {
            guard let y = year.flatMap({ Int($0) }), let mo = month, let d = day.flatMap({ Int($0) }),
                  let iso = Self.isoDate(year: y, month: mo, day: d),
                  !claimed.contains(where: { NSIntersectionRange($0, m.range).length > 0 }),
                  !found.contains(where: { NSIntersectionRange($0.range, m.range).length > 0 }) else { return }
            found.append(Found(iso: iso, range: m.range))
        }
        // Every match of the three patterns begins where a run of digits begins (each starts with
        // \d not preceded by \d), so they are tried only there, not at every place of the text.
        let starts = Self.digitRunStarts(UTF16Text.of(text).units)
        for m in Self.iso.matches(in: text, at: starts) + Self.dotted.matches(in: text, at: starts) {
            add(m, year: m.group(1, in: text), month: m.group(2, in: text).flatMap { Int($0) }, day: m.group(3, in: text))
        }
        for m in Self.written.matches(in: text, at: starts) {
            let name = (m.group(2, in: text) ?? "").lowercased()
            let month = Self.months.firstIndex(of: name).map { $0 + 1 } ?? Self.shortMonths[name]
            add(m, year: m.group(3, in: text), month: month, day: m.group(1, in: text))
        }
        return found.sorted { $0.range.location < $1.range.location }
    }

    /// The document's own date: one right after a date label, else the first date.
    func documentDate(in doc: TextDocument, dates: [Found]) -> Found? {
        for line in doc.lines.prefix(60) where labels.matches(line.text) {
            let end = line.offset + line.text.utf16.count + 40
            if let d = dates.first(where: { $0.range.location >= line.offset && $0.range.location <= end }) { return d }
        }
        return dates.first
    }

    /// UTF-16 offsets where a run of decimal digits begins: any Unicode Nd character, as `\d`
    /// is to ICU.
    static func digitRunStarts(_ units: [UInt16]) -> [Int] {
        var starts: [Int] = []
        var previousWasDigit = false
        var i = 0
        while i < units.count {
            let c = units[i]
            var width = 1
            let isDigit: Bool
            if c < 0x100 {
                isDigit = c >= 0x30 && c <= 0x39  // Latin-1 has no other decimal digit
            } else if UTF16.isLeadSurrogate(c), i + 1 < units.count, UTF16.isTrailSurrogate(units[i + 1]) {
                width = 2
                let value = 0x10000 + (UInt32(c - 0xD800) << 10) + UInt32(units[i + 1] - 0xDC00)
                isDigit = Unicode.Scalar(value)?.properties.generalCategory == .decimalNumber
            } else {
                isDigit = Unicode.Scalar(c)?.properties.generalCategory == .decimalNumber
            }
            if isDigit && !previousWasDigit { starts.append(i) }
            previousWasDigit = isDigit
            i += width
        }
        return starts
    }

    static func isoDate(year: Int, month: Int, day: Int) -> String? {
        guard (1950...2100).contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
