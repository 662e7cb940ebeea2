import Testing
@testable import Tagging

@Suite struct BristTests {
    func brister(_ text: String) -> [String] { TestDomain.tag(text).brister }

    @Test func ivoFindingHeadings() {
        #expect(brister("Kommunen brister i sin skyldighet att hantera orosanmälningar") == ["orosanmalan"])
        #expect(brister("IVO riktar kritik mot nämnden för att vårdplaner saknas för flera placerade barn.") == ["vardplan_genomforandeplan"])
        #expect(brister("Nämnden har inte genomfört någon egenkontroll under året.") == ["egenkontroll"])
    }

    @Test func onlyRedAndYellowRatingsAreBrister() {
        let text = """
        Kvalitetsnivå Bedömning
        Grön Den sociala dokumentationen är saklig och det saknas inget i akterna.
        Grön Samverkan med skolan fungerar väl.
        Gul Barnsamtal saknas i hälften av akterna.
        Röd Verksamheten behöver upprätta genomförandeplaner för samtliga placerade barn.
        """
        #expect(Set(brister(text)) == ["barns_delaktighet", "vardplan_genomforandeplan"])
    }

    @Test func negatedCriticismIsNotABrist() {
        #expect(brister("IVO ser inga brister i nämndens handläggning av orosanmälningar.").isEmpty)
        #expect(brister("Det finns ingen anledning till kritik avseende dokumentationen.").isEmpty)
        #expect(brister("Nämnden har inte brustit i sin egenkontroll.").isEmpty)
    }

    @Test func topicsAreNotFindings() {
        // Knowing about lex Sarah, or explaining it, is not a lex Sarah brist.
        #expect(brister("De intervjuade medarbetarna har kännedom om rapporteringsskyldigheten enligt lex Sarah.").isEmpty)
        #expect(brister("Med allvarliga missförhållanden avses händelser som innebär hot mot den enskildes hälsa.").isEmpty)
        #expect(brister("Metoden är framtagen för barn som utsatts för våld eller annan allvarlig omsorgsbrist.").isEmpty)
    }

    @Test func purposeClauseDoesNotNameTheBrist() {
        // Skyddsbedömningar are what the report is for, not what failed.
        let found = brister("Att inte göra en orosanmälan innebär en brist eftersom socialsekreteraren då inte kan göra skyddsbedömningar.")
        #expect(found.contains("anmalningsskyldighet"))
        #expect(!found.contains("skyddsbedomning"))
        // Circumstances are not the failing subject either.
        #expect(brister("Dokumentationen har brister under perioder med hög arbetsbelastning.") == ["dokumentation"])
    }

    @Test func lexSarahIncident() {
        let found = Set(brister("Ett barn har försummats i ett konsulentstött familjehem och inte fått sina behov tillgodosedda."))
        #expect(found.contains("uppfoljning_placering"))
        #expect(found.contains("omsorg_tillsyn"))
        #expect(!found.contains("hot_vald"))
    }

    @Test func handlingsplanGoals() {
        #expect(brister("Säkerställa att all tidigare kunskap i ärendet finns med i samband med bedömningar genom att:") == ["utredning"])
        #expect(brister("Rutiner finns för att säkerställa att barnsamtal genomförs.").isEmpty)
    }
}
