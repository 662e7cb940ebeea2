import Testing
@testable import Search

@Suite("Snippets of long texts")
struct SnippetTests {
    let filler = String(repeating: "Nämnden har tagit del av underlaget. ", count: 200)

    @Test("the snippet source starts just before the first match, however far in, whatever its case")
    func windowAroundFirstMatch() {
        let text = filler + "Här nämns ÅTERREDOVISNINGEN av åtgärderna. " + filler
        let (window, cut) = SnippetWindow.window(of: text, terms: ["Zåterredovisning", "Kkalmar"])
        #expect(cut)
        #expect(window.contains("ÅTERREDOVISNINGEN"))
        #expect(window.utf8.count <= SnippetWindow.length)
        #expect(window.first != " " && !window.hasPrefix("ämnden"), "cut at a word boundary: \(window.prefix(20))")
    }

    @Test("no match as written: the beginning; a word inside a compound does not count")
    func windowWithoutMatch() {
        let text = filler + "familjehemsplacering" + filler
        let none = SnippetWindow.window(of: text, terms: ["Zplacering"])
        #expect(!none.cutBefore)
        #expect(none.text.hasPrefix("Nämnden"))
        let short = SnippetWindow.window(of: "Kort text om placering.", terms: ["Zplacering"])
        #expect(short.text == "Kort text om placering.")
    }
}
