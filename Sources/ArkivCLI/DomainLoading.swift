import ArchiveIndex
import Foundation
import Tagging


extension DomainData {
    /// Finds and loads Domain/ or fails with advice.
    static func forCommand(explicit: String?) throws -> (DomainData, InflectionFamilies) {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        guard let folder = DomainData.locate(explicit: explicit, hintFilePath: executable) else {
            throw CommandFailure(message: "domain data not found: pass --domain DIR or set ARKIV_DOMAIN to the project's Domain folder", status: 1)
        }
        do {
            let domain = try DomainData.load(from: folder)
            let inflectionFile = folder.appendingPathComponent("inflections.txt")
            let inflections = FileManager.default.fileExists(atPath: inflectionFile.path)
                ? try InflectionFamilies.load(from: inflectionFile) : .empty
            return (domain, inflections)
        } catch {
            throw CommandFailure(message: "cannot load domain data from \(folder.path): \(error)", status: 1)
        }
    }
}

/// The path of the running arkiv binary (workers are started from it).
var currentExecutable: String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
}
