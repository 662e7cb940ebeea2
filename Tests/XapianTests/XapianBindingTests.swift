import Foundation
import Testing
import TestSupport
@testable import Xapian

/// Builds a small Swedish index: each text becomes a document with its text as data.
private func makeIndex(at dir: URL, texts: [(id: String, text: String, kommun: String, year: String)]) throws -> WritableDatabase {
    let db = try WritableDatabase(path: dir.path)
    let tg = try TermGenerator(language: "swedish")
    try tg.enableSpelling(in: db)
    for item in texts {
        let doc = Document()
        try tg.fill(doc) { try tg.index(item.text) }
        try doc.setData(Array(item.text.utf8))
        try doc.addBooleanTerm("Q" + item.id)
        try doc.addBooleanTerm("XK" + item.kommun.lowercased())
        try doc.setValue(item.kommun, slot: 1)
        try doc.setValue(item.year, slot: 2)
        try db.replaceDocument(uniqueTerm: "Q" + item.id, with: doc)
    }
    try db.commit()
    return db
}

private let sample: [(id: String, text: String, kommun: String, year: String)] = [
    ("a", "Socialnämnden har inte tagit emot orosanmälan inom fjorton dagar.", "Kalmar", "2022"),
    ("b", "Flera orosanmälningar saknade förhandsbedömning och skyddsbedömning.", "Tyresö", "2023"),
    ("c", "Nämnden har infört en checklista inför placering i familjehem.", "Kalmar", "2024"),
    ("d", "Genomförandeplanen saknades i två placeringar som följdes upp.", "Lekeberg", "2024"),
]

@Suite("Xapian binding")
struct XapianBindingTests {
    @Test("writes, commits and reads back documents with data, terms and values")
    func roundTrip() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let db = try makeIndex(at: dir, texts: sample)
            #expect(try db.documentCount() == 4)
            let reader = try Database(path: dir.path)
            #expect(try reader.documentCount() == 4)
            let id = try #require(try reader.documentID(forTerm: "Qc"))
            let doc = try reader.document(id)
            #expect(String(decoding: try doc.data(), as: UTF8.self).contains("checklista"))
            #expect(try doc.value(slot: 1) == "Kalmar")
            #expect(try doc.terms().contains { $0.term == "XKkalmar" })
            #expect(try reader.termFrequency("XKkalmar") == 2)
            // Many at once (one match, as remote shards want) gives the same as one by one.
            let terms = ["XKkalmar", "Qc", "checklista", "saknas-helt"]
            #expect(!reader.hasRemoteShards)
            let together = try reader.termFrequencies(terms, batched: true)
            #expect(together == Dictionary(uniqueKeysWithValues: try terms.map { ($0, try reader.termFrequency($0)) }))
            #expect(together["XKkalmar"] == 2 && together["saknas-helt"] == 0)
        }
    }

    @Test("replacing by unique term keeps one document per id")
    func replaceIsIdempotent() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let db = try makeIndex(at: dir, texts: sample)
            _ = try makeIndexAgain(db)
            #expect(try db.documentCount() == 4)
            try db.deleteDocuments(term: "Qa")
            try db.commit()
            #expect(try db.documentCount() == 3)
        }
    }

    private func makeIndexAgain(_ db: WritableDatabase) throws -> Int {
        let doc = Document()
        try doc.setData(Array("ny version".utf8))
        try doc.addBooleanTerm("Qb")
        try db.replaceDocument(uniqueTerm: "Qb", with: doc)
        try db.commit()
        return try db.documentCount()
    }

    @Test("Swedish stemming lets placeringar find placering; phrases, booleans and wildcards work")
    func parsing() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let db = try makeIndex(at: dir, texts: sample)
            let qp = QueryParser()
            try qp.setStemmer(language: "swedish")
            qp.setDatabase(db)
            func ids(_ q: String, _ features: QueryParser.Features = [.default, .wildcard]) throws -> Set<String> {
                let enquire = try Enquire(database: db)
                enquire.setQuery(try qp.parse(q, features: features))
                let ms = try enquire.matches(limit: 10)
                return Set(try (0..<ms.count).map { i in
                    try ms.document(at: i).terms().first { $0.term.hasPrefix("Q") }!.term
                })
            }
            #expect(try ids("placeringar") == ["Qc", "Qd"])
            #expect(try ids("orosanmälningar") == ["Qb"])
            #expect(try ids("\"inför placering\"") == ["Qc"])
            #expect(try ids("\"placering inför\"").isEmpty)
            #expect(try ids("genomförande*") == ["Qd"])
            #expect(try ids("orosanmälan AND NOT skyddsbedömning") == ["Qa"])
        }
    }

    @Test("boolean prefixes filter, value ranges restrict, and a syntax error names the query")
    func prefixesAndRanges() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let db = try makeIndex(at: dir, texts: sample)
            let qp = QueryParser()
            try qp.setStemmer(language: "swedish")
            try qp.addBooleanPrefix(field: "kommun", prefix: "XK")
            try qp.addRange(field: "år", slot: 2)
            let enquire = try Enquire(database: db)
            enquire.setQuery(try qp.parse("kommun:kalmar"))
            #expect(try enquire.matches(limit: 10).count == 2)
            enquire.setQuery(try qp.parse("år:2023..2024"))
            #expect(try enquire.matches(limit: 10).count == 3)
            enquire.setQuery(Query.matchAll().filtered(by: Query.valueRange(slot: 2, from: "2024", to: "2024")))
            #expect(try enquire.matches(limit: 10).count == 2)
            #expect(throws: XapianError.self) { _ = try qp.parse("kommun:kalmar AND (", features: [.boolean]) }
        }
    }

    @Test("snippets highlight matched words, stemmed forms included")
    func snippets() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let db = try makeIndex(at: dir, texts: sample)
            let qp = QueryParser()
            try qp.setStemmer(language: "swedish")
            let enquire = try Enquire(database: db)
            enquire.setQuery(try qp.parse("placeringar"))
            let ms = try enquire.matches(limit: 10)
            let texts = try (0..<ms.count).map { String(decoding: try ms.document(at: $0).data(), as: UTF8.self) }
            let snippets = try zip(0..<ms.count, texts).map { try ms.snippet(of: $1) }
            #expect(snippets.contains { $0.contains("<mark>placering</mark>") })
            #expect(snippets.contains { $0.contains("<mark>placeringar</mark>") })
        }
    }

    @Test("value count spies give facet counts, also for multi-valued slots")
    func facets() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let db = try makeIndex(at: dir, texts: sample)
            let multi = Document()
            try multi.setValue("Kalmar\u{1F}Tyresö", slot: 3)
            try multi.addBooleanTerm("Qe")
            try db.replaceDocument(uniqueTerm: "Qe", with: multi)
            let repeated = Document()  // an entry twice in one value counts once for that document
            try repeated.setValue("Tyresö\u{1F}Gävle\u{1F}Tyresö", slot: 3)
            try repeated.addBooleanTerm("Qf")
            try db.replaceDocument(uniqueTerm: "Qf", with: repeated)
            try db.commit()
            let enquire = try Enquire(database: db)
            enquire.setQuery(.matchAll())
            let single = ValueCountSpy(slot: 1)
            let many = ValueCountSpy(slot: 3, multiValued: true)
            enquire.addSpy(single)
            enquire.addSpy(many)
            _ = try enquire.matches(limit: 0, checkAtLeast: 100)
            #expect(single.counts == ["Kalmar": 2, "Tyresö": 1, "Lekeberg": 1])
            #expect(many.counts == ["Kalmar": 1, "Tyresö": 2, "Gävle": 1])
        }
    }

    @Test("relevance feedback suggests the distinctive terms of a document")
    func expansion() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let db = try makeIndex(at: dir, texts: sample)
            let enquire = try Enquire(database: db)
            enquire.setQuery(.matchAll())
            let id = try #require(try db.documentID(forTerm: "Qc"))
            let terms = try enquire.expand(relevant: RelevanceSet(documents: [id]), limit: 5).map(\.term)
            #expect(terms.contains("checklista"))
            #expect(!terms.contains { $0.hasPrefix("Q") || $0.hasPrefix("XK") })
        }
    }

    @Test("spelling suggestions, synonyms and user metadata")
    func spellingSynonymsMetadata() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let db = try makeIndex(at: dir, texts: sample)
            #expect(try db.spellingSuggestion(for: "checklsta") == "checklista")
            try db.addSynonym("ivo", "inspektionen")
            try db.setMetadata("schema", "1")
            try db.commit()
            let reader = try Database(path: dir.path)
            #expect(try reader.synonyms(of: "ivo") == ["inspektionen"])
            #expect(try reader.metadata("schema") == "1")
            #expect(try reader.metadata("missing") == "")
            let qp = QueryParser()
            qp.setDatabase(reader)
            _ = try qp.parse("checklsta", features: [.default, .spellingCorrection])
            #expect(qp.correctedQuery == "checklista")
        }
    }

    @Test("spelling counts: unprefixed words by wdf, less their wdf under the title prefix, added as counted")
    func spellingCounts() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let doc = Document()
            try doc.addTerm("placering", wdfIncrement: 3)
            try doc.addTerm("Splacering", wdfIncrement: 1)  // the title's own field
            try doc.addTerm("Zplacer", wdfIncrement: 3)     // a stem: no spelling
            try doc.addTerm("rutin", wdfIncrement: 2)
            try doc.addTerm("Srutin", wdfIncrement: 2)      // only in the title: nothing left
            try doc.addTerm("å", wdfIncrement: 1)
            let counts = try doc.spellingCounts(subtractingPrefix: "S")
            #expect(counts.entries.map { "\($0.word)=\($0.count)" } == ["placering=2", "å=1"])
            let db = try WritableDatabase(path: dir.path)
            try db.addSpellings(counts)
            try db.commit()
            #expect(try Database(path: dir.path).spellings() == ["placering": 2, "å": 1])
        }
    }

    @Test("a stub file naming a remote shard is known as remote (term statistics are then batched)")
    func remoteStub() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let local = dir.appendingPathComponent("local")
            _ = try makeIndex(at: local, texts: Array(sample.prefix(1)))
            #expect(!Database.stubListsRemote(local.path))
            let stub = dir.appendingPathComponent("stub")
            try FileManager.default.createDirectory(at: stub, withIntermediateDirectories: true)
            try "auto ../local\n".write(to: stub.appendingPathComponent("XAPIANDB"), atomically: true, encoding: .utf8)
            #expect(!Database.stubListsRemote(stub.path))
            #expect(!(try Database(path: stub.path)).hasRemoteShards)
            try "auto ../local\n  remote 127.0.0.1:7000\n".write(to: stub.appendingPathComponent("XAPIANDB"), atomically: true, encoding: .utf8)
            #expect(Database.stubListsRemote(stub.path))
            #expect(Database.stubListsRemote(stub.appendingPathComponent("XAPIANDB").path))
        }
    }

    @Test("several databases open as one")
    func multiDatabase() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let a = dir.appendingPathComponent("a"), b = dir.appendingPathComponent("b")
            _ = try makeIndex(at: a, texts: Array(sample.prefix(2)))
            _ = try makeIndex(at: b, texts: Array(sample.suffix(2)))
            let combined = try Database(combining: [try Database(path: a.path), try Database(path: b.path)])
            #expect(try combined.documentCount() == 4)
            let qp = QueryParser()
            try qp.setStemmer(language: "swedish")
            let enquire = try Enquire(database: combined)
            enquire.setQuery(try qp.parse("orosanmälan OR checklista OR genomförandeplanen"))
            #expect(try enquire.matches(limit: 10).count == 3)
        }
    }

    @Test("errors carry the failing path, and a second writer gets a lock error")
    func errors() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let missing = dir.appendingPathComponent("nothing-here").path
            do {
                _ = try Database(path: missing)
                Issue.record("opening a missing database should fail")
            } catch let error as XapianError {
                #expect(error.description.contains(missing))
            }
            let writer = try WritableDatabase(path: dir.appendingPathComponent("w").path)
            do {
                _ = try WritableDatabase(path: dir.appendingPathComponent("w").path)
                Issue.record("a second writer should be refused")
            } catch let error as XapianError {
                #expect(error.isLockError)
            }
            _ = writer
        }
    }
}

@Suite("Xapian synonyms and stems")
struct XapianSynonymTests {
    @Test("a synonym between stems lets one inflection find the other through auto-synonyms")
    func stemSynonyms() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let db = try makeIndex(at: dir, texts: sample)
            let stemmer = try Stemmer(language: "swedish")
            #expect(try stemmer.stem("placeringar") == "placering")
            let plural = "Z" + (try stemmer.stem("orosanmälningar")), singular = "Z" + (try stemmer.stem("orosanmälan"))
            #expect(plural != singular)  // why the archive needs inflection synonyms at all
            try db.addSynonym(plural, singular)
            try db.commit()
            let qp = QueryParser()
            try qp.setStemmer(language: "swedish")
            qp.setDatabase(db)
            let enquire = try Enquire(database: db)
            enquire.setQuery(try qp.parse("orosanmälningar", features: [.default, .autoSynonyms]))
            #expect(try enquire.matches(limit: 10).count == 2)
        }
    }
}
