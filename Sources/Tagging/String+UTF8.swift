#if canImport(Glibc)
import Glibc
#endif

/// Counting and collapsing without a trip through Foundation or the grapheme breaker. Offsets in tagging are
/// UTF-16 (the currency of `NSRegularExpression`), but the text is stored as UTF-8, and on Linux
/// every `utf16.count` of a new string walks it scalar by scalar.
extension StringProtocol {
    /// The length in UTF-16 code units, read off the UTF-8 bytes: every byte that starts a
    /// scalar is one unit, and a four-byte scalar is two.
    var utf16Length: Int {
        // On the contiguous bytes (every native String and Substring): iterating a generic
        // UTF8View byte by byte cost ten times as much.
        func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            var units = 0
            for byte in bytes where byte & 0xC0 != 0x80 { units &+= byte >= 0xF0 ? 2 : 1 }
            return units
        }
        return utf8.withContiguousStorageIfAvailable(count) ?? Array(utf8).withUnsafeBufferPointer(count)
    }

    /// Whether the UTF-8 bytes include `byte` (an ASCII character): memchr on the contiguous
    /// bytes, where a generic `utf8.contains` walked them one by one.
    func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.isEmpty && memchr(bytes.baseAddress!, Int32(byte), bytes.count) != nil
        } ?? utf8.contains(byte)
    }

    /// `count < limit`, looking at no more than `limit` characters.
    func hasFewerCharacters(than limit: Int) -> Bool {
        utf8.count < limit || index(startIndex, offsetBy: limit, limitedBy: endIndex) == nil
    }

    /// Runs of whitespace (Unicode White_Space, line breaks included) collapsed to one space,
    /// trimmed; read off the UTF-8 bytes, since Character-by-Character splitting was a tenth of
    /// tagging.
    var collapsedWhitespace: String {
        func collapse(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            var i = 0
            while i < bytes.count {
                let width = whitespaceWidth(bytes, at: i)
                if width > 0 {
                    pendingSpace = !out.isEmpty
                    i += width
                    continue
                }
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(bytes[i])
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
        return utf8.withContiguousStorageIfAvailable(collapse) ?? Array(utf8).withUnsafeBufferPointer(collapse)
    }
}

/// The UTF-8 length of the White_Space scalar at `i` (0: not whitespace): U+0009–000D, U+0020,
/// U+0085, U+00A0, U+1680, U+2000–200A, U+2028, U+2029, U+202F, U+205F, U+3000.
private func whitespaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
    func byte(_ k: Int) -> UInt8 { i + k < bytes.count ? bytes[i + k] : 0 }
    switch bytes[i] {
    case 0x09...0x0D, 0x20: return 1
    case 0xC2: return byte(1) == 0x85 || byte(1) == 0xA0 ? 2 : 0
    case 0xE1: return byte(1) == 0x9A && byte(2) == 0x80 ? 3 : 0
    case 0xE2:
        let (b1, b2) = (byte(1), byte(2))
        if b1 == 0x80 && ((0x80...0x8A).contains(b2) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF) { return 3 }
        return b1 == 0x81 && b2 == 0x9F ? 3 : 0
    case 0xE3: return byte(1) == 0x80 && byte(2) == 0x80 ? 3 : 0
    default: return 0
    }
}
