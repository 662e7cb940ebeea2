import Foundation

/// Picks the extractor for a file by its name, and says which files the archive takes at all.
public enum Extractor {
    public static let supportedExtensions: Set<String> = ["pdf", "txt", "text", "docx", "html", "htm"]

    public static func isSupported(_ path: String) -> Bool {
        supportedExtensions.contains((path as NSString).pathExtension.lowercased())
    }

    /// Extracts in this process. Imports call it through `WorkerPool` to stay isolated.
    public static func extract(path: String) throws(ExtractionError) -> ExtractedText {
        let ext = (path as NSString).pathExtension.lowercased()
        let result: ExtractedText
        switch ext {
        case "pdf":
            result = try PDFExtractor.extract(path: path)
        case "docx":
            result = try DocxExtractor.extract(data: try read(path))
        case "html", "htm":
            result = try HTMLExtractor.extract(data: try read(path))
        default:
            let (text, encoding) = try TextDecoder.decode(try read(path))
            result = ExtractedText(pages: [normaliseLineEnds(text)], method: .plain, encoding: encoding)
        }
        if result.pages.allSatisfy(\.isBlank) {
            switch ext {
            case "pdf": throw ExtractionError("no text on any page and OCR found none")
            case "docx": throw ExtractionError("no text: the Word document has no paragraph with text (only images or tables of nothing?)")
            case "html", "htm": throw ExtractionError("no text: the page has none outside its markup and scripts")
            default: throw ExtractionError("no text: the file holds only whitespace")
            }
        }
        return result
    }

    public static func read(_ path: String) throws(ExtractionError) -> Data {
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ExtractionError("cannot read file: \(error.localizedDescription)")
        }
    }

    static func normaliseLineEnds(_ text: String) -> String {
        // Most files have Unix line ends; the Foundation call copies the whole text to UTF-16.
        guard text.utf8.contains(0x0D) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
