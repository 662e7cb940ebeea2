import Foundation

/// Checks the index and the stored originals against each other: every document has its
/// original, every original hashes to its id, and no original is left without a document.
public struct ArchiveVerifier {
    public struct Report: Encodable, Sendable {
        public var documents = 0
        public var originals = 0
        /// Documents whose original is missing.
        public var missingOriginals: [String] = []
        /// Originals whose bytes no longer hash to their id.
        public var corruptOriginals: [String] = []
        /// Originals no document refers to (e.g. left by an interrupted import; harmless).
        public var orphanOriginals: [String] = []
        public var ok: Bool { missingOriginals.isEmpty && corruptOriginals.isEmpty }

        enum CodingKeys: String, CodingKey {
            case documents, originals, ok
            case missingOriginals = "missing_originals"
            case corruptOriginals = "corrupt_originals"
            case orphanOriginals = "orphan_originals"
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(documents, forKey: .documents)
            try c.encode(originals, forKey: .originals)
            try c.encode(ok, forKey: .ok)
            try c.encode(missingOriginals, forKey: .missingOriginals)
            try c.encode(corruptOriginals, forKey: .corruptOriginals)
            try c.encode(orphanOriginals, forKey: .orphanOriginals)
        }


        init() {}

        /// Adds another shard's report.
        public mutating func merge(_ other: Report) {
            documents += other.documents
            originals += other.originals
            missingOriginals += other.missingOriginals
            corruptOriginals += other.corruptOriginals
            orphanOriginals += other.orphanOriginals
        }
    }

    let indexPath: String

    public init(indexPath: String) { self.indexPath = indexPath }

    public func verify() throws -> Report {
        let reader = try ArchiveReader(indexPath: indexPath)
        let store = OriginalStore(indexPath: indexPath)
        var report = Report()
        var ids: Set<String> = []
        try reader.forEachRecord { record in
            ids.insert(record.id)
            report.documents += 1
        }
        var stored: Set<String> = []
        for (id, url) in store.all() {
            report.originals += 1
            stored.insert(id)
            guard let data = FileManager.default.contents(atPath: url.path), SHA256.hex(data) == id else {
                report.corruptOriginals.append(id)
                continue
            }
            if !ids.contains(id) { report.orphanOriginals.append(id) }
        }
        report.missingOriginals = ids.subtracting(stored).sorted()
        return report
    }
}
