import Foundation

/// Finds references to laws and statutes and normalises them.
///
/// Normal form: law first, then chapter and section: `SoL 6 kap. 8 §`, `LVU 13 §`,
/// `SoL 4 kap. 1 a §`. `6 kap. 8 § SoL`, `SoL 6 kap 8 §`, `SOL 6 kap 6 §` and `SoL 6:8` all
/// become `SoL 6 kap. 8 §`. A range (`14 kap. 6-7 §§ SoL`) becomes one reference per section
/// (`SoL 14 kap. 6 §`, `SoL 14 kap. 7 §`) so that a search for either finds the document;
/// ranges longer than ten sections keep only their ends. A list sharing one law
/// (`7 kap. 6 § och 14 kap. 1 § socialtjänstlagen`) gives each item that law. Statute
/// collections (`SOSFS 2012:11`, `HSLF-FS 2017:40`, `SFS 2001:453`) are kept as written.
/// Laws and their spelled-out names come from Domain/lagar.json.
struct LegalRefExtractor {
    struct Found {
        var ref: String
        var range: NSRange
    }

    private let laws: [(id: String, pattern: Pattern)]
    private let lawFirst: Pattern
    private let lawFirstColon: Pattern
    private let listThenLaw: Pattern
    private let regulation: Pattern
    /// First words of the law names and statute collections: where a reference can start.
    private let lawStarts: [WordSet.Key]
    private let regulationStarts: [WordSet.Key]

    private static let section = "(\\d{1,3}(?:\\s?[a-h](?![\\p{L}]))?)"
    private static let item = "(?:(\\d{1,2})\\s*kap\\.?\\s*)?\(section)(?:\\s*[-–]\\s*\(section))?\\s*§{1,2}"
        + "(?:\\s*(?:första|andra|tredje|fjärde|femte|sjätte|sjunde|\\d)\\s*(?:st\\.|stycket))?(?:\\s*\\d{1,2}(?:\\s*p(?:\\.|unkten)?)?(?![\\d:]))?"
    private static let itemPattern = Pattern(item)

    init(lagar: DomainFiles.Lagar) {
        laws = lagar.laws.map { law in (law.id, Pattern("^(?:" + law.names.map(PhraseSet.regex(for:)).joined(separator: "|") + ")$")) }
        let anyLaw = "(" + lagar.laws.flatMap(\.names).map(PhraseSet.regex(for:)).joined(separator: "|") + ")"
        // The same shape as `item`, without capture groups, for the whole list.
        let item = Self.item.replacingOccurrences(of: "(\\d", with: "(?:\\d")
        lawFirst = Pattern("\(anyLaw)\\s+(?:(\\d{1,2})\\s*kap\\.?\\s*)?\(Self.section)(?:\\s*[-–]\\s*\(Self.section))?\\s*§")
        lawFirstColon = Pattern("\(anyLaw)\\s+(\\d{1,2}):(\\d{1,3})(?![\\d:])")
        listThenLaw = Pattern("(?<![\\d§])(\(item)(?:\\s*(?:,|och|samt)\\s*\(item))*)\\s*(?:i\\s+)?\(anyLaw)")
        let regs = lagar.regulations.map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "|")
        regulation = Pattern("(?<![\\p{L}-])(\(regs))\\s*((?:19|20)\\d{2}):(\\d{1,4})(?!\\d)", caseInsensitive: false)
        lawStarts = lagar.laws.flatMap(\.names).compactMap { WordSet.keys(ofPhrase: $0).first }
        regulationStarts = lagar.regulations.compactMap { WordSet.keys(ofPhrase: $0).first }
    }

    /// Where words start that match one of `keys`, in text order.
    private static func starts(of keys: [WordSet.Key], in words: WordSet) -> [Int] {
        var forms: Set<String> = []
        for key in keys {
            if key.isPrefix { forms.formUnion(words.words(withPrefix: key.word)) } else if words.contains(key.word) { forms.insert(key.word) }
        }
        return forms.flatMap { words.offsets[$0] ?? [] }.sorted()
    }

    /// Digits not preceded by a digit or §: where a list of sections can start.
    private static func sectionStarts(in text: String) -> [Int] {
        var result: [Int] = []
        var previous: UInt16 = 0
        for (i, unit) in text.utf16.enumerated() {
            if unit >= 0x30 && unit <= 0x39 && !(previous >= 0x30 && previous <= 0x39) && previous != 0xA7 { result.append(i) }
            previous = unit
        }
        return result
    }

    func extract(from doc: TextDocument) -> [Found] {
        let text = doc.text
        // Every match begins at a law name, a statute collection or a section number, so the
        // patterns are tried only there (whole-text ICU scans were a tenth of the import time).
        let lawAt = Self.starts(of: lawStarts, in: doc.words)
        var found: [Found] = []
        var claimed: [NSRange] = []
        func free(_ r: NSRange) -> Bool { !claimed.contains { NSIntersectionRange($0, r).length > 0 } }
        for m in regulation.matches(in: text, at: Self.starts(of: regulationStarts, in: doc.words)) {
            found.append(Found(ref: "\(text.sub(m.range(at: 1))) \(text.sub(m.range(at: 2))):\(text.sub(m.range(at: 3)))", range: m.range))
            claimed.append(m.range)
        }
        for m in lawFirst.matches(in: text, at: lawAt) where free(m.range) {
            guard let law = lawId(m.group(1, in: text)) else { continue }
            for ref in Self.refs(law: law, chapter: m.group(2, in: text), from: m.group(3, in: text), to: m.group(4, in: text)) {
                found.append(Found(ref: ref, range: m.range))
            }
            claimed.append(m.range)
        }
        for m in lawFirstColon.matches(in: text, at: lawAt) where free(m.range) {
            guard let law = lawId(m.group(1, in: text)) else { continue }
            found.append(Found(ref: "\(law) \(m.group(2, in: text)!) kap. \(m.group(3, in: text)!) §", range: m.range))
            claimed.append(m.range)
        }
        let sections = lawAt.isEmpty ? [] : Self.sectionStarts(in: text)
        for m in listThenLaw.matches(in: text, at: sections) where free(m.range) {
            guard let law = lawId(m.group(2, in: text)) else { continue }
            let list = m.group(1, in: text) ?? ""
            var chapter: String?
            for item in Self.itemPattern.matches(in: list) {
                chapter = item.group(1, in: list) ?? chapter
                for ref in Self.refs(law: law, chapter: chapter, from: item.group(2, in: list), to: item.group(3, in: list)) {
                    found.append(Found(ref: ref, range: m.range))
                }
            }
        }
        return found.sorted { $0.range.location < $1.range.location }
    }

    private func lawId(_ written: String?) -> String? {
        guard let w = written?.collapsedWhitespace else { return nil }
        return laws.first { $0.pattern.contains(w) }?.id
    }

    /// One normalised reference per section of `from`...`to`.
    static func refs(law: String, chapter: String?, from: String?, to: String?) -> [String] {
        guard let from = from.map(normaliseSection) else { return [] }
        let prefix = chapter.map { "\(law) \($0) kap. " } ?? "\(law) "
        var sections = [from]
        if let to = to.map(normaliseSection), let a = Int(from), let b = Int(to), b > a {
            sections = b - a <= 10 ? (a...b).map(String.init) : [from, to]
        }
        return sections.map { prefix + $0 + " §" }
    }

    /// `1a` and `1 a` both become `1 a`.
    private static func normaliseSection(_ s: String) -> String {
        let digits = s.prefix { $0.isNumber }
        let letter = s.dropFirst(digits.count).trimmingCharacters(in: .whitespaces).lowercased()
        return letter.isEmpty ? String(digits) : "\(digits) \(letter)"
    }
}
