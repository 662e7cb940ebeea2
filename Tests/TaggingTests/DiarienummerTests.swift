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
}
