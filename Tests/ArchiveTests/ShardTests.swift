import ArchiveIndex
import Foundation
import Search
import Testing
import TestSupport
import Xapian

/// Single index vs sharded vs remote shards (xapian-tcpsrv on loopback) must answer alike, and a
/// shard that is down must give a clear error, not a hang. Scripts/check-shards does the
/// comparison (it works on any folder); this test runs it on the Corpus with the built arkiv.
@Suite("Shards", .serialized)
struct ShardTests {
    @Test("Corpus: single, sharded and remote answers are identical; a stopped shard fails clearly",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/xapian-tcpsrv")))
    func singleShardedRemote() throws {
        let (status, text) = try Self.runScript(["python3", "Scripts/check-shards", TestSupport.corpus.path,
                                                 "--shards", "3", "--arkiv", ArkivCommand.executable.path])
        #expect(status == 0, "\(text.suffix(2000))")
        #expect(text.contains(" 0 failed"))
    }

    @Test("a read replica made by xapian-replicate answers as the master, and catches up by changeset",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/xapian-replicate")))
    func readReplica() throws {
        let (status, text) = try Self.runScript(["ARKIV=\(ArkivCommand.executable.path)", "bash", "Scripts/try-replicate",
                                                 TestSupport.corpus.path])
        #expect(status == 0, "\(text.suffix(2000))")
        #expect(!text.contains("FAIL"))
    }

    /// A folder `arkiv` in `dir` with one text file per kommun, "Kalmar.txt" …, of `text(kommun)`.
    static func kommunFiles(in dir: URL, _ text: (String) -> String) throws -> (folder: URL, kommuner: [String]) {
        let folder = dir.appendingPathComponent("arkiv")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let kommuner = ["Kalmar", "Umeå", "Gävle", "Tyresö", "Lekeberg", "Borås"]
        for kommun in kommuner {
            try text(kommun).write(to: folder.appendingPathComponent("\(kommun).txt"), atomically: true, encoding: .utf8)
        }
        return (folder, kommuner)
    }

    /// Runs a script of Scripts/ (through env, from the repository root); its status and output.
    static func runScript(_ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = TestSupport.repositoryRoot
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    @Test("a sharded import puts every document in exactly one shard and verify checks them all")
    func shardedImport() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let index = dir.appendingPathComponent("Index").path
            let first = try ArkivCommand.run(["import", TestSupport.corpus.path, "--index", index, "--shards", "4", "--json"]).json()
            let shards = try FileManager.default.contentsOfDirectory(atPath: index).filter { $0.hasPrefix("shard-") }
            #expect(shards.count == 4)
            let records = try ArkivCommand.run(["export", "--index", index]).jsonLines()
            #expect(records.count == first["added"] as? Int)
            #expect(Set(records.map { $0["id"] as! String }).count == records.count)
            let again = try ArkivCommand.run(["import", TestSupport.corpus.path, "--index", index, "--json"]).json()
            #expect(again["added"] as? Int == 0)
            #expect(again["unchanged"] as? Int == records.count)
            #expect(try ArkivCommand.run(["verify", "--index", index, "--json"]).json()["ok"] as? Bool == true)
        }
    }

    @Test("--prune removes the documents of deleted files, from a single index and from shards",
          arguments: [nil, "3"] as [String?])
    func prune(shards: String?) throws {
        try TestSupport.withTemporaryDirectory { dir in
            let (folder, kommuner) = try Self.kommunFiles(in: dir) { "Yttrande från \($0) kommun om rutinen för orosanmälningar." }
            let index = dir.appendingPathComponent("Index").path
            let layout = shards.map { ["--shards", $0] } ?? []
            let first = try ArkivCommand.run(["import", folder.path, "--index", index, "--json"] + layout).json()
            #expect(first["added"] as? Int == kommuner.count)
            for gone in kommuner.prefix(2) { try FileManager.default.removeItem(at: folder.appendingPathComponent("\(gone).txt")) }
            let kept = try ArkivCommand.run(["import", folder.path, "--index", index, "--json"]).json()
            #expect(kept["pruned"] as? Int == 0, "without --prune nothing is removed")
            let pruned = try ArkivCommand.run(["import", folder.path, "--index", index, "--prune", "--json"]).json()
            #expect(pruned["pruned"] as? Int == 2)
            let paths = try ArkivCommand.run(["export", "--index", index]).jsonLines().map { URL(fileURLWithPath: $0["path"] as! String).lastPathComponent }
            #expect(Set(paths) == Set(kommuner.dropFirst(2).map { "\($0).txt" }))
            #expect(try ArkivCommand.run(["verify", "--index", index, "--json"]).json()["ok"] as? Bool == true)
        }
    }
}

/// Documents and measure entries each keep to a run of docids of their own (`EntryNumbering`),
/// whatever an import does to them: a search then reads no measure entry's length.
@Suite("Docids of documents and measure entries", .serialized)
struct EntryNumberingTests {
    /// Two measures under a heading, as a yttrande lists them.
    static let measureText = """
        Åtgärder
        - Nämnden har infört en checklista inför placering i familjehem.
        - En ny rutin för orosanmälningar har tagits fram.
        """

    /// Each shard's (or the index's) documents' and measure entries' docids, and its base.
    static func docids(_ index: String) throws -> [(documents: [UInt32], measures: [UInt32], base: String)] {
        let shards = try FileManager.default.contentsOfDirectory(atPath: index).filter { $0.hasPrefix("shard-") }.sorted()
        return try (shards.isEmpty ? [index] : shards.map { index + "/" + $0 }).map { path in
            let db = try Database(path: path)
            var documents: [UInt32] = [], measures: [UInt32] = []
            try db.forEachPosting("XRdocument") { documents.append($0); return true }
            try db.forEachPosting("XRmeasure") { measures.append($0); return true }
            return (documents, measures, try db.metadata("measure_docid_base"))
        }
    }

    @Test("new, changed, doubled and pruned files keep documents below the base and measures above, in one index and in shards",
          arguments: [nil, "3"] as [String?])
    func runs(shards: String?) throws {
        try TestSupport.withTemporaryDirectory { dir in
            let (folder, kommuner) = try ShardTests.kommunFiles(in: dir) { "Yttrande till IVO från \($0) kommun.\n\n\(Self.measureText)" }
            let index = dir.appendingPathComponent("Index").path
            _ = try ArkivCommand.run(["import", folder.path, "--index", index, "--json"] + (shards.map { ["--shards", $0] } ?? []))
            // A changed file, a copy of another's bytes, then one of the two paths gone and a file gone.
            try "Återredovisning till IVO från Kalmar kommun.\n\n\(Self.measureText)".write(
                to: folder.appendingPathComponent("Kalmar.txt"), atomically: true, encoding: .utf8)
            try FileManager.default.copyItem(at: folder.appendingPathComponent("Umeå.txt"), to: folder.appendingPathComponent("Umeå-kopia.txt"))
            _ = try ArkivCommand.run(["import", folder.path, "--index", index, "--json"])
            try FileManager.default.removeItem(at: folder.appendingPathComponent("Umeå.txt"))
            try FileManager.default.removeItem(at: folder.appendingPathComponent("Borås.txt"))
            let pruned = try ArkivCommand.run(["import", folder.path, "--index", index, "--prune", "--json"]).json()
            // The copy's bytes are kept once in each shard holding one of their paths.
            let layout = ShardLayout.read(indexPath: index)
            let apart = layout.map { $0.shard(for: folder.appendingPathComponent("Umeå.txt").path)
                != $0.shard(for: folder.appendingPathComponent("Umeå-kopia.txt").path) } ?? false
            #expect(pruned["pruned"] as? Int == (apart ? 2 : 1))

            let parts = try Self.docids(index)
            // Xapian interleaves the shards' docids: for 3 shards each may use a quarter of 32 bits.
            let base: UInt32 = shards == nil ? 1 << 31 : 1 << 29
            #expect(parts.count == (shards == nil ? 1 : 3))
            for part in parts {
                #expect(part.base == String(base))
                #expect(part.documents.allSatisfy { $0 < base }, "\(part.documents)")
                #expect(part.measures.allSatisfy { $0 >= base }, "\(part.measures)")
            }
            // Every document is there once, with its measure entries and no others.
            let records = try ArkivCommand.run(["export", "--index", index]).jsonLines()
            #expect(records.count == kommuner.count - 1)
            #expect(parts.map(\.documents.count).reduce(0, +) == records.count)
            let measures = records.map { ($0["measures"] as? [Any])?.count ?? 0 }
            #expect(measures.allSatisfy { $0 > 0 })
            #expect(parts.map(\.measures.count).reduce(0, +) == measures.reduce(0, +))
            #expect(try ArkivCommand.run(["verify", "--index", index, "--json"]).json()["ok"] as? Bool == true)
        }
    }

    @Test("an index made before keeps numbering its entries in turn, and still imports and finds")
    func indexFromBefore() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let folder = dir.appendingPathComponent("arkiv")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try "Yttrande till IVO från Kalmar kommun.\n\n\(Self.measureText)".write(to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
            let index = dir.appendingPathComponent("Index").path
            _ = try ArkivCommand.run(["import", folder.path, "--index", index])
            // What an index of an earlier version looks like: entries in turn, no base recorded.
            do {
                let db = try WritableDatabase(path: index)
                try db.setMetadata("measure_docid_base", "")
                try db.setMetadata("next_document_docid", "")
                try db.commit()
            }
            try "Yttrande till IVO från Umeå kommun.\n\n\(Self.measureText)".write(to: folder.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
            let added = try ArkivCommand.run(["import", folder.path, "--index", index, "--json"]).json()
            #expect(added["added"] as? Int == 1)
            let part = try Self.docids(index)[0]
            #expect(part.base == "")
            let first = try #require(part.measures.first)
            #expect(part.documents.contains { $0 > first }, "the new document comes after the first one's measures")
            let hits = try ArkivCommand.run(["search", "--index", index, "--json", "kommun:umeå"]).json()["hits"] as? [Any]
            #expect(hits?.count == 1)
        }
    }
}

/// Over local shards a search runs on several threads, one group of shards each, and merges
/// their best hits; the answer must be the one the single-threaded match gives, page by page.
@Suite("Searching shards in parallel", .serialized)
struct ParallelShardSearchTests {
    @Test("weights are bit for bit those of one match over all shards, for one word and for several")
    func exactWeights() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let index = dir.appendingPathComponent("Index").path
            _ = try ArkivCommand.run(["import", TestSupport.corpus.path, "--index", index, "--shards", "4", "--json"])
            let reader = try ArchiveReader(indexPath: index)
            let one = try Searcher(reader: reader, threads: 1)
            let three = try Searcher(reader: try ArchiveReader(indexPath: index), threads: 3)
            // One word, several words, a phrase boost, a filter (matched per group of shards with
            // the archive's statistics), and a wildcard (matched with the shard filter).
            for text in ["rutin", "placering", "orosanmälan rutin", "kontroll inför placering", "IVO kommun:umeå", "placer*"] {
                var request = SearchRequest(query: text)
                request.limit = 50
                let a = try one.search(request), b = try three.search(request)
                #expect(a.hits.count > 1, "\(text)")
                #expect(a.hits.map(\.record.id) == b.hits.map(\.record.id), "\(text)")
                #expect(a.hits.map(\.score) == b.hits.map(\.score), "\(text): exact weights")
                #expect(a.total == b.total)
            }
        }
    }

    @Test("threads change nothing: the same hits, scores, order, totals, facets and similar cases; pages add up to the whole list")
    func sameAnswers() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let index = dir.appendingPathComponent("Index").path
            _ = try ArkivCommand.run(["import", TestSupport.corpus.path, "--index", index, "--shards", "4", "--json"])
            func search(_ query: String, _ extra: [String], threads: Int) throws -> [String: Any] {
                try ArkivCommand.run(["search", "--json", "--index", index, query] + extra,
                                     environment: ["ARKIV_SEARCH_THREADS": String(threads)]).json()
            }
            func ranked(_ answer: [String: Any]) -> [String] {
                (answer["hits"] as! [[String: Any]]).map { "\($0["id"]!) \($0["score"]!)" }
            }
            // Similar cases match the text of a document over the shards the same way.
            let ids = ranked(try search("placering", ["--limit", "4"], threads: 1)).map { String($0.prefix(16)) }
            for id in ids {
                let one = try ArkivCommand.run(["similar", "--json", "--index", index, id], environment: ["ARKIV_SEARCH_THREADS": "1"]).stdout
                let three = try ArkivCommand.run(["similar", "--json", "--index", index, id], environment: ["ARKIV_SEARCH_THREADS": "3"]).stdout
                #expect(one == three, "similar to \(id)")
                #expect(one.contains("\"reasons\""))
            }
            for query in ["rutin", "orosanmälan", "IVO", "kommun:kalmar OR kommun:umeå", "placer*"] {
                for sort in [[], ["--sort", "date"]] {
                    let whole = try search(query, ["--limit", "40"] + sort, threads: 1)
                    #expect(ranked(whole).count > 5, "\(query): enough hits to page through")
                    for threads in [2, 3] {
                        let parallel = try search(query, ["--limit", "40"] + sort, threads: threads)
                        #expect(ranked(parallel) == ranked(whole), "\(query) \(sort) on \(threads) threads")
                        #expect(parallel["total"] as? Int == whole["total"] as? Int)
                        #expect(NSDictionary(dictionary: parallel["facets"] as! [String: Any])
                                    .isEqual(to: whole["facets"] as! [String: Any]), "\(query): facets")
                    }
                    for threads in [1, 3] {
                        var paged: [String] = []
                        for offset in stride(from: 0, to: 40, by: 7) {
                            let limit = String(min(7, 40 - offset))
                            paged += ranked(try search(query, ["--limit", limit, "--offset", String(offset)] + sort, threads: threads))
                        }
                        #expect(paged == ranked(whole), "\(query) \(sort): pages of 7 on \(threads) threads")
                    }
                }
            }
        }
    }
}
