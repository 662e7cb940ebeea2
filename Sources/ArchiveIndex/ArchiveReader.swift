import Foundation
import Xapian

/// Read access to an index: documents by id, every record for export.
public final class ArchiveReader {
    public let database: Database
    /// Where the index was opened from, so more readers of it can be opened (nil when built
    /// from a database).
    public let indexPath: String?

    /// Opens the index at `path` (a folder, or a stub file listing shards) read-only.
    public init(indexPath: String) throws {
        guard FileManager.default.fileExists(atPath: indexPath) else {
            throw ArchiveError("no index at \(indexPath): run `arkiv import` first")
        }
        database = try Database(path: indexPath)
        self.indexPath = indexPath
        // Another layout would give wrong answers, not errors (measures would match nothing).
        let version = try database.metadata("schema")
        if !version.isEmpty, version != Schema.version {
            throw ArchiveError("index \(indexPath) has schema version \(version), this arkiv reads \(Schema.version): import the documents into a new index folder")
        }
    }

    public init(database: Database) {
        self.database = database
        indexPath = nil
    }

    /// Whether a read failed because an import committed twice meanwhile, so the revision it
    /// read was discarded: reading again on a fresh reader gives the answer.
    public static func isDiscardedRevision(_ error: Error) -> Bool {
        (error as? XapianError)?.kind == "DatabaseModifiedError"
    }

    /// The multi-word expressions this index holds as single terms (recorded when it was made).
    public func indexedPhrases() throws -> PhraseTerms {
        PhraseTerms(recorded: try database.metadata(PhraseTerms.metadataKey))
    }

    /// Archived documents (measure entries not counted).
    public func count() throws -> Int { try database.termFrequency(Schema.Kind.document) }

    /// The stored document with this id (full sha256, or a unique prefix of at least 8 hex digits).
    public func document(id: String) throws -> StoredDocument? {
        guard let docid = try resolve(id) else { return nil }
        return try StoredDocument.decode(try database.document(docid).data())
    }

    func resolve(_ id: String) throws -> UInt32? {
        let wanted = id.lowercased()
        if let docid = try database.documentID(forTerm: Schema.Prefix.id + wanted) { return docid }
        guard wanted.count >= 8 else { return nil }
        var matches: [String] = []
        try database.forEachTerm(prefix: Schema.Prefix.id + wanted) { term, _ in
            matches.append(term)
            return matches.count < 2
        }
        guard matches.count == 1 else { return nil }
        return try database.documentID(forTerm: matches[0])
    }

    /// Every record, in index order, without reading the texts.
    public func forEachRecord(_ body: (DocumentRecord) throws -> Void) throws {
        var ids: [UInt32] = []
        try database.forEachPosting(Schema.Kind.document) { ids.append($0); return true }
        for docid in ids {
            try body(try StoredDocument.decodeRecord(try database.document(docid).data()))
        }
    }
}
