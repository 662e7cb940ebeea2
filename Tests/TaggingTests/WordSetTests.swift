import Testing
@testable import Tagging

/// The word scanner reads UTF-8 bytes directly; these hold it to the definition it replaced:
/// a word is a run of Unicode letters and decimal digits, lower-cased scalar by scalar, found
/// at its UTF-16 offset.
@Suite struct WordSetTests {
    /// The definition, scalar by scalar (the scanner before it read bytes).
    static func referenceWords(_ text: String) -> [(String, Int)] {
        var result: [(String, Int)] = []
        var word = "", start = 0, offset = 0
        for scalar in text.unicodeScalars {
            if WordSet.isWordScalar(scalar) {
                if word.isEmpty { start = offset }
                word += scalar.properties.lowercaseMapping
            } else if !word.isEmpty {
                result.append((word, start))
                word = ""
            }
            offset += scalar.utf16.count
        }
        if !word.isEmpty { result.append((word, start)) }
        return result
    }

    static func scannedWords(_ text: some StringProtocol) -> [(String, Int)] {
        var result: [(String, Int)] = []
        WordSet.forEachWord(in: text) { result.append(($0, $1)) }
        return result
    }

    static let samples = [
        "Socialnämnden i Ängelholm har ÅTGÄRDAT bristerna; lex Sarah-utredning 2024-03-01.",
        "ÖVERKLAGANDE: Örebro, Härnösand, Malmö — é, ü, ß, ÿ, ª µ º, × ÷ ½",
        "Diarienummer 3.5.1-12345/2023 och SoL 11 kap. 1 § samt 19121212-1212",
        "Emoji 😀 mitt i ordet: ab😀cd, ΣΟΦΙΑ σοφία, Иван, 東京都, ٣٤٥ arabiska siffror",
        "Kombinerande e\u{301} och İstanbul, ﬁnal ligatur, \u{00A0}hårt mellanslag\u{00AD}mjukt",
        "",
        "   ",
        "ord",
    ]

    @Test func scannerFindsTheWordsOfTheDefinition() {
        for text in Self.samples {
            let scanned = Self.scannedWords(text), reference = Self.referenceWords(text)
            #expect(scanned.map(\.0) == reference.map(\.0), "\(text)")
            #expect(scanned.map(\.1) == reference.map(\.1), "\(text)")
        }
    }

    @Test func scannerAgreesOnRandomText() {
        // Letters, digits, punctuation and spaces from several scripts and byte lengths.
        let alphabet = Array("aZåÄöÉüß09 .,-–\n\t§/😀ΣσИ東٣\u{301}\u{00A0}İﬁ×µ")
        var state: UInt64 = 0x9E3779B97F4A7C15
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int(state % 40) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let scanned = Self.scannedWords(text), reference = Self.referenceWords(text)
            #expect(scanned.map(\.0) == reference.map(\.0), "\(text.debugDescription)")
            #expect(scanned.map(\.1) == reference.map(\.1), "\(text.debugDescription)")
        }
    }

    @Test func substringsAreScannedWithTheirOwnOffsets() {
        let text = "Inledning. Nämnden har infört en rutin för orosanmälningar."
        let tail = text[text.firstIndex(of: "N")!...]
        #expect(Self.scannedWords(tail).map(\.0) == ["nämnden", "har", "infört", "en", "rutin", "för", "orosanmälningar"])
        #expect(Self.scannedWords(tail).first?.1 == 0)
    }

    @Test func documentWordsKeepEveryOccurrence() {
        let text = "Rutin för rutin. RUTIN och rutiner; Åtgärd, åtgärd och ÅTGÄRD."
        let words = WordSet(text, positions: true)
        let utf16 = Array(text.utf16)
        #expect(words.offsets["rutin"] == [0, 10, 17])
        #expect(words.offsets["åtgärd"]?.count == 3)
        #expect(words.words == Set(Self.referenceWords(text).map(\.0)))
        for (word, offsets) in words.offsets {
            for offset in offsets {
                let found = String(decoding: utf16[offset..<(offset + word.utf16.count)], as: UTF16.self)
                #expect(found.lowercased() == word)
            }
        }
        #expect(words.words(withPrefix: "rutin").sorted() == ["rutin", "rutiner"])
    }

    @Test func manyDistinctWordsSurviveTableGrowth() {
        let text = (0..<5000).map { "ord\($0)" }.joined(separator: " ") + " ord42 ord4999"
        let words = WordSet(text, positions: true)
        #expect(words.words.count == 5000)
        #expect(words.offsets["ord42"]?.count == 2)
        #expect(words.offsets["ord4999"]?.count == 2)
        #expect(words.offsets["ord0"] == [0])
    }
}
