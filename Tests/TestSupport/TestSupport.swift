import Foundation
import Synchronization

/// Shared helpers for the test targets: temporary folders, the repository's paths.
public enum TestSupport {
    /// The repository root, found from this file's location.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static var fixtures: URL { repositoryRoot.appendingPathComponent("Tests/Fixtures") }
    public static var corpus: URL { repositoryRoot.appendingPathComponent("Corpus") }
    public static var domain: URL { repositoryRoot.appendingPathComponent("Domain") }

    /// A fresh empty directory, removed when `body` returns.
    public static func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("arkiv-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        return try body(dir)
    }

    public static func withTemporaryDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("arkiv-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        return try await body(dir)
    }

    /// A fresh directory for what a suite shares among its tests (an index imported once),
    /// removed when the test process exits: a suite has no teardown of its own.
    public static func directoryForThisRun(_ name: String) -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("arkiv-\(name)-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        removedAtExit.withLock { paths in
            if paths.isEmpty { atexit { removedAtExit.withLock { $0.forEach { try? FileManager.default.removeItem(atPath: $0) } } } }
            paths.append(dir.path)
        }
        return dir
    }
}

private let removedAtExit = Mutex<[String]>([])
