import Testing
@testable import Tagging

@Suite struct DateTests {
    func dates(_ text: String) -> [String] {
        TestDomain.tag(text).dates
    }

    @Test func formats() {
        #expect(dates("Beslut 2022-03-08, mötet den 1 november 2024 och 8 mars 2022 samt 2021.05.17.")
                == ["2022-03-08", "2024-11-01", "2021-05-17"])  // deduplicated, in order
    }

    @Test func datesBrokenAcrossLines() {
        #expect(dates("(Skickades till IVO 2024-12-\n20)") == ["2024-12-20"])
        #expect(dates("Stämpel 2022 -02- 25") == ["2022-02-25"])
    }

    @Test func invalidAndLookAlikeDates() {
        #expect(dates("Den 2023-02-30 finns inte. SOSFS 2012:11, dnr 3.5.1-08071/2022, tel 0480-45 37 80, 391 28 Kalmar.").isEmpty)
        #expect(dates("Personnummer 19121212-1212 är inget datum.").isEmpty)
    }

    @Test func documentDatePrefersLabel() {
        let facts = TestDomain.tag("Tidigare beslut 2021-01-10.\nDatum\n2022-03-08\nText.")
        #expect(facts.date == "2022-03-08")
        #expect(TestDomain.tag("Mötet hölls 5 maj 2020 och 6 maj 2020.").date == "2020-05-05")
        #expect(TestDomain.tagger.tag(TaggingInput(pages: ["Inga datum här."], metadataDate: "2019-01-02")).date == "2019-01-02")
    }

    /// Dates are tried only where a digit run begins; `\d` is any Unicode decimal digit to ICU,
    /// so the runs are too (Arabic-Indic, and digits outside the BMP as two UTF-16 units).
    @Test func digitRunsBeginWhereICUSeesADigit() {
        #expect(DateExtractor.digitRunStarts(Array("ab12 \u{663}\u{664}x\u{1D7D8}1 3.4".utf16)) == [2, 5, 8, 12, 14])
        #expect(DateExtractor.digitRunStarts(Array("Inga siffror, åäö.".utf16)).isEmpty)
        #expect(dates("Beslut 2024-03-01, möte 4 mars 2024 och arkiv 2023.12.31.") == ["2024-03-01", "2024-03-04", "2023-12-31"])
    }
}
