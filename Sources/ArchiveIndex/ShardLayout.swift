import Foundation

/// A sharded index: a folder holding shard-00, shard-01, … (each a complete archive index with
/// its own originals) and a Xapian stub file `XAPIANDB` listing them, so Xapian itself opens the
/// folder as one database (its multi-database). Shards can also be served by `xapian-tcpsrv`
/// and listed as `remote HOST:PORT` in a stub file of their own.
public struct ShardLayout: Sendable {
    public let indexPath: String
    public let shardNames: [String]

    public var shardPaths: [String] { shardNames.map { indexPath + "/" + $0 } }

    static func stubFile(_ indexPath: String) -> String { indexPath + "/XAPIANDB" }

    /// The layout of an existing sharded index, or nil for a plain one. Only `shard-NN` entries
    /// count: a read replica made by xapian-replicate has a stub too (`auto replica_1`), and it
    /// is one plain index, not shards to import into.
    public static func read(indexPath: String) -> ShardLayout? {
        guard let text = try? String(contentsOfFile: stubFile(indexPath), encoding: .utf8) else { return nil }
        let names = text.split(separator: "\n").compactMap { line -> String? in
            let parts = line.split(separator: " ", maxSplits: 1)
            return parts.count == 2 && parts[0] == "auto" && isShardName(parts[1]) ? String(parts[1]) : nil
        }
        return names.isEmpty ? nil : ShardLayout(indexPath: indexPath, shardNames: names)
    }

    /// How many shards the index at `path` is one of: 1 unless it is a shard of a layout.
    static func shardCount(of path: String) -> Int {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        guard let layout = read(indexPath: url.deletingLastPathComponent().path),
              layout.shardNames.contains(url.lastPathComponent) else { return 1 }
        return layout.shardNames.count
    }

    static func isShardName(_ name: Substring) -> Bool {
        name.hasPrefix("shard-") && name.count > 6 && name.dropFirst(6).allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Creates an empty layout of `count` shards (the shards are created by the first import).
    public static func create(indexPath: String, count: Int) throws -> ShardLayout {
        let names = (0..<count).map { String(format: "shard-%02d", $0) }
        try FileManager.default.createDirectory(atPath: indexPath, withIntermediateDirectories: true)
        let stub = names.map { "auto \($0)" }.joined(separator: "\n") + "\n"
        try stub.write(toFile: stubFile(indexPath), atomically: true, encoding: .utf8)
        return ShardLayout(indexPath: indexPath, shardNames: names)
    }

    /// The shard a file goes to: by its path, so a changed file replaces its old version in the
    /// same shard. (The same bytes under paths in two shards are kept once in each.)
    public func shard(for path: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a: stable across runs and machines
        for byte in path.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return Int(hash % UInt64(shardNames.count))
    }
}

/// Imports into a sharded index: finds the files once, then runs one `Importer` per shard on
/// the files that belong to it. Each shard commits on its own, so a crash leaves every shard
/// consistent and the next run completes each.
public struct ShardedImporter {
    let layout: ShardLayout
    let makeImporter: (String) -> Importer

    /// `makeImporter` builds the importer for one shard's index path.
    public init(layout: ShardLayout, makeImporter: @escaping (String) -> Importer) {
        self.layout = layout
        self.makeImporter = makeImporter
    }

    public func run(_ roots: [String], progress: (Importer.Progress) -> Void = { _ in }) throws -> ImportSummary {
        let found = FileWalker().walk(roots)
        var total = ImportSummary()
        total.rejects = found.rejects
        total.skipped = found.skipped.count
        var perShard = Array(repeating: [String](), count: layout.shardNames.count)
        for file in found.files { perShard[layout.shard(for: file)].append(file) }
        var doneBefore = 0
        for (index, files) in perShard.enumerated() {
            let importer = makeImporter(layout.shardPaths[index])
            // A shard with none of this run's files still loses the ones that vanished.
            guard !files.isEmpty || importer.prunes else { continue }
            let summary = try importer.run(files, pruneUnder: found.folders) { p in
                progress(Importer.Progress(done: doneBefore + p.done, total: found.files.count, path: p.path))
            }
            doneBefore += files.count
            total.added += summary.added
            total.updated += summary.updated
            total.unchanged += summary.unchanged
            total.pruned += summary.pruned
            total.rejects += summary.rejects
        }
        total.rejects.sort { $0.path < $1.path }
        try RejectReport(indexPath: layout.indexPath).write(total.rejects)
        return total
    }
}
