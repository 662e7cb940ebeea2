import Foundation
import Testing
import TestSupport
import ArchiveIndex
import Xapian

/// The import builds documents on the worker threads, beside the writer, so it cannot use
/// Xapian's spelling option (which writes to the database while indexing): it counts the words
/// itself. The dictionary must come out as that option would have made it.
@Suite("Spelling dictionary")
struct SpellingTests {
    @Test("an import's spelling dictionary is the one Xapian's own spelling option gives for the same texts")
    func sameAsTermGeneratorSpelling() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let index = dir.appendingPathComponent("Index").path
            let summary = try ArkivCommand.run(["import", TestSupport.corpus.path, "--index", index, "--json"]).json()
            #expect((summary["added"] as? Int ?? 0) > 10)

            // The reference: every stored document indexed again as DocumentIndexer does it,
            // title under its prefix and twice in the body, then the pages, with spelling on.
            let imported = try Database(path: index)
            let reference = try WritableDatabase(path: dir.appendingPathComponent("reference").path)
            let generator = try TermGenerator(language: "swedish")
            try generator.enableSpelling(in: reference)
            var docids: [UInt32] = []
            try imported.forEachPosting(Schema.Kind.document) { docids.append($0); return true }
            for docid in docids {
                let stored = try StoredDocument.decode(try imported.document(docid).data())
                try generator.fill(Document()) {
                    try generator.index(stored.record.title, prefix: Schema.Prefix.title)
                    try generator.index(stored.record.title, wdfIncrement: 2)
                    for page in stored.pages { try generator.index(page) }
                }
            }
            try reference.commit()
            #expect(docids.count == summary["added"] as? Int)

            let got = try imported.spellings(), want = try reference.spellings()
            #expect(want.count > 1000, "the corpus has a real vocabulary")
            #expect(got.count == want.count)
            let differing = want.filter { got[$0.key] != $0.value }.prefix(10)
            #expect(differing.isEmpty, "words whose frequency differs: \(Array(differing))")
            #expect(try imported.spellingSuggestion(for: "registerkontrol") == "registerkontroll")
        }
    }
}
