import Foundation
import Testing
import TestSupport

/// kill -9 in the middle of an import, then the same command again, must give the same index
/// as an uninterrupted import: nothing lost, nothing twice, xapian-check clean.
@Suite("Crash safety", .serialized)
struct CrashSafetyTests {
    static func writeArchive(_ folder: URL, count: Int) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let kommuner = ["Kalmar", "Umeå", "Gävle", "Växjö", "Luleå"]
        for i in 0..<count {
            let text = """
                Yttrande nr \(i) från socialnämnden i \(kommuner[i % kommuner.count]) kommun
                Nämnden har infört en rutin för orosanmälningar, version \(i).
                Uppföljningen av placeringen gjordes \(i % 28 + 1) mars 2024.
                """
            try text.write(to: folder.appendingPathComponent(String(format: "dok-%04d.txt", i)), atomically: true, encoding: .utf8)
        }
    }

    /// Records by id with the fields that must match (paths are the same files).
    static func export(_ index: String) throws -> [String: String] {
        let lines = try ArkivCommand.run(["export", "--index", index]).stdout.split(separator: "\n")
        var out: [String: String] = [:]
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            out[object["id"] as! String] = String(line)
        }
        return out
    }

    @Test("kill -9 during import, then re-run: identical content, consistent index")
    func killAndResume() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let folder = dir.appendingPathComponent("in")
            try Self.writeArchive(folder, count: 400)
            let reference = dir.appendingPathComponent("reference").path
            let crashed = dir.appendingPathComponent("crashed").path
            try ArkivCommand.run(["import", folder.path, "--index", reference, "--batch-size", "25"])

            let process = Process()
            process.executableURL = ArkivCommand.executable
            process.arguments = ["import", folder.path, "--index", crashed, "--batch-size", "25"]
            var env = ProcessInfo.processInfo.environment
            env["ARKIV_DOMAIN"] = TestSupport.domain.path
            process.environment = env
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Kill once some batches are committed but before the end.
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline, process.isRunning {
                if let count = try? ArkivCommand.run(["export", "--index", crashed]).stdout.split(separator: "\n").count, count >= 50 { break }
                usleep(20_000)
            }
            #expect(process.isRunning, "the import finished before it could be killed; make the archive bigger")
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let partial = try Self.export(crashed).count
            #expect(partial < 400)

            let resumed = try ArkivCommand.run(["import", folder.path, "--index", crashed, "--json", "--batch-size", "25"]).json()
            #expect(resumed["added"] as? Int == 400 - partial)
            #expect(resumed["unchanged"] as? Int == partial)
            #expect(try Self.export(crashed) == (try Self.export(reference)))

            let check = Process()
            check.executableURL = URL(fileURLWithPath: "/usr/bin/xapian-check")
            check.arguments = [crashed]
            check.standardOutput = FileHandle.nullDevice
            try check.run()
            check.waitUntilExit()
            #expect(check.terminationStatus == 0, "xapian-check found errors")
            let verify = try ArkivCommand.run(["verify", "--index", crashed, "--json"]).json()
            #expect(verify["ok"] as? Bool == true)
        }
    }
}
