import Foundation
import Testing
@testable import Extraction

@Suite("Text encodings")
struct TextDecoderTests {
    let swedish = "Socialnämnden i Växjö ska åtgärda bristerna enligt 11 kap. 1 § SoL – ÅÄÖ é."

    @Test("UTF-8, with and without BOM")
    func utf8() throws {
        #expect(try TextDecoder.decode(Data(swedish.utf8)) == (swedish, "utf-8"))
        #expect(try TextDecoder.decode(Data([0xEF, 0xBB, 0xBF] + Array(swedish.utf8))) == (swedish, "utf-8"))
    }

    @Test("UTF-16 little and big endian with BOM")
    func utf16() throws {
        let le = Data([0xFF, 0xFE]) + swedish.data(using: .utf16LittleEndian)!
        let be = Data([0xFE, 0xFF]) + swedish.data(using: .utf16BigEndian)!
        #expect(try TextDecoder.decode(le) == (swedish, "utf-16le"))
        #expect(try TextDecoder.decode(be) == (swedish, "utf-16be"))
    }

    @Test("UTF-16 without a byte order mark is recognised by where its zero bytes stand; binary is not")
    func bomlessUTF16() throws {
        #expect(try TextDecoder.decode(swedish.data(using: .utf16LittleEndian)!) == (swedish, "utf-16le"))
        #expect(try TextDecoder.decode(swedish.data(using: .utf16BigEndian)!) == (swedish, "utf-16be"))
        // Zeros, but not one in every pair: refused as binary.
        let binary = Data((0..<1024).map { UInt8(truncatingIfNeeded: $0 * 7) })
        #expect(throws: ExtractionError("not a text file: NUL bytes scattered through it (binary data)")) {
            try TextDecoder.decode(binary)
        }
    }

    @Test("Windows-1252 from old archives keeps å ä ö, § and the en dash")
    func windows1252() throws {
        let data = swedish.data(using: .windowsCP1252)!
        #expect(data.count == swedish.count)  // one byte per character: really cp1252
        #expect(try TextDecoder.decode(data) == (swedish, "windows-1252"))
    }

    @Test("bytes that are neither UTF-8 nor Windows-1252 are refused with a reason, not mangled")
    func invalid() {
        #expect(throws: ExtractionError("invalid text encoding: neither UTF-8 nor Windows-1252")) {
            try TextDecoder.decode(Data(Array("Nämnden".utf8) + [0xC3, 0x81, 0x81, 0x9D]))
        }
        #expect(throws: ExtractionError("empty file: zero bytes")) { try TextDecoder.decode(Data()) }
        #expect(throws: ExtractionError.self) { try TextDecoder.decode(Data([0x41, 0x00, 0x42, 0x00])) }
    }
}

@Suite("Page cleaning")
struct PageCleanerTests {
    @Test("running headers are kept on the first page only; 'Sida N (M)' footers go everywhere")
    func headersAndFooters() {
        let bodies = ["Nämnden har inte följt upp placeringen.\nBarnet fick inget besök under året.\nIVO ser allvarligt på detta.",
                      "Familjehemmet utreddes inte före placeringen.\nRegisterkontroll saknades helt.\nNämnden har inte yttrat sig.",
                      "Redovisa vilka åtgärder som vidtas.\nRedovisningen ska ha kommit in senast 1 mars.\nBeslutet kan inte överklagas."]
        let pages = bodies.enumerated().map { n, body in
            "Inspektionen för vård och omsorg\nDnr 3.5.1-12345/2023\n\(body)\nSida \(n + 1) (3)"
        }
        let cleaned = PageCleaner.clean(pages)
        #expect(cleaned[0].hasPrefix("Inspektionen för vård och omsorg\nDnr 3.5.1-12345/2023\nNämnden"))
        #expect(cleaned[1] == bodies[1])
        #expect(cleaned[2] == bodies[2])
        #expect(!cleaned.joined().contains("Sida"))
    }

    @Test("a word hyphenated at a line end is joined; 'barn- och' keeps its hyphen")
    func hyphenation() {
        let page = "Nämnden saknar en genomförande-\nplan för två barn.\nBarn- och\nungdomsnämnden svarar.\nen barn-\noch ungdomsvård"
        let cleaned = PageCleaner.clean([page])[0]
        #expect(cleaned.contains("genomförandeplan för två barn."))
        #expect(cleaned.contains("barn-\noch ungdomsvård"))
        #expect(cleaned.contains("Barn- och"))
    }

    @Test("a lone page keeps its first lines: a single page has no running header to learn")
    func singlePage() {
        #expect(PageCleaner.clean(["Beslut\nText"]) == ["Beslut\nText"])
    }
}
