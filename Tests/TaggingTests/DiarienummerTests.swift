import Testing
@testable import Tagging

@Suite struct DiarienummerTests {
    func numbers(_ text: String) -> [String] {
        DiarienummerExtractor().extract(from: TestDomain.doc(text)).map { "\($0.diarienummer.value) \($0.diarienummer.authority.rawValue)" }
    }

    @Test func ivoFormsWithAndWithoutSuffix() {
        #expect(numbers("Vårt dnr 3.5.1-08071/2022-1 gäller även 8.5-12345/2016.") == ["3.5.1-08071/2022-1 ivo", "8.5-12345/2016 ivo"])
    }

    @Test func bareIvoNumberOnlyAfterLabel() {
        #expect(numbers("IVO har tagit emot ärendet. Ange diarienummer: 30010/2024 vid kontakt.") == ["30010/2024 ivo"])
        #expect(numbers("Av 120 ärenden 2024 var 30010/2024 en siffra utan etikett.").isEmpty)
    }

    @Test func municipalForms() {
        #expect(numbers("Ärendebeteckning SN 2022/0154.11.03, tidigare SN 2020/0673.") == ["SN 2022/0154.11.03 municipal", "SN 2020/0673 municipal"])
        #expect(numbers("Se BUN-2019-0412 och KS 2019/123 samt SOC 2021/45.") == ["BUN-2019-0412 municipal", "KS 2019/123 municipal", "SOC 2021/45 municipal"])
    }

    @Test func otherAuthorities() {
        #expect(numbers("JO:s beslut i ärende 1234-2019 och länsstyrelsens dnr 701-12345-2010.") == ["1234-2019 other", "701-12345-2010 other"])
    }

    @Test func lookAlikesAreNotCaseNumbers() {
        let text = """
        Enligt SOSFS 2012:11 och SFS 2001:453 samt SOSFS 2011:9. Ring 0480-45 37 80 eller 010-788 57 13.
        Adress: Box 611, 391 26 Kalmar. Datum 2022-03-08. Läsåret HT 2021-2022.
        """
        #expect(numbers(text).isEmpty)
    }

    @Test func numbersBrokenAcrossLines() {
        #expect(numbers("IVO dnr 3.5.1-08071/\n2022 och diarienummer 30010/\n2024") == ["3.5.1-08071/2022 ivo", "30010/2024 ivo"])
        #expect(numbers("dnr 3.5.1-\n\n12345/2023") == ["3.5.1-12345/2023 ivo"])
    }

    /// The extractor tries its patterns only at candidate starts; on texts made of the pieces
    /// case numbers are made of (and their look-alikes), it must find exactly what scanning the
    /// whole text finds.
    @Test func candidateStartsFindWhatWholeTextScansFind() {
        let whole = ["3.5.1-08071/2022-1", "8.5-12345/2016", "SN 2022/0154.11.03", "BUN-2019-0412", "KS2019/123", "701-12345-2010",
                     "dnr 30010/2024", "Diarienummer: 2021/45", "JO:s beslut i ärende 1234-2019", "dnr 1234-2019", "mål nr 1234-19",
                     "Mål nr UM 123-2021", "HT 2021-2022", "SOSFS 2012:11", "2022-03-08", "12.3-4567/1999", "d.nr 123/2020"]
        let pieces = ["3.5.1-", "8.5-", "08071", "12345", "701-", "/", "-", "2022", "2019", "1998", "2101", "-1",
                      ".11.03", " ", " ", "\t", "\n", "\n\n", "SN ", "BUN-", "KS", "SOSFS ", "HT ", "ÅÄÖ ", "Dnr ", "dnr:",
                      "D.nr ", "Diarienummer: ", "ÄRENDENR ", "beteckning ", "JO ", "JO:s beslut ", "Mål nr ", "målnummer ",
                      "IVO ", "Inspektionen för vård och omsorg ", "ärende ", "12", "0154", "Ärendebeteckning ", "x", "é"]
        var rng = SplitMix64(seed: 2026)
        var differing: [String] = []
        var numbers = 0
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 4...40, using: &rng)).map { _ -> String in
                guard Bool.random(using: &rng) else { return pieces.randomElement(using: &rng)! }
                // A whole number, sometimes broken by a space or line break as PDF extraction does.
                var chars = Array(whole.randomElement(using: &rng)!)
                if Int.random(in: 0..<3, using: &rng) == 0 {
                    chars.insert(contentsOf: Array(["\n", " ", "\n\n", " \n "].randomElement(using: &rng)!),
                                 at: Int.random(in: 0...chars.count, using: &rng))
                }
                return String(chars)
            }.joined()
            let doc = TestDomain.doc(text)
            let extractor = DiarienummerExtractor()
            let fast = extractor.extract(from: doc).map { "\($0.diarienummer.value)@\($0.range.location)" }
            let plain = extractor.extract(from: doc, wholeTextScans: true).map { "\($0.diarienummer.value)@\($0.range.location)" }
            numbers += plain.count
            if fast != plain { differing.append("\(text.debugDescription): \(fast) vs \(plain)") }
        }
        #expect(numbers > 5000)  // the texts do hold case numbers, broken ones among them
        #expect(differing.isEmpty, "\(differing.count) texts differ, e.g. \(differing.prefix(3))")
    }
}

/// A seeded generator, so a failing text can be found again.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
