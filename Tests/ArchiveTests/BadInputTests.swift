import Foundation
import Testing
import TestSupport
@testable import ArchiveIndex
import Tagging

/// Every kind of bad input gets its own reason, and the good files around it are imported.
@Suite("Bad input", .serialized)
struct BadInputTests {
    @Test("broken, encrypted, empty, image-only, mis-encoded, disguised, looping and huge files")
    func eachGetsItsReason() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let folder = dir.appendingPathComponent("in")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let fm = FileManager.default
            for name in ["truncated.pdf", "empty.pdf", "encrypted.pdf", "image-only.pdf", "not-a-pdf.pdf", "multipage.pdf"] {
                try fm.copyItem(at: TestSupport.fixtures.appendingPathComponent("pdf/\(name)"), to: folder.appendingPathComponent(name))
            }
            try fm.copyItem(at: TestSupport.fixtures.appendingPathComponent("text/invalid-utf8.txt"), to: folder.appendingPathComponent("invalid-utf8.txt"))
            try fm.copyItem(at: TestSupport.fixtures.appendingPathComponent("text/cp1252.txt"), to: folder.appendingPathComponent("cp1252.txt"))
            // 20 MB on one line: big, but text; it must be imported, not choke the import.
            let line = String(repeating: "Nämnden följer upp placeringen i Luleå kommun. ", count: 20_000_000 / 48)
            try line.write(to: folder.appendingPathComponent("one-line.txt"), atomically: true, encoding: .utf8)
            // A symlink loop inside the folder.
            try fm.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
            try fm.createSymbolicLink(atPath: folder.appendingPathComponent("sub/loop").path, withDestinationPath: "..")
            try fm.createSymbolicLink(atPath: folder.appendingPathComponent("dangling.txt").path, withDestinationPath: "nowhere.txt")
            // An unreadable file (root reads everything, so this check only bites as a user).
            let locked = folder.appendingPathComponent("locked.txt")
            try "Hemlig handling om hemtjänst.".write(to: locked, atomically: true, encoding: .utf8)
            try fm.setAttributes([.posixPermissions: 0], ofItemAtPath: locked.path)
            let asRoot = getuid() == 0

            let index = dir.appendingPathComponent("Index").path
            // A generous per-file limit: the debug build tags the 20 MB file slowly.
            let out = try ArkivCommand.run(["import", folder.path, "--index", index, "--json", "--timeout", "900"])
            #expect(out.status == 3)
            let summary = try out.json()
            let rejects = Dictionary((summary["rejects"] as! [[String: String]]).map {
                (String($0["path"]!.dropFirst(folder.path.count + 1)), $0["reason"]!)
            }, uniquingKeysWith: { a, _ in a })
            #expect(rejects["truncated.pdf"]?.hasPrefix("damaged PDF") == true)
            #expect(rejects["empty.pdf"] == "empty file: zero bytes")
            #expect(rejects["encrypted.pdf"] == "encrypted PDF: password required")
            #expect(rejects["image-only.pdf"]?.hasPrefix("no text on any page") == true)
            #expect(rejects["not-a-pdf.pdf"] == "not a PDF: looks like HTML")
            #expect(rejects["invalid-utf8.txt"] == "invalid text encoding: neither UTF-8 nor Windows-1252")
            #expect(rejects["dangling.txt"] == "broken symbolic link or symlink loop")
            #expect(rejects["sub/loop"] == "symbolic link loop: leads back to a folder already imported")
            if !asRoot { #expect(rejects["locked.txt"] == "cannot read file: permission denied") }

            let records = try ArkivCommand.run(["export", "--index", index]).jsonLines()
            let imported = Set(records.map { URL(fileURLWithPath: $0["path"] as! String).lastPathComponent })
            #expect(imported.isSuperset(of: ["multipage.pdf", "cp1252.txt", "one-line.txt"]))
            #expect(summary["added"] as? Int == records.count)
        }
    }

    @Test("a file deleted between finding and reading it is reported, the rest imported")
    func deletedMidImport() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let folder = dir.appendingPathComponent("in")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for name in ["a", "b", "c"] {
                try "Dokument \(name) om tillsyn i Kalmar kommun.".write(to: folder.appendingPathComponent("\(name).txt"), atomically: true, encoding: .utf8)
            }
            let tagger = Tagger(domain: try DomainData.load(from: TestSupport.domain))
            let importer = Importer(indexPath: dir.appendingPathComponent("Index").path, processor: FileProcessor(tagger: tagger))
            // In-process extraction reports a.txt done before it reads b.txt: delete b.txt then.
            let doomed = folder.appendingPathComponent("b.txt")
            let summary = try importer.run([folder.path]) { progress in
                if progress.path.hasSuffix("/a.txt") { try? FileManager.default.removeItem(at: doomed) }
            }
            #expect(summary.added == 2)
            #expect(summary.rejects.map(\.path) == [doomed.path])
            #expect(summary.rejects.first?.reason.hasPrefix("cannot read file") == true)
        }
    }
}
