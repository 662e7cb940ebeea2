import Foundation

/// Text from saved web pages (.html/.htm): tags removed, block elements as line breaks,
/// entities decoded, script and style dropped. The encoding comes from a BOM or a meta charset,
/// else the same detection as text files.
public enum HTMLExtractor {
    public static func extract(data: Data) throws(ExtractionError) -> ExtractedText {
        let head = String(decoding: data.prefix(2048), as: UTF8.self).lowercased()
        var html: String
        var encoding: String
        if head.contains("charset=windows-1252") || head.contains("charset=\"windows-1252\"") || head.contains("charset=iso-8859-1") {
            guard let s = String(data: data, encoding: .windowsCP1252) else { throw ExtractionError("invalid text encoding in HTML") }
            (html, encoding) = (s, "windows-1252")
        } else {
            (html, encoding) = try TextDecoder.decode(data)
        }
        let title = html.firstMatch(of: /(?is)<title[^>]*>(.*?)<\/title>/).map { decodeEntities(String($0.1)).trimmingWhitespace }
        html = html.replacing(/(?is)<(script|style|head)\b.*?<\/\1>/, with: "")
        html = html.replacing(/(?is)<!--.*?-->/, with: "")
        html = html.replacing(/(?i)<(br|\/p|\/div|\/h[1-6]|\/li|\/tr|\/table|p|div|h[1-6]|li|tr)\b[^>]*>/, with: "\n")
        html = html.replacing(/(?i)<\/?(td|th)\b[^>]*>/, with: " ")
        html = html.replacing(/<[^>]*>/, with: "")
        let text = decodeEntities(html)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0.replacing(/[ \t\u{A0}]+/, with: " ")).trimmingSpaces }
            .joined(separator: "\n")
            .replacing(/\n{3,}/, with: "\n\n")
        return ExtractedText(pages: [text], method: .plain, title: title?.isEmpty == false ? title : nil, encoding: encoding)
    }

    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "sect": "§",
        "aring": "å", "auml": "ä", "ouml": "ö", "Aring": "Å", "Auml": "Ä", "Ouml": "Ö",
        "eacute": "é", "Eacute": "É", "ndash": "–", "mdash": "—", "hellip": "…", "laquo": "«", "raquo": "»",
        "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“", "uuml": "ü", "Uuml": "Ü",
    ]

    static func decodeEntities(_ text: String) -> String {
        text.replacing(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/) { m in
            let body = String(m.1)
            if body.hasPrefix("#x"), let v = UInt32(body.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) { return String(Character(u)) }
            if body.hasPrefix("#"), let v = UInt32(body.dropFirst()), let u = Unicode.Scalar(v) { return String(Character(u)) }
            return named[body] ?? String(m.0)
        }
    }
}
