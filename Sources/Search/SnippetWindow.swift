import Foundation

/// The part of a document's text a hit's snippet is chosen from.
///
/// Xapian stems every word of the text it is given to pick a snippet, which for a page or
/// more of text costs more than finding the ten best matches. The best passage is almost
/// always near the first words that match, so the snippet is chosen from a window that starts
/// a little before the first occurrence of a query term (a Swedish stem is a prefix of the
/// words it stems), or from the beginning when none is found as written.
enum SnippetWindow {
    static let lead = 240
    static let length = 2_400

    /// `terms`: the query's terms; unprefixed words and `Z`-prefixed stems are looked for,
    /// field terms (upper-case prefixes) are not in the text.
    static func window(of text: String, terms: [String]) -> (text: Substring, cutBefore: Bool) {
        let bytes = Array(text.utf8)
        guard bytes.count > length else { return (text[...], false) }
        let needles = terms.compactMap { term -> [UInt8]? in
            let word = term.hasPrefix("Z") ? term.dropFirst() : Substring(term)
            guard let first = word.first, first.isLowercase || first.isNumber, word.utf8.count >= 2 else { return nil }
            return Array(word.utf8)
        }
        let lowered = foldedBytes(bytes)
        var first = lowered.count
        for needle in needles {
            if let at = firstWordStart(of: needle, in: lowered, before: first) { first = at }
        }
        if first == lowered.count { first = 0 }
        var start = max(0, first - lead)
        if start > 0 { start = bytes[start...].firstIndex(of: 0x20).map { $0 + 1 } ?? start }
        var end = min(bytes.count, start + length)
        if end < bytes.count { end = bytes[start..<end].lastIndex(of: 0x20) ?? end }
        let from = text.utf8.index(text.startIndex, offsetBy: start, limitedBy: text.utf8.endIndex) ?? text.endIndex
        let to = text.utf8.index(text.startIndex, offsetBy: end, limitedBy: text.utf8.endIndex) ?? text.endIndex
        return (text[from..<to], start > 0)
    }

    /// The first position < `limit` where `needle` starts a word of `haystack`.
    private static func firstWordStart(of needle: [UInt8], in haystack: [UInt8], before limit: Int) -> Int? {
        let last = min(limit, haystack.count - needle.count + 1)
        guard let head = needle.first, last > 0 else { return nil }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                var at = 0
                while at < last {
                    if hay[at] == head, at == 0 || !isWordByte(hay[at - 1]) {
                        var k = 1
                        while k < pin.count && hay[at + k] == pin[k] { k += 1 }
                        if k == pin.count { return at }
                    }
                    at += 1
                }
                return nil
            }
        }
    }

    /// Lower-case letters of A–Z and Latin-1 (Å, Ä, Ö, É ...), byte for byte: the same length
    /// as the text, so offsets carry over. (String.lowercased() cost more than the snippet.)
    private static func foldedBytes(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        var i = 0
        while i < out.count {
            let b = out[i]
            if b >= 0x41 && b <= 0x5A {
                out[i] = b + 0x20
            } else if b == 0xC3, i + 1 < out.count, out[i + 1] >= 0x80, out[i + 1] <= 0x9E, out[i + 1] != 0x97 {
                out[i + 1] += 0x20
                i += 1
            }
            i += 1
        }
        return out
    }

    /// Letters, digits and any byte of a multi-byte character (å, ä, ö ...).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
    }
}
