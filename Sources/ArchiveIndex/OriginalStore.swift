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

    /// Copies the bytes in, atomically (temp file + rename), unless already there.
    func store(_ data: Data, id: String, extension ext: String) throws {
        let target = url(id: id, extension: ext)
        if FileManager.default.fileExists(atPath: target.path) { return }
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(id).\(getpid()).tmp")
        try data.write(to: temporary)
        if rename(temporary.path, target.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            throw ArchiveError("cannot store original \(target.path): \(String(cString: strerror(errno)))")
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
