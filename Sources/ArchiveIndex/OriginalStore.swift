import Foundation

/// The originals, content-addressed beside the index (`<index>/originals/ab/abcd….pdf`), so a
/// document can be opened and re-extracted after its source folder is gone.
public struct OriginalStore: Sendable {
    public let root: URL

    public init(indexPath: String) {
        root = URL(fileURLWithPath: indexPath).appendingPathComponent("originals")
    }

    /// Where the original with this id and file extension lives.
    public func url(id: String, extension ext: String) -> URL {
        let name = ext.isEmpty ? id : "\(id).\(ext.lowercased())"
        return root.appendingPathComponent(String(id.prefix(2))).appendingPathComponent(name)
    }

    /// The stored original of `id`, whatever its extension.
    public func find(id: String) -> URL? {
        let folder = root.appendingPathComponent(String(id.prefix(2)))
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return nil }
        return names.first { $0 == id || $0.hasPrefix(id + ".") }.map { folder.appendingPathComponent($0) }
    }

    /// Copies the bytes in, atomically (temp file + rename), unless already there. Not yet
    /// flushed to disk: `sync()` does that for a whole batch. Safe on several threads at once
    /// for different ids.
    func store(_ data: Data, id: String, extension ext: String) throws {
        let target = url(id: id, extension: ext)
        if FileManager.default.fileExists(atPath: target.path) { return }
        // Several threads store at once: a folder another thread just made is no error. The
        // root is made only when it is missing, not asked for with every file.
        let folder = target.deletingLastPathComponent().path
        func made(_ path: String) -> Bool { mkdir(path, 0o755) == 0 || errno == EEXIST }
        guard made(folder) || (errno == ENOENT && made(root.path) && made(folder)) else {
            throw ArchiveError("cannot create \(folder): \(String(cString: strerror(errno)))")
        }
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(id).\(getpid()).tmp")
        // Not Data.write: it fsyncs every file, and the writer waited on the disk once a document.
        do {
            try Self.write(data, to: temporary.path)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        if rename(temporary.path, target.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            throw ArchiveError("cannot store original \(target.path): \(String(cString: strerror(errno)))")
        }
    }

    /// Flushes every original stored so far to disk, in one call for the whole file system.
    /// The importer calls it before each Xapian commit, so a committed document's original
    /// survives a power cut as the commit does.
    func sync() throws {
        let fd = open(root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }  // no originals stored yet
        defer { close(fd) }
        if linuxSyncfs(fd) != 0 {
            throw ArchiveError("cannot flush originals in \(root.path): \(String(cString: strerror(errno)))")
        }
    }

    private static func write(_ data: Data, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ArchiveError("cannot store original \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw ArchiveError("cannot store original \(path): \(String(cString: strerror(errno)))") }
                offset += n
            }
        }
    }

    /// Every stored original: (id, url).
    func all() -> [(id: String, url: URL)] {
        guard let folders = try? FileManager.default.contentsOfDirectory(atPath: root.path) else { return [] }
        var out: [(String, URL)] = []
        for folder in folders.sorted() {
            let dir = root.appendingPathComponent(folder)
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() where !name.hasPrefix(".") {
                out.append((String(name.prefix { $0 != "." }), dir.appendingPathComponent(name)))
            }
        }
        return out
    }
}

/// Linux's syncfs(2): Glibc's module map hides it behind _GNU_SOURCE.
@_silgen_name("syncfs")
private func linuxSyncfs(_ fd: Int32) -> Int32
