/// Counting without a trip through Foundation or the grapheme breaker. Offsets in tagging are
/// UTF-16 (the currency of `NSRegularExpression`), but the text is stored as UTF-8, and on Linux
/// every `utf16.count` of a new string walks it scalar by scalar.
extension StringProtocol {
    /// The length in UTF-16 code units, read off the UTF-8 bytes: every byte that starts a
    /// scalar is one unit, and a four-byte scalar is two.
    var utf16Length: Int {
        var units = 0
        for byte in utf8 where byte & 0xC0 != 0x80 { units += byte >= 0xF0 ? 2 : 1 }
        return units
    }

    /// `count < limit`, looking at no more than `limit` characters.
    func hasFewerCharacters(than limit: Int) -> Bool {
        utf8.count < limit || index(startIndex, offsetBy: limit, limitedBy: endIndex) == nil
    }
}
