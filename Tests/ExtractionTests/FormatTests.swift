import Foundation
import Testing
import TestSupport
@testable import Extraction

/// Every format path on real files: our fixtures, and the real seed documents in
/// ../shared/seeds/variants when they are beside the repository (as in CI).
@Suite("Formats on real files")
struct FormatTests {
    static let variants = TestSupport.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds/variants")
    static var haveVariants: Bool { FileManager.default.fileExists(atPath: variants.path) }

    @Test("PDF text layer: pages, title, date, headers gone, hyphenation joined")
    func pdf() throws {
        let text = try Extractor.extract(path: TestSupport.fixtures.appendingPathComponent("pdf/multipage.pdf").path)
        #expect(text.pages.count == 4)
        #expect(text.method == .text)
        #expect(text.title == "Beslut efter tillsyn")
        #expect(text.creationDate == "2024-10-03")
        #expect(text.pages[2].contains(FixtureFacts.multipagePageThreePhrase))
        #expect(!text.pages.dropFirst().joined().contains("Sida 2 (4)"))
        #expect(text.pages[1].contains("genomförandeplan"))
    }

    @Test("a scanned PDF is read by OCR with the Swedish model", .enabled(if: haveVariants && OCR.isAvailable))
    func scannedPDF() throws {
        let text = try Extractor.extract(path: Self.variants.appendingPathComponent("003_scanned.pdf").path)
        #expect(text.method == .ocr)
        #expect(text.fullText.contains("Kungsbacka"))
        #expect(text.fullText.contains("orosanmälan") || text.fullText.contains("anmälan"))
    }

    @Test("Word .docx paragraphs come out in order, å ä ö intact", .enabled(if: haveVariants))
    func docx() throws {
        let text = try Extractor.extract(path: Self.variants.appendingPathComponent("002.docx").path)
        #expect(text.encoding == "docx")
        #expect(text.fullText.contains("Socialnämnden"))
        #expect(text.fullText.contains("Inspektionen för vård och omsorg"))
    }

    @Test("a Windows-1252 seed decodes with å ä ö", .enabled(if: haveVariants))
    func windows1252Seed() throws {
        let text = try Extractor.extract(path: Self.variants.appendingPathComponent("003_cp1252.txt").path)
        #expect(text.encoding == "windows-1252")
        #expect(text.fullText.contains("Kungsbacka"))
        #expect(text.fullText.contains("ä"))
    }

    @Test("HTML: tags, scripts and entities gone, title kept, blocks on their own lines")
    func html() throws {
        let page = """
            <!doctype html><html><head><meta charset="utf-8"><title>Beslut &ndash; Tyresö</title>
            <style>p { color: red }</style><script>var x = "<p>inte text</p>";</script></head>
            <body><h1>IVO:s beslut</h1><p>Nämnden brister i sin skyldighet att följa upp placeringar&nbsp;enligt 6&nbsp;kap. 7&nbsp;&sect; SoL.</p>
            <ul><li>Rutin för uppföljning</li><li>Checklista &amp; mall</li></ul></body></html>
            """
        let text = try HTMLExtractor.extract(data: Data(page.utf8))
        #expect(text.title == "Beslut – Tyresö")
        let body = text.fullText
        #expect(body.contains("Nämnden brister i sin skyldighet att följa upp placeringar enligt 6 kap. 7 § SoL."))
        #expect(body.contains("Checklista & mall"))
        #expect(!body.contains("inte text"))
        #expect(!body.contains("color"))
        #expect(body.contains("IVO:s beslut\n"))
    }

    @Test("a .docx that is not one, and a damaged one, get reasons")
    func badDocx() {
        #expect(throws: ExtractionError("not a Word .docx: looks like HTML")) {
            try DocxExtractor.extract(data: Data("<html><body>hej</body></html>".utf8))
        }
        #expect(throws: ExtractionError.self) {
            try DocxExtractor.extract(data: Data([0x50, 0x4B, 0x03, 0x04, 0, 0, 1, 2, 3]))
        }
    }
}
