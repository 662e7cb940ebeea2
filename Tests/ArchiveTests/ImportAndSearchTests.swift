import Foundation
import Testing
import TestSupport
import Xapian

/// End to end through the real `arkiv` binary: real files in, a real Xapian index, search out.
@Suite("Import and search, end to end", .serialized)
struct ImportAndSearchTests {
    /// A small archive of our own: Swedish text in three encodings and the fixture PDFs.
    static func makeArchive(in dir: URL) throws -> URL {
        let archive = dir.appendingPathComponent("arkiv-in")
        try FileManager.default.createDirectory(at: archive.appendingPathComponent("kalmar"), withIntermediateDirectories: true)
        let decision = """
            Beslut efter tillsyn
            Inspektionen för vård och omsorg, IVO dnr 3.5.1-04417/2024
            Socialnämnden i Kalmar kommun har inte bedömt inkomna orosanmälningar inom fjorton dagar.
            IVO bedömer att nämnden brister i sin skyldighet att göra förhandsbedömningar.
            Sökanden med personnummer 19121212-1212 omnämns i akten.
            """
        try decision.write(to: archive.appendingPathComponent("kalmar/beslut.txt"), atomically: true, encoding: .utf8)
        let answer = """
            Yttrande till IVO
            Socialnämnden i Växjö har infört en checklista inför placering i familjehem.
            Varje orosanmälan registreras samma dag och bedöms av två socialsekreterare.
            """
        try answer.data(using: .windowsCP1252)!.write(to: archive.appendingPathComponent("vaxjo-yttrande.txt"))
        let utf16 = "Återredovisning från Gävle: nämnden har utbildat all personal i barnsamtal."
        try (Data([0xFF, 0xFE]) + utf16.data(using: .utf16LittleEndian)!).write(to: archive.appendingPathComponent("gavle.txt"))
        for name in ["multipage.pdf", "image-only.pdf", "truncated.pdf", "not-a-pdf.pdf", "empty.pdf", "encrypted.pdf"] {
            try FileManager.default.copyItem(at: TestSupport.fixtures.appendingPathComponent("pdf/\(name)"),
                                             to: archive.appendingPathComponent(name))
        }
        try Data("ignored".utf8).write(to: archive.appendingPathComponent("notes.xyz"))
        return archive
    }

    @Test("import reports what was added and why each bad file was rejected; re-import changes nothing")
    func importAndReimport() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let archive = try Self.makeArchive(in: dir)
            let index = dir.appendingPathComponent("Index").path
            let first = try ArkivCommand.run(["import", archive.path, "--index", index, "--json"])
            #expect(first.status == 3, "rejects mean exit status 3: \(first.stderr)")
            let summary = try first.json()
            #expect(summary["added"] as? Int == 4)
            #expect(summary["rejected"] as? Int == 5)
            let rejects = Dictionary(uniqueKeysWithValues: (summary["rejects"] as! [[String: String]]).map {
                (URL(fileURLWithPath: $0["path"]!).lastPathComponent, $0["reason"]!)
            })
            #expect(rejects["empty.pdf"] == "empty file: zero bytes")
            #expect(rejects["encrypted.pdf"] == "encrypted PDF: password required")
            #expect(rejects["not-a-pdf.pdf"] == "not a PDF: looks like HTML")
            #expect(rejects["truncated.pdf"]?.hasPrefix("damaged PDF") == true)
            #expect(rejects["image-only.pdf"]?.hasPrefix("no text on any page") == true)

            let second = try ArkivCommand.run(["import", archive.path, "--index", index, "--json"])
            let again = try second.json()
            #expect(again["added"] as? Int == 0)
            #expect(again["updated"] as? Int == 0)
            #expect(again["unchanged"] as? Int == 4)
        }
    }

    @Test("export gives one CONTRACT record per document, its id the SHA-256 of the bytes")
    func export() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let archive = try Self.makeArchive(in: dir)
            let index = dir.appendingPathComponent("Index").path
            try ArkivCommand.run(["import", archive.path, "--index", index])
            let records = try ArkivCommand.run(["export", "--index", index, "--format", "jsonl"]).jsonLines()
            #expect(records.count == 4)
            let pdf = try #require(records.first { ($0["path"] as? String)?.hasSuffix("multipage.pdf") == true })
            #expect(pdf["pages"] as? Int == 4)
            #expect(pdf["extraction"] as? String == "text")
            #expect(pdf["id"] as? String == (try sha256sum(archive.appendingPathComponent("multipage.pdf"))))
            for key in ["title", "doc_type", "municipality", "municipalities", "diarienummer", "date", "dates", "area", "brister", "measures", "legal_refs"] {
                #expect(pdf.keys.contains(key), "record lacks \(key)")
            }
            let plain = try #require(records.first { ($0["path"] as? String)?.hasSuffix("vaxjo-yttrande.txt") == true })
            #expect(plain["extraction"] as? String == "plain")
        }
    }

    @Test("a phrase from a PDF's third page finds the PDF, highlighted")
    func phraseOnThirdPage() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let archive = try Self.makeArchive(in: dir)
            let index = dir.appendingPathComponent("Index").path
            try ArkivCommand.run(["import", archive.path, "--index", index])
            let phrase = FixtureFacts.multipagePageThreePhrase
            let result = try ArkivCommand.run(["search", "--index", index, "--json", "\"\(phrase)\""]).json()
            let hits = result["hits"] as! [[String: Any]]
            #expect(hits.count == 1)
            #expect((hits.first?["path"] as? String)?.hasSuffix("multipage.pdf") == true)
            let firstWord = phrase.split(separator: " ").first!
            #expect((hits.first?["snippet"] as? String)?.contains("<mark>\(firstWord)") == true)
        }
    }

    @Test("Swedish search: inflections meet, å ä ö survive every encoding, booleans and wildcards work")
    func swedishSearch() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let archive = try Self.makeArchive(in: dir)
            let index = dir.appendingPathComponent("Index").path
            try ArkivCommand.run(["import", archive.path, "--index", index])
            func paths(_ query: String) throws -> Set<String> {
                let out = try ArkivCommand.run(["search", "--index", index, "--json", query])
                #expect(out.status == 0, "\(query): \(out.stderr)")
                return Set((try out.json()["hits"] as! [[String: Any]]).map { URL(fileURLWithPath: $0["path"] as! String).lastPathComponent })
            }
            #expect(try paths("orosanmälningar") == ["beslut.txt", "vaxjo-yttrande.txt"])
            #expect(try paths("orosanmälan") == ["beslut.txt", "vaxjo-yttrande.txt"])
            #expect(try paths("\"checklista inför placering\"") == ["vaxjo-yttrande.txt"])
            #expect(try paths("återredovisning barnsamtal") == ["gavle.txt"])
            #expect(try paths("orosanmälan NOT checklista") == ["beslut.txt"])
            #expect(try paths("förhandsbedöm*") == ["beslut.txt"])
        }
    }

    @Test("snippets mask personnummer unless asked; a malformed query gets a clear error")
    func maskingAndErrors() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let archive = try Self.makeArchive(in: dir)
            let index = dir.appendingPathComponent("Index").path
            try ArkivCommand.run(["import", archive.path, "--index", index])
            let masked = try ArkivCommand.run(["search", "--index", index, "--json", "personnummer"]).stdout
            #expect(!masked.contains("19121212-1212"))
            #expect(masked.contains("ÅÅMMDD-XXXX"))
            let shown = try ArkivCommand.run(["search", "--index", index, "--json", "--show-personnummer", "personnummer"]).stdout
            #expect(shown.contains("19121212-1212"))
            let bad = try ArkivCommand.run(["search", "--index", index, "--from", "igår", "tillsyn"])
            #expect(bad.status == 2)
            #expect(bad.stderr.contains("not a date"))
            let missing = try ArkivCommand.run(["search", "--index", dir.appendingPathComponent("none").path, "x"])
            #expect(missing.status == 1)
        }
    }

    @Test("an index of another layout version is refused with advice, by search and by import")
    func otherSchemaVersion() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let archive = try Self.makeArchive(in: dir)
            let index = dir.appendingPathComponent("Index").path
            try ArkivCommand.run(["import", archive.path, "--index", index])
            #expect(try ArkivCommand.run(["search", "--index", index, "tillsyn"]).status == 0)
            do {
                let db = try WritableDatabase(path: index)
                try db.setMetadata("schema", "3")
                try db.commit()
            }
            for command in [["search", "tillsyn"], ["measures", "--brist", "kontroll_placering"], ["import", archive.path]] {
                let out = try ArkivCommand.run(command + ["--index", index])
                #expect(out.status == 1, "\(command)")
                #expect(out.stderr.contains("schema version 3"), "\(command): \(out.stderr)")
                #expect(out.stderr.contains("new index folder"), "\(command): \(out.stderr)")
            }
        }
    }

    @Test("a changed file replaces its old version; the same bytes under a second path are one document")
    func changedAndDuplicate() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let folder = dir.appendingPathComponent("in")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let file = folder.appendingPathComponent("a.txt")
            try "Första versionen om hemtjänst i Umeå.".write(to: file, atomically: true, encoding: .utf8)
            try "Första versionen om hemtjänst i Umeå.".write(to: folder.appendingPathComponent("kopia.txt"), atomically: true, encoding: .utf8)
            // The same broken bytes twice: one extraction, and both paths rejected with its reason.
            for name in ["trasig.pdf", "trasig-kopia.pdf"] {
                try Data("%PDF-1.4\n1 0 obj << /Type /Catalog".utf8).write(to: folder.appendingPathComponent(name))
            }
            let index = dir.appendingPathComponent("Index").path
            let first = try ArkivCommand.run(["import", folder.path, "--index", index, "--json"]).json()
            #expect(first["added"] as? Int == 1)
            #expect(first["unchanged"] as? Int == 1)
            let rejects = first["rejects"] as! [[String: Any]]
            #expect(Set(rejects.compactMap { ($0["path"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent } }) == ["trasig.pdf", "trasig-kopia.pdf"])
            #expect(Set(rejects.compactMap { $0["reason"] as? String }).count == 1)
            let records = try ArkivCommand.run(["export", "--index", index]).jsonLines()
            #expect(records.count == 1)
            #expect((records.first?["paths"] as? [String])?.count == 2)

            try "Andra versionen om hemtjänst i Umeå, helt omskriven.".write(to: file, atomically: true, encoding: .utf8)
            let second = try ArkivCommand.run(["import", folder.path, "--index", index, "--json"]).json()
            #expect(second["updated"] as? Int == 1)
            let after = try ArkivCommand.run(["export", "--index", index]).jsonLines()
            #expect(after.count == 2)
            let hits = try ArkivCommand.run(["search", "--index", index, "--json", "omskriven"]).json()["hits"] as! [[String: Any]]
            #expect(hits.count == 1)
        }
    }
}

/// Runs the system's sha256sum, an independent check of the document ids.
func sha256sum(_ file: URL) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    p.arguments = [file.path]
    let pipe = Pipe()
    p.standardOutput = pipe
    try p.run()
    let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    return String(out.prefix(64))
}
