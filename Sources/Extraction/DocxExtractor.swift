import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Text from Word .docx files: the paragraphs of word/document.xml, in order.
public enum DocxExtractor {
    /// Unpacked XML beyond this is refused: a zip bomb must not exhaust the worker.
    static let maximumXMLBytes = 64 << 20

    public static func extract(data: Data) throws(ExtractionError) -> ExtractedText {
        if data.isEmpty { throw ExtractionError("empty file: zero bytes") }
        guard data.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
            throw ExtractionError("not a Word .docx: \(ContentSniffer.describe(data) ?? "not a ZIP archive")")
        }
        let xml: Data
        do {
            let archive = try Archive(data: data, accessMode: .read)
            guard let entry = archive["word/document.xml"] else {
                throw ExtractionError("not a Word .docx: the ZIP archive has no word/document.xml")
            }
            guard entry.uncompressedSize <= maximumXMLBytes else {
                throw ExtractionError("Word document too large: \(entry.uncompressedSize / 1_048_576) MB of XML")
            }
            var collected = Data()
            _ = try archive.extract(entry) { collected.append($0) }
            xml = collected
        } catch let e as ExtractionError {
            throw e
        } catch {
            throw ExtractionError("damaged Word .docx: \(error)")
        }
        let collector = ParagraphCollector()
        let parser = XMLParser(data: xml)
        parser.delegate = collector
        guard parser.parse() else {
            throw ExtractionError("damaged Word .docx: document.xml is not well-formed XML")
        }
        return ExtractedText(pages: [collector.paragraphs.joined(separator: "\n")], method: .plain, encoding: "docx")
    }

    /// Collects w:t text per w:p paragraph; tabs and breaks become whitespace.
    final class ParagraphCollector: NSObject, XMLParserDelegate {
        var paragraphs: [String] = []
        private var current = ""
        private var inText = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            switch name {
            case "w:t": inText = true
            case "w:tab": current += "\t"
            case "w:br", "w:cr": current += "\n"
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "w:t": inText = false
            case "w:p":
                paragraphs.append(current)
                current = ""
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { current += string }
        }
    }
}
