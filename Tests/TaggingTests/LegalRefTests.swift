import Testing
@testable import Tagging

@Suite struct LegalRefTests {
    func refs(_ text: String) -> [String] { TestDomain.tag(text).legalRefs }

    @Test func chapterAndSectionForms() {
        #expect(refs("Enligt 6 kap. 8 § SoL") == ["SoL 6 kap. 8 §"])
        #expect(refs("Se SoL 6 kap 8 § och SOL 6 kap 6 §.") == ["SoL 6 kap. 8 §", "SoL 6 kap. 6 §"])
        #expect(refs("Barnsamtal (SoL 11:10) får ske.") == ["SoL 11 kap. 10 §"])
        #expect(refs("enligt 11 kap.3 § SoL") == ["SoL 11 kap. 3 §"])
    }

    @Test func sectionOnlyLaws() {
        #expect(refs("6 kap. 8 § SoL och 13 § LVU") == ["SoL 6 kap. 8 §", "LVU 13 §"])
        #expect(refs("beslut enligt 9 § 9 LSS") == ["LSS 9 §"])
    }

    @Test func spelledOutLawsAndLists() {
        #expect(refs("i enlighet med 7 kap. 6 § och 14 kap. 6-7 §§ socialtjänstlagen (2001:453)")
                == ["SoL 7 kap. 6 §", "SoL 14 kap. 6 §", "SoL 14 kap. 7 §"])
        #expect(refs("2 § lagen (1990:52) med särskilda bestämmelser om vård av unga") == ["LVU 2 §"])
        #expect(refs("14 kap. 1 § första stycket SoL") == ["SoL 14 kap. 1 §"])
        #expect(refs("4 kap. 1a § SoL") == ["SoL 4 kap. 1 a §"])
    }

    @Test func statuteCollectionsKeptAsWritten() {
        #expect(refs("föreskrifterna (SOSFS 2012:11), HSLF-FS 2017:40 och SFS 2001:453") == ["SOSFS 2012:11", "HSLF-FS 2017:40", "SFS 2001:453"])
    }

    @Test func noLawNoReference() {
        #expect(refs("Enligt 6 kap. SoL ska det finnas en socialsekreterare. Kapitel 3 § i planen.").isEmpty)
    }
}
