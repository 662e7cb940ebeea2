import Foundation
import Testing
@testable import Tagging

@Suite struct DomainDataTests {
    @Test func loadsTheRepositoryDomain() throws {
        let d = try DomainData.load(from: TestDomain.directory)
        #expect(d.bristCategories.count >= 21)
        #expect(d.measureCategories.map(\.id).contains("registerkontroll"))
        #expect(d.synonyms["ivo"] == ["inspektionen för vård och omsorg"])
        for key in ["hvb", "sol", "lvu", "bbic", "sip"] { #expect(d.synonyms[key] != nil) }
        #expect(d.bristCategories.allSatisfy { !$0.label.isEmpty && !$0.phrasings.isEmpty })
    }

    @Test func errorsNameTheFileAndWhy() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("domain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        for name in DomainData.fileNames {
            try FileManager.default.copyItem(at: TestDomain.directory.appendingPathComponent(name), to: tmp.appendingPathComponent(name))
        }
        try #"{"deficiency_cues": [], "negation_cues": []}"#.write(to: tmp.appendingPathComponent("brister.json"), atomically: true, encoding: .utf8)
        do {
            _ = try DomainData.load(from: tmp)
            Issue.record("expected an error")
        } catch let error as DomainDataError {
            #expect(error.file.hasSuffix("brister.json"))
            #expect(error.description.contains("purpose_markers") || error.description.contains("categories"))
        }
        try FileManager.default.removeItem(at: tmp.appendingPathComponent("lagar.json"))
        #expect(throws: DomainDataError.self) { try DomainData.load(from: tmp) }
    }

    @Test func userExtensionsTakeEffectWithoutCodeChanges() throws {
        var d = TestDomain.data
        d.bristCategories.append(BristCategory(id: "ny_kategori", label: "Ny", phrasings: ["fönsterputs*"]))
        let facts = Tagger(domain: d).tag(TaggingInput(pages: ["Nämnden saknar rutiner för fönsterputsning."]))
        #expect(facts.brister == ["ny_kategori"])
    }

    @Test func locateFindsDomainFromAHintPath() {
        let hint = TestDomain.repoRoot.appendingPathComponent("Tests/TaggingTests/TestDomain.swift").path
        let found = DomainData.locate(explicit: nil, hintFilePath: hint)
        #expect(found?.standardizedFileURL.path.hasSuffix("/Domain") == true)
        #expect(DomainData.locate(explicit: "/tmp/x", hintFilePath: nil)?.path == "/tmp/x")
    }

    @Test func evidenceForEveryFact() {
        let facts = TestDomain.tag("BESLUT\nDatum 2023-05-16\nDnr 3.5.1-11234/2022-7\nSocialnämnden i Växjö kommun\nIVO riktar kritik mot nämnden för att orosanmälningar inte har bedömts inom 14 dagar enligt 11 kap. 1 a § SoL.")
        for field in ["diarienummer", "date", "municipality", "doc_type", "brister", "legal_refs"] {
            let e = facts.evidence.first { $0.field == field }
            #expect(e != nil, "no evidence for \(field)")
            #expect((e?.excerpt.count ?? 0) >= 20)
            #expect(e?.page == 1)
        }
    }
}
