import Foundation

/// Runs the built `arkiv` binary as a user or script would, capturing its output.
public enum ArkivCommand {
    public struct Output {
        public var status: Int32
        public var stdout: String
        public var stderr: String

        /// stdout parsed as one JSON object.
        public func json() throws -> [String: Any] {
            let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
            guard let dict = object as? [String: Any] else { throw CocoaError(.coderInvalidValue) }
            return dict
        }

        /// stdout parsed as JSON Lines.
        public func jsonLines() throws -> [[String: Any]] {
            try stdout.split(separator: "\n").map {
                try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
            }
        }
    }

    /// The arkiv binary built beside the test bundle (swift test builds it).
    public static var executable: URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("arkiv")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return TestSupport.repositoryRoot.appendingPathComponent(".build/debug/arkiv")
    }

    @discardableResult
    public static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["ARKIV_DOMAIN"] = TestSupport.domain.path
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes while the process runs so a large output cannot block it.
        final class Collected: @unchecked Sendable { var data = Data() }
        let errData = Collected()
        let done = DispatchSemaphore(value: 0)
        let errHandle = err.fileHandleForReading
        Thread.detachNewThread {
            errData.data = errHandle.readDataToEndOfFile()
            done.signal()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        done.wait()
        return Output(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData.data, as: UTF8.self))
    }
}
