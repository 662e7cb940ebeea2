import Testing
@testable import Tagging

@Suite struct MunicipalityTests {
    func result(_ text: String) -> (own: String?, all: [String]) {
        let r = TestDomain.tag(text)
        return (r.municipality, r.municipalities)
    }

    @Test func inflectedFormsAndAddresses() {
        #expect(result("Tillsyn av Lekebergs kommun.").own == "Lekeberg")
        #expect(result("Kalmar kommuns socialnämnd").own == "Kalmar")
        #expect(result("Familjevården i Tyresö har granskats.").own == "Tyresö")
        #expect(result("Box 834, 391 28 Kalmar").own == "Kalmar")
        #expect(result("Granskning av Falu kommun").own == "Falun")
    }

    @Test func regionsAndCountiesAreNotTheKommun() {
        let r = result("Lekebergs kommun köper aktgranskning av Region Örebro. Region Örebro län och Örebro läns landsting.")
        #expect(r.own == "Lekeberg")
        #expect(r.all == ["Lekeberg"])
        #expect(result("Region Gotland, socialförvaltningen").own == "Gotland")
    }

    @Test func ownKommunWinsOverPassingMentions() {
        let text = "Lekebergs kommun redovisar åtgärder.\n" + String(repeating: "Text utan orter. ", count: 100) + "Kommunen samarbetar med Örebro kommun."
        let r = result(text)
        #expect(r.own == "Lekeberg")
        #expect(r.all == ["Lekeberg", "Örebro"])
    }

    @Test func commonWordsNeedKommunContext() {
        #expect(result("Det ska vara en trygg mark. Vara noga med att Mark och Ale inte nämns.").all.isEmpty)
        #expect(result("Socialnämnden i Vara kommun").own == "Vara")
        #expect(result("Marks kommun har yttrat sig.").own == "Mark")
        #expect(result("Handläggare Anna Lund och Per Berg.").all.isEmpty)
    }

    @Test func noKommunNamedGivesNil() {
        #expect(result("Ett barn har försummats i ett familjehem. IVO:s diarienummer 3.1.2-00143/2025.").own == nil)
        #expect(result("Läs mer på kalmar.se eller mejla info@tyreso.se").all.isEmpty)
    }

    @Test func domainListHasAll290() {
        #expect(TestDomain.data.kommuner.count == 290)
        #expect(Set(TestDomain.data.kommuner).count == 290)
        for name in ["Upplands Väsby", "Malung-Sälen", "Lekeberg", "Örebro", "Gotland", "Falun", "Östra Göinge", "Dals-Ed"] {
            #expect(TestDomain.data.kommuner.contains(name))
        }
    }
}
