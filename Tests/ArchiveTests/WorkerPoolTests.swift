import Extraction
import Foundation
import Testing
import TestSupport
@testable import ArchiveIndex

/// The isolation the import relies on, with real `arkiv extract-worker` processes: a file that
/// hangs its worker or makes it run out of memory costs that file alone.
@Suite("Extraction workers")
struct WorkerPoolTests {
    @Test("a hung worker is killed at the time limit, one out of memory is replaced; every other file is extracted once")
    func hangAndCrashCostOneFileEach() throws {
        try TestSupport.withTemporaryDirectory { dir in
            var good: [String: String] = [:]  // path → a word only that file holds
            for (number, kommun) in ["Umeå", "Gävle", "Kalmar", "Borås", "Lekeberg", "Tyresö", "Luleå", "Malmö"].enumerated() {
                let path = dir.appendingPathComponent("beslut-\(number).txt").path
                let word = "ärendeord\(number)x"
                try "Socialnämnden i \(kommun) kommun har infört en rutin för uppföljning av placeringar. \(word)"
                    .write(toFile: path, atomically: true, encoding: .utf8)
                good[path] = word
            }
            // Opening a FIFO with no writer blocks: the worker never answers.
            let hanging = dir.appendingPathComponent("fastnar.txt").path
            #expect(mkfifo(hanging, 0o644) == 0)
            // 100 MB of text under a 256 MB address-space limit: the worker cannot hold it.
            let huge = dir.appendingPathComponent("enorm.txt").path
            try String(repeating: "omsorg kommun brister rutin ", count: 3_600_000).write(toFile: huge, atomically: false, encoding: .utf8)

            // The bad files among the good ones, so good files follow each on the same worker.
            let sortedGood = good.keys.sorted()
            let paths = Array(sortedGood[..<3]) + [hanging] + Array(sortedGood[3..<6]) + [huge] + Array(sortedGood[6...])
            let pool = WorkerPool<ProcessedFile>(
                executable: ArkivCommand.executable.path,
                arguments: ["extract-worker", "--domain", TestSupport.domain.path],
                workers: 2, limits: WorkerLimits(secondsPerFile: 5, memoryMBPerWorker: 256))
            var results: [String: Result<ProcessedFile, ExtractionError>] = [:]
            var handled = 0
            pool.extract(paths) { path, result in
                handled += 1
                results[path] = result
            }

            #expect(handled == paths.count)
            #expect(Set(results.keys) == Set(paths))
            for (path, word) in good {
                let text = try? results[path]?.get().text.pages.joined()
                #expect(text?.contains(word) == true, "\(path) was not extracted: \(String(describing: results[path]))")
            }
            guard case .failure(let hung) = results[hanging], case .failure(let outOfMemory) = results[huge] else {
                Issue.record("the hanging and the huge file must be rejected")
                return
            }
            #expect(hung.reason == "extraction timed out after 5 s: the file may be damaged or pathological")
            // Depending on where the allocation fails: the read is refused, or the worker dies.
            #expect(outOfMemory.reason.contains("memory limit") || outOfMemory.reason.hasPrefix("extraction crashed"),
                    "\(outOfMemory.reason)")
        }
    }
}
