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
            // Its id is hashed in 1 MB pieces: it must still be the file's SHA-256.
            let oneLine = records.first { ($0["path"] as! String).hasSuffix("/one-line.txt") }
            #expect(oneLine?["id"] as? String == (try sha256sum(folder.appendingPathComponent("one-line.txt"))))
            #expect(summary["added"] as? Int == records.count)
        }
    }

    @Test("a pipe, a device, a non-UTF-8 name, a disguised .docx, an oversized file and a page of only script: each named with its reason")
    func filesThatAreNotWhatTheySeem() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let folder = dir.appendingPathComponent("in")
            let fm = FileManager.default
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            try "Beslut om tillsyn av hemtjänsten i Umeå kommun.".write(to: folder.appendingPathComponent("good.txt"), atomically: true, encoding: .utf8)
            // Reading either of these would block or never end: the import must not hang.
            #expect(mkfifo(folder.appendingPathComponent("pipe.txt").path, 0o644) == 0)
            try fm.createSymbolicLink(atPath: folder.appendingPathComponent("zero.pdf").path, withDestinationPath: "/dev/zero")
            // A Latin-1 name ("Beslut Malmö.txt" with ö as the single byte 0xF6), as old Windows shares leave them.
            var latin1Name = Array((folder.path + "/Beslut Malm").utf8).map { CChar(bitPattern: $0) }
            latin1Name += [CChar(bitPattern: 0xF6)] + Array(".txt".utf8).map { CChar(bitPattern: $0) } + [0]
            let fd = open(latin1Name, O_WRONLY | O_CREAT, 0o644)
            #expect(fd >= 0)
            _ = "Yttrande från Malmö stad.".withCString { write(fd, $0, strlen($0)) }
            close(fd)
            try "Det här är inget Word-dokument.".write(to: folder.appendingPathComponent("letter.docx"), atomically: true, encoding: .utf8)
            try String(repeating: "Tillsyn av LSS-boende i Kiruna kommun. ", count: 60_000).write(to: folder.appendingPathComponent("big.txt"), atomically: true, encoding: .utf8)
            try "<html><head><script>var beslut = 1;</script></head><body> </body></html>".write(to: folder.appendingPathComponent("script-only.html"), atomically: true, encoding: .utf8)
            // UTF-16 without a byte order mark, as some exports write it: imported, not refused.
            try "Återredovisning från Kiruna kommun om hemtjänst.".data(using: .utf16LittleEndian)!.write(to: folder.appendingPathComponent("export.txt"))

            let index = dir.appendingPathComponent("Index").path
            let out = try ArkivCommand.run(["import", folder.path, "--index", index, "--json", "--max-file-mb", "1", "--timeout", "60"])
            #expect(out.status == 3)
            let summary = try out.json()
            let rejects = Dictionary((summary["rejects"] as! [[String: String]]).map {
                (String($0["path"]!.dropFirst(folder.path.count + 1)), $0["reason"]!)
            }, uniquingKeysWith: { a, _ in a })
            #expect(rejects["pipe.txt"] == "not a regular file: a named pipe (FIFO)")
            #expect(rejects["zero.pdf"] == "not a regular file: a device")
            #expect(rejects["Beslut Malm\u{FFFD}.txt"]?.hasPrefix("file name is not valid UTF-8") == true)
            #expect(rejects["letter.docx"] == "not a Word .docx: looks like plain text")
            #expect(rejects["big.txt"] == "file too large: 2 MB (the limit is 1 MB; see --max-file-mb)")
            #expect(rejects["script-only.html"] == "no text: the page has none outside its markup and scripts")
            #expect(rejects.count == 6)
            let records = try ArkivCommand.run(["export", "--index", index]).jsonLines()
            #expect(Set(records.map { URL(fileURLWithPath: $0["path"] as! String).lastPathComponent }) == ["good.txt", "export.txt"])
            #expect(records.contains { $0["municipality"] as? String == "Kiruna" })
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
