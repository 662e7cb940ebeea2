import Testing
@testable import Tagging

@Suite struct MeasureTests {
    func measures(_ text: String) -> [Measure] { TestDomain.tag(text).measures }

    @Test func bulletsInAMeasureSection() {
        let text = """
        Kommunen brister i sin skyldighet att följa upp placering av barn och unga

        Redovisa de eventuella åtgärder som genomförts för att komma till rätta med ovanstående brist
        • En barnföljare har anställts för att följa vården.
        • Socialsekreterarna besöker varje placerat barn minst fyra gånger per år.
        • Ny checklista inför placering.

        Redovisa förväntad effekt av åtgärderna för barn och unga
        • Barnen får tätare kontakt med sin socialsekreterare.
        """
        let found = measures(text)
        #expect(found.count == 3)
        #expect(found.map(\.categories) == [["bemanning"], ["besok_kontakt"], ["checklista"]])
        #expect(found.allSatisfy { $0.status == .genomford && $0.brist == "uppfoljning_placering" })
    }

    @Test func statusFromTheStepsOwnWords() {
        let text = """
        Åtgärder
        - En rutin för skyddsbedömningar har tagits fram.
        - Personalen kommer att få utbildning i BBIC under hösten.
        """
        let found = measures(text)
        #expect(found.map(\.status) == [.genomford, .planerad])
        #expect(found[1].categories.contains("utbildning"))
        #expect(found[1].categories.contains("metod"))
    }

    @Test func tableRowsAndPlannedSection() {
        let text = "Redovisa de eventuella åtgärder som planeras för att komma till rätta med ovanstående brist\n| Införa månatliga ärendegenomgångar | Enhetschef | 2025-03-01 |\n| Samverkansrutin med skolan | Verksamhetschef | 2025-06-01 |\n"
        let found = measures(text)
        #expect(found.map(\.text) == ["Införa månatliga ärendegenomgångar", "Samverkansrutin med skolan"])
        #expect(found.allSatisfy { $0.status == .planerad })
    }

    @Test func nothingOutsideMeasureSections() {
        #expect(measures("• Utbildning för personalen.\n• Ny rutin.").isEmpty)
        #expect(measures("Vidtagna åtgärder\nEj aktuellt.\nSe ovan.").isEmpty)
    }
}
