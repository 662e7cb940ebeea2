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

    /// A match starting exactly at `location` (a scalar boundary); look-behinds still see the
    /// text before it. `length` is `text.utf16.count`.
    ///
    /// Every NSRegularExpression call copies its whole search range (the whole string, with
    /// transparent bounds) to UTF-16 first: 50 µs on a 9 kB document, however short the match.
    /// So the match runs on a window around `location`, and only a match that reaches the end of
    /// the window (where the text might have gone on matching) is tried again on the whole text.
    func match(in text: String, at location: Int, length: Int) -> NSTextCheckingResult? {
        let options: NSRegularExpression.MatchingOptions = [.anchored, .withTransparentBounds, .withoutAnchoringBounds]
        let at = String.Index(utf16Offset: location, in: text)
        let scalars = text.unicodeScalars
        let lower = scalars.index(at, offsetBy: -Self.windowBefore, limitedBy: scalars.startIndex) ?? scalars.startIndex
        let upper = scalars.index(at, offsetBy: Self.windowAfter, limitedBy: scalars.endIndex) ?? scalars.endIndex
        let window = String(scalars[lower..<upper])
        let before = text.utf16.distance(from: lower, to: at)
        let windowLength = window.utf16.count
        var found: NSTextCheckingResult?
        var hitEnd = false
        regex.enumerateMatches(in: window, options: options.union(.reportCompletion),
                               range: NSRange(location: before, length: windowLength - before)) { result, flags, stop in
            if flags.contains(.hitEnd) { hitEnd = true }
            if let result { found = result; stop.pointee = true }
        }
        guard let m = found else {
            // No match in the window: none in the text either, unless matching ran into its end.
            return hitEnd && upper != scalars.endIndex ? wholeTextMatch(in: text, at: location, length: length) : nil
        }
        if upper != scalars.endIndex && (hitEnd || NSMaxRange(m.range) > windowLength - Self.windowMargin) {
            return wholeTextMatch(in: text, at: location, length: length)
        }
        return m.adjustingRanges(offset: location - before)
    }

    /// The matches a left-to-right scan of the whole text finds, tried only at `starts` (sorted
    /// UTF-16 offsets), for patterns whose every match begins at one of them.
    func matches(in text: String, at starts: [Int]) -> [NSTextCheckingResult] {
        let length = text.utf16.count
        var result: [NSTextCheckingResult] = []
        for start in starts where result.last.map({ NSMaxRange($0.range) <= start }) ?? true {
            if let m = match(in: text, at: start, length: length) { result.append(m) }
        }
        return result
    }

    private func wholeTextMatch(in text: String, at location: Int, length: Int) -> NSTextCheckingResult? {
        regex.firstMatch(in: text, options: [.anchored, .withTransparentBounds, .withoutAnchoringBounds],
                         range: NSRange(location: location, length: length - location))
    }

    private static let windowBefore = 4, windowAfter = 400, windowMargin = 16
}

extension String {
    /// The substring for a UTF-16 range ("" when the range is NSNotFound or outside).
    /// Through Swift's UTF-16 view (indexed by breadcrumbs): `NSString.substring` copied the
    /// whole text to UTF-16 on every call, a tenth of a worker's time.
    func sub(_ range: NSRange) -> String {
        guard range.location != NSNotFound, range.location >= 0, range.length >= 0 else { return "" }
        let units = utf16
        guard let lower = units.index(units.startIndex, offsetBy: range.location, limitedBy: units.endIndex),
              let upper = units.index(lower, offsetBy: range.length, limitedBy: units.endIndex) else { return "" }
        return String(self[lower..<upper])
    }
}

extension NSTextCheckingResult {
    /// The text of capture group `i`, or nil when the group did not take part.
    func group(_ i: Int, in text: String) -> String? {
        let r = range(at: i)
        return r.location == NSNotFound ? nil : text.sub(r)
    }
}
