/// Whitespace trimming without Foundation's `trimmingCharacters(in:)`, which on Linux copies
/// the whole string to UTF-16 on every call: that was a tenth of an extraction worker's time.
/// The sets are Foundation's: `.whitespacesAndNewlines` is Unicode's White_Space property,
/// `.whitespaces` its space separators and tab; both also hold the zero-width space.
extension String {
    /// As `trimmingCharacters(in: .whitespacesAndNewlines)`.
    var trimmingWhitespace: String { trimmed(Self.isWhitespace) }

    /// As `trimmingCharacters(in: .whitespaces)`.
    var trimmingSpaces: String { trimmed { $0 == "\t" || $0 == "\u{200B}" || $0.properties.generalCategory == .spaceSeparator } }

    /// Fewer than `limit` characters once trimmed as `trimmingWhitespace` does, without copying
    /// the text or counting past `limit`.
    func hasFewerNonBlankCharacters(than limit: Int) -> Bool {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !Self.isWhitespace($0) }) else { return limit > 0 }
        let last = scalars.lastIndex(where: { !Self.isWhitespace($0) })!
        let trimmed = self[first...last]
        return trimmed.index(trimmed.startIndex, offsetBy: limit, limitedBy: trimmed.endIndex) == nil
    }

    /// Nothing but whitespace (or nothing at all).
    var isBlank: Bool { unicodeScalars.allSatisfy(Self.isWhitespace) }

    private static func isWhitespace(_ c: Unicode.Scalar) -> Bool { c.properties.isWhitespace || c == "\u{200B}" }

    private func trimmed(_ isSpace: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return String(scalars[first...last])
    }
}
