import Foundation

/// Decodes the bytes of a text file whose encoding nobody told us: UTF-8 (with or without BOM),
/// UTF-16 with BOM, or Windows-1252 as old Swedish archives are. Never guesses silently wrong:
/// bytes that are neither valid UTF-8 nor Windows-1252 are refused, not mangled.
public enum TextDecoder {
    /// Bytes Windows-1252 leaves undefined; their presence means the file is not cp1252 text.
    private static let undefinedInWindows1252: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]

    public static func decode(_ data: Data) throws(ExtractionError) -> (text: String, encoding: String) {
        let bytes = [UInt8](data)
        if bytes.isEmpty { throw ExtractionError("empty file: zero bytes") }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let s = String(validatingUTF8Bytes: bytes.dropFirst(3)) else {
                throw ExtractionError("invalid UTF-8 after a UTF-8 byte order mark")
            }
            return (s, "utf-8")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            guard (bytes.count - 2) % 2 == 0,
                  let s = String(data: Data(bytes.dropFirst(2)), encoding: little ? .utf16LittleEndian : .utf16BigEndian)
            else { throw ExtractionError("invalid UTF-16 text after a byte order mark") }
            return (s, little ? "utf-16le" : "utf-16be")
        }
        if bytes.contains(0) {
            // Some exports write UTF-16 without a byte order mark. Swedish text is nearly all
            // Latin script, so one byte of every pair is zero, always on the same side.
            if let (s, name) = bomlessUTF16(bytes) { return (s, name) }
            throw ExtractionError("not a text file: NUL bytes scattered through it (binary data)")
        }
        if let s = String(validatingUTF8Bytes: bytes[...]) { return (s, "utf-8") }
        if bytes.contains(where: undefinedInWindows1252.contains) {
            throw ExtractionError("invalid text encoding: neither UTF-8 nor Windows-1252")
        }
        guard let s = String(data: data, encoding: .windowsCP1252) else {
            throw ExtractionError("invalid text encoding: neither UTF-8 nor Windows-1252")
        }
        return (s, "windows-1252")
    }
}

extension TextDecoder {
    /// UTF-16 without a byte order mark, recognised when the zero bytes all stand on one side
    /// of the pairs (the high byte of Latin-script text) and the other side has almost none;
    /// then strictly decoded, or nil (binary data also has zeros, but scattered).
    static func bomlessUTF16(_ bytes: [UInt8]) -> (String, String)? {
        guard bytes.count >= 16, bytes.count % 2 == 0 else { return nil }  // too short to tell
        let sample = bytes.prefix(4096)
        var zerosAtEven = 0, zerosAtOdd = 0
        for (i, b) in sample.enumerated() where b == 0 {
            if i % 2 == 0 { zerosAtEven += 1 } else { zerosAtOdd += 1 }
        }
        let pairs = sample.count / 2
        let little: Bool
        if zerosAtOdd * 10 >= pairs * 7, zerosAtEven * 50 <= pairs { little = true }
        else if zerosAtEven * 10 >= pairs * 7, zerosAtOdd * 50 <= pairs { little = false }
        else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        for i in stride(from: 0, to: bytes.count, by: 2) {
            units.append(little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
        }
        guard let text = String(validating: units, as: UTF16.self), !text.unicodeScalars.contains(where: { $0.value == 0 }) else { return nil }
        return (text, little ? "utf-16le" : "utf-16be")
    }
}

extension String {
    /// Strict UTF-8 decoding: nil on any invalid sequence (Swift's `String(decoding:)` repairs).
    init?(validatingUTF8Bytes bytes: ArraySlice<UInt8>) {
        guard let s = String(validating: bytes, as: UTF8.self) else { return nil }
        self = s
    }
}
