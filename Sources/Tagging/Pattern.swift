import Foundation

/// A compiled regular expression with the few helpers the extractors need.
///
/// Offsets are UTF-16 offsets (`NSRange`), the currency of `NSRegularExpression`; every
/// extractor works on `TextDocument.text` and maps offsets back to pages through it.
struct Pattern: @unchecked Sendable {  // NSRegularExpression is immutable and thread-safe
    let regex: NSRegularExpression

    /// Patterns written in code are constants: a typo is a programming error, so `try!`.
    init(_ pattern: String, caseInsensitive: Bool = true) {
        var options: NSRegularExpression.Options = [.anchorsMatchLines]
        if caseInsensitive { options.insert(.caseInsensitive) }
        regex = try! NSRegularExpression(pattern: pattern, options: options)
    }

    func matches(in text: String, range: NSRange? = nil) -> [NSTextCheckingResult] {
        regex.matches(in: text, range: range ?? NSRange(location: 0, length: text.utf16.count))
    }

    func firstMatch(in text: String) -> NSTextCheckingResult? {
        regex.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count))
    }

    func contains(_ text: String) -> Bool { firstMatch(in: text) != nil }
}

extension String {
    /// The substring for a UTF-16 range ("" when the range is NSNotFound).
    func sub(_ range: NSRange) -> String {
        guard range.location != NSNotFound else { return "" }
        return (self as NSString).substring(with: range)
    }

    /// Runs of whitespace (line breaks included) collapsed to one space, trimmed.
    var collapsedWhitespace: String {
        split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

extension NSTextCheckingResult {
    /// The text of capture group `i`, or nil when the group did not take part.
    func group(_ i: Int, in text: String) -> String? {
        let r = range(at: i)
        return r.location == NSNotFound ? nil : text.sub(r)
    }
}
