import Foundation

/// What a file's first bytes say it is, for the reason given when its name promises another
/// format ("not a PDF: looks like HTML"). Names lie in real archives; the bytes do not.
enum ContentSniffer {
    /// A short description of what `data` looks like, or nil if it is none of the known kinds.
    static func describe(_ data: Data) -> String? {
        if data.prefix(1024).contains("%PDF-".utf8) { return "looks like a PDF" }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return "looks like a ZIP archive (Word .docx?)" }
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return "looks like an old Office document (.doc)" }
        if data.starts(with: [0xFF, 0xD8, 0xFF]) { return "looks like a JPEG image" }
        if data.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "looks like a PNG image" }
        if data.starts(with: Array("{\\rtf".utf8)) { return "looks like an RTF document" }
        let head = String(decoding: data.prefix(512), as: UTF8.self).lowercased()
        if head.contains("<html") || head.contains("<!doctype html") { return "looks like HTML" }
        if !data.prefix(512).contains(0) { return "looks like plain text" }
        return nil
    }
}
