import Foundation
import Testing
@testable import Extraction

@Suite("Whitespace trimming")
struct WhitespaceTests {
    static let samples = [
        "", " ", "\t\n\r ", "  Sida 3 (16)  ", "\u{A0}Nämnden\u{2028}", "\u{85}text\u{3000}", "\u{2009}smalt mellanrum\u{202F}",
        "ord\u{200B}", "\u{FEFF}bom", "å ä ö\n\n", " \u{301}kombinerad", "😀 emoji 😀\t",
    ]

    @Test("the same result as Foundation's trimmingCharacters, for every kind of space", arguments: samples)
    func sameAsFoundation(_ text: String) {
        #expect(text.trimmingWhitespace == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(text.trimmingSpaces == text.trimmingCharacters(in: .whitespaces))
        #expect(text.isBlank == text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }
}
