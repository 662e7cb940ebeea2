import Testing
@testable import Tagging

@Suite struct ClassifierTests {
    func type(_ text: String) -> String { TestDomain.tag(text).docType }
    func area(_ text: String) -> String? { TestDomain.tag(text).area }

    @Test func headingsDecide() {
        #expect(type("Handläggare\nAnna Ek\n\nTJÄNSTESKRIVELSE\n\nYttrande till IVO om lex Sarah. Lex Sarah, lex Sarah-utredning, missförhållande.") == "tjansteskrivelse")
        #expect(type("BESLUT\nDatum 2023-01-01\nIVO riktar kritik mot nämnden.") == "beslut")
        #expect(type("Lex Sarah\n\nRapporterande förvaltning:") == "lex_sarah")
        #expect(type("Protokollsutdrag\nSocialnämnden 2024-01-01") == "protokoll")
        #expect(type("Artikeln publicerades 1 februari 2024\n\nKommunen gör en anmälan") == "nyhet")
    }

    @Test func cuesDecideWithoutHeading() {
        #expect(type("Tillsyn av kommunens myndighetsutövning\nRedovisa kommunens inställning till ovanstående brist\nRedovisa de eventuella åtgärder som genomförts") == "aterredovisning")
        #expect(type("1 Sammanfattning\nKvalitetsnivå Bedömning\nGranskningen avser familjevården. Syftet med granskningen är att bedöma kvaliteten.") == "granskningsrapport")
        #expect(type("Hej! Välkommen till vårt möte.") == "annat")
    }

    @Test func areas() {
        #expect(area("Placerade barn i familjehem och jourhem. Orosanmälningar från skolan.") == "barn_unga")
        #expect(area("Hemtjänsten och särskilt boende för äldre personer. Hemtjänst på kvällar.") == "aldreomsorg")
        #expect(area("Gruppbostad enligt LSS för personer med funktionsnedsättning.") == "funktionsnedsattning")
        #expect(area("Missbruk och vård enligt LVM.") == "missbruk")
        #expect(area("Ekonomiskt bistånd i form av försörjningsstöd.") == "ekonomiskt_bistand")
        #expect(area("Beroende på väder ställs mötet in.") == "ovrigt")
    }

    @Test func titles() {
        #expect(TestDomain.tag("Handläggare\n## TJÄNSTESKRIVELSE\n# Yttrande i tillsynsärende\ntext").title == "Yttrande i tillsynsärende")
        #expect(TestDomain.tag("Artikeln publicerades 1 februari 2024\n\nKungsbacka kommun gör en lex Sarah-anmälan\n\nText.").title
                == "Kungsbacka kommun gör en lex Sarah-anmälan")
        #expect(TestDomain.tagger.tag(TaggingInput(pages: ["2024-01-01"], metadataTitle: nil, fileName: "a.txt")).title == "a.txt")
    }
}
