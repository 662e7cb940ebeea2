import Foundation
import Xapian

/// Where new index entries go: archived documents at docids from 1 up, measure entries from
/// `measureBase` up, so each kind lies in one run of docids.
///
/// Why: for every matching document a search reads its length from a list ordered by docid.
/// With the measure entries (2.5 a document) numbered in turn between the documents, that list
/// held 3.5 entries a document, and a word search decoded them all on its way; in runs of their
/// own a document search skips the measures' part and a measures query the documents'.
///
/// A new index records its base in metadata; an index made before keeps numbering entries in
/// turn (Xapian's next docid), as it was made.
final class EntryNumbering {
    static let baseKey = "measure_docid_base"
    static let nextDocumentKey = "next_document_docid"

    private let db: WritableDatabase
    /// The first measure docid; nil for an index numbered in turn.
    let measureBase: UInt32?
    private var nextDocument: UInt32 = 1
    private var nextMeasure: UInt32 = 0

    /// `shards`: how many shards the index is one of. Xapian numbers a multi-database's
    /// documents by interleaving its shards' (docid d of shard s of n is (d-1)·n + s + 1), and
    /// that must stay within 32 bits.
    init(db: WritableDatabase, shards: Int) throws {
        self.db = db
        if let base = UInt32(try db.metadata(Self.baseKey)) {
            measureBase = base
        } else if try db.documentCount() == 0 {
            let base = Self.measureBase(shards: shards)
            try db.setMetadata(Self.baseKey, String(base))
            measureBase = base
        } else {
            measureBase = nil
        }
        if let base = measureBase {
            // Past every document there, whatever the metadata says: an id is never written over.
            var highest: UInt32 = 0
            try db.forEachPosting(Schema.Kind.document) { docid in
                if docid < base { highest = max(highest, docid) }
                return true
            }
            nextDocument = max(UInt32(try db.metadata(Self.nextDocumentKey)) ?? 1, highest + 1)
            // Xapian's last docid is the highest ever used: a deleted measure's id is not reused.
            let last = try db.lastDocumentID()
            nextMeasure = last >= base ? last + 1 : base
        }
    }

    /// Half of the docids a shard may use in a multi-database of `shards`, rounded down to a
    /// power of two: for 8 shards, 268 million documents and as many measure entries each.
    static func measureBase(shards: Int) -> UInt32 {
        var rounded = 1
        while rounded < max(shards, 1) { rounded *= 2 }
        return UInt32((UInt64(1) << 31) / UInt64(rounded))
    }

    func add(document: Document) throws {
        guard let base = measureBase else { try db.addDocument(document); return }
        guard nextDocument < base else {
            throw ArchiveError("\(db.location) holds as many documents as its ids allow (\(base - 1)): import into more shards")
        }
        try db.replaceDocument(id: nextDocument, with: document)
        nextDocument += 1
        // In the commit that adds the document, so a crash cannot hand its id out twice.
        try db.setMetadata(Self.nextDocumentKey, String(nextDocument))
    }

    /// Measure entries wait for `flushMeasures`: Xapian fills a table's blocks when keys come in
    /// order, and splits them half full when writes alternate between two places. Written one
    /// after each document, the document data and term lists took 1.5-2× the space.
    private var pendingMeasures: [Document] = []

    func add(measure: Document) throws {
        guard measureBase != nil else { try db.addDocument(measure); return }
        pendingMeasures.append(measure)
    }

    /// Writes the waiting measure entries: before every commit, and before anything that
    /// deletes measure entries.
    func flushMeasures() throws {
        guard let base = measureBase else { return }
        for measure in pendingMeasures {
            guard UInt64(nextMeasure) < 2 * UInt64(base) else {
                throw ArchiveError("\(db.location) holds as many measure entries as its ids allow (\(base)): import into more shards")
            }
            try db.replaceDocument(id: nextMeasure, with: measure)
            nextMeasure += 1
        }
        pendingMeasures.removeAll()
    }
}
