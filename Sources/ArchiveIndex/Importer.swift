import Extraction
import Foundation
import Tagging
import Xapian

/// Imports files into the index: finds them, skips what is already there, extracts text in
/// isolated workers, tags it, and writes one Xapian document per distinct content.
///
/// Idempotent: a document's id is the SHA-256 of its bytes and it is written with
/// `replaceDocument(uniqueTerm: "Q"+id)`, so re-running an import changes nothing. Crash-safe:
/// Xapian commits are atomic; a killed import leaves the last commit, and re-running completes it.
public final class Importer {
    public struct Options: Sendable {
        /// Where `arkiv extract-worker` lives; nil extracts in this process (tests, tools).
        public var workerExecutable: String?
        public var workerArguments: [String] = ["extract-worker"]
        public var workers = ProcessInfo.processInfo.activeProcessorCount
        public var limits = WorkerLimits()
        /// Documents per commit: bounds memory and the work a crash can lose.
        public var batchSize = 500
        /// Larger files are rejected before they are read: a 2 GB scan binder would cost a
        /// worker that much memory and minutes of OCR, and is usually a mistake in the folder.
        public var maximumFileBytes = 256 << 20
        /// Report what would happen, change nothing.
        public var dryRun = false
        /// Remove documents whose files vanished from the imported folders.
        public var prune = false
        /// Words that do not make measures alike (Domain/stoppord.txt).
        public var measureStopwords: Set<String> = []
        /// Multi-word synonyms to index as single terms, for a new index (an existing one keeps
        /// the set it was created with, recorded in its metadata).
        public var phrases: PhraseTerms = .empty
        public init(workerExecutable: String? = nil) { self.workerExecutable = workerExecutable }
    }

    public struct Progress: Sendable {
        public var done: Int
        public var total: Int
        public var path: String
    }

    private let indexPath: String
    private let processor: FileProcessor
    private let options: Options
    private let originals: OriginalStore

    /// With `options.workerExecutable`, the workers run their own `FileProcessor` (started with
    /// `options.workerArguments`); `processor` serves in-process extraction.
    public init(indexPath: String, processor: FileProcessor, options: Options = Options()) {
        self.indexPath = indexPath
        self.processor = processor
        self.options = options
        originals = OriginalStore(indexPath: indexPath)
    }

    /// The metadata key recording which id a path had and its size and mtime then.
    static func pathKey(_ path: String) -> String { "path:" + path }

    /// Whether this import removes documents of vanished files (`Options.prune`).
    public var prunes: Bool { options.prune }

    /// Imports the files under `roots`. With `Options.prune`, paths under `pruneUnder` (default:
    /// the folders among `roots`) that this run did not find are removed: a sharded import
    /// gives each shard its own files and the folders the user named.
    public func run(_ roots: [String], pruneUnder: [String]? = nil, progress: (Progress) -> Void = { _ in }) throws -> ImportSummary {
        let found = FileWalker().walk(roots)
        var summary = ImportSummary()
        summary.rejects = found.rejects
        summary.skipped = found.skipped.count

        if options.dryRun { return try dryRun(found, summary: summary) }
        try FileManager.default.createDirectory(atPath: indexPath, withIntermediateDirectories: true)
        let db = try WritableDatabase(path: indexPath)
        try Self.checkSchema(db)
        let phrases = try Self.phraseTerms(of: db, wanted: options.phrases)
        let numbering = try EntryNumbering(db: db, shards: ShardLayout.shardCount(of: indexPath))
        let stopwords = options.measureStopwords
        // The writer's own indexer re-makes documents that gain or lose a path; new documents
        // are made beside extraction, one indexer per worker thread, so the writer only writes.
        let indexer = try DocumentIndexer(stopwords: stopwords, phrases: phrases)
        let inFlight = PendingFiles()   // path → the file being extracted
        let originals = self.originals
        let preparing: @Sendable () -> (String, ProcessedFile) -> Result<PreparedFile, Error> = {
            let threadIndexer = Result { try DocumentIndexer(stopwords: stopwords, phrases: phrases) }
            return { path, processed in
                Result {
                    guard let file = inFlight[path] else { throw ArchiveError("internal error: \(path) was not being extracted") }
                    return try Self.prepare(file, processed, indexer: try threadIndexer.get(), originals: originals)
                }
            }
        }

        // Files are classified (cheap checks: size and mtime, then the hash) just before the
        // workers need them, on this thread, so hashing overlaps extraction and only the files
        // in flight are held in memory, however many the run has.
        var files = found.files[...]
        var idsInFlight: Set<String> = []
        var waiting: [String: [PendingFile]] = [:]  // id → same bytes found while it is in flight
        var done = 0
        var sinceCommit = 0
        var failure: Error? = nil

        func nextToExtract() -> String? {
            while failure == nil, let path = files.popFirst() {
                do {
                    switch try classify(path, in: db) {
                    case .unchanged: summary.unchanged += 1; done += 1
                    case .newPath(let file):
                        try addPath(file, to: db, indexer: indexer)
                        summary.unchanged += 1; done += 1
                    case .reject(let reason): summary.rejects.append(.init(path: path, reason: reason)); done += 1
                    case .extract(let file):
                        if !idsInFlight.insert(file.id).inserted { waiting[file.id, default: []].append(file); continue }
                        inFlight[path] = file
                        return path
                    }
                    progress(Progress(done: done, total: found.files.count, path: path))
                } catch {
                    failure = error
                }
            }
            return nil
        }

        func handle(_ path: String, _ result: Result<Result<PreparedFile, Error>, ExtractionError>) {
            guard failure == nil, let file = inFlight.remove(path) else { return }
            idsInFlight.remove(file.id)
            let duplicates = waiting.removeValue(forKey: file.id) ?? []
            done += 1 + duplicates.count
            progress(Progress(done: done, total: found.files.count, path: path))
            do {
                switch result {
                case .failure(let error):
                    summary.rejects.append(.init(path: path, reason: error.reason))
                    for other in duplicates { summary.rejects.append(.init(path: other.path, reason: error.reason)) }
                case .success(let prepared):
                    let replaced = try self.write(file, prepared: try prepared.get(), db: db, indexer: indexer, numbering: numbering)
                    if replaced { summary.updated += 1 } else { summary.added += 1 }
                    for other in duplicates {
                        try addPath(other, to: db, indexer: indexer)
                        summary.unchanged += 1
                    }
                    sinceCommit += 1
                    if sinceCommit >= self.options.batchSize {
                        try numbering.flushMeasures()
                        try originals.sync()
                        try db.commit()
                        sinceCommit = 0
                    }
                }
            } catch {
                failure = error
            }
        }

        if let executable = options.workerExecutable {
            WorkerPool<ProcessedFile>(executable: executable, arguments: options.workerArguments, workers: options.workers, limits: options.limits)
                .extract(next: nextToExtract, preparing: preparing, handle: handle)
        } else {
            let prepare = preparing()
            while let path = nextToExtract() {
                handle(path, Result { () throws(ExtractionError) in try processor.process(path: path) }.map { prepare(path, $0) })
            }
        }
        if let failure { throw failure }
        if options.prune { summary.pruned = try prune(under: pruneUnder ?? found.folders, keeping: Set(found.files), db: db,
                                                       indexer: indexer, numbering: numbering) }
        try numbering.flushMeasures()
        try originals.sync()
        try db.commit()
        summary.rejects.sort { $0.path < $1.path }
        try RejectReport(indexPath: indexPath).write(summary.rejects)
        return summary
    }

    /// What an import would do, without opening the index for writing.
    private func dryRun(_ found: FileWalker.Found, summary initial: ImportSummary) throws -> ImportSummary {
        var summary = initial
        let db: Database? = FileManager.default.fileExists(atPath: indexPath) ? try Database(path: indexPath) : nil
        for path in found.files {
            guard let db else { summary.added += 1; continue }
            switch try classify(path, in: db) {
            case .unchanged, .newPath: summary.unchanged += 1
            case .reject(let reason): summary.rejects.append(.init(path: path, reason: reason))
            case .extract(let file): if file.previousID != nil { summary.updated += 1 } else { summary.added += 1 }
            }
        }
        return summary
    }

    /// Removes the paths under `folders` that this walk did not find (deleted files), and the
    /// documents left without any path. Returns how many documents were removed.
    private func prune(under folders: [String], keeping present: Set<String>, db: WritableDatabase, indexer: DocumentIndexer,
                       numbering: EntryNumbering) throws -> Int {
        guard !folders.isEmpty else { return 0 }
        var vanished: [(path: String, id: String)] = []
        try db.forEachTerm(prefix: Schema.Prefix.path) { term, _ in
            let path = String(term.dropFirst(Schema.Prefix.path.count))
            if folders.contains(where: { path.hasPrefix($0 + "/") }) && !present.contains(path) {
                vanished.append((path, ""))
            }
            return true
        }
        var removed = 0
        for entry in vanished {
            let known = try db.metadata(Self.pathKey(entry.path)).split(separator: " ")
            guard let id = known.first.map(String.init) else { continue }
            if try removePath(entry.path, fromDocument: id, db: db, indexer: indexer, numbering: numbering) { removed += 1 }
            try db.setMetadata(Self.pathKey(entry.path), "")
        }
        return removed
    }

    /// A file that needs work, with what we learned about it.
    struct PendingFile: Sendable {
        var path: String
        var id: String
        var bytes: Int
        var signature: String
        /// The id this path pointed to before, if the file changed since.
        var previousID: String?
    }

    enum Classification {
        case unchanged
        case newPath(PendingFile)
        case extract(PendingFile)
        case reject(String)
    }

    private func classify(_ path: String, in db: Database) throws -> Classification {
        // One stat (it follows a symlink to what it names: a link to a file is that file).
        var info = stat()
        guard stat(path, &info) == 0 else { return .reject("cannot read file: " + Extractor.readFailure(errno)) }
        // A named pipe or a device would block or never end when read; it is no document.
        if let kind = Self.nonRegularKind(info.st_mode) { return .reject("not a regular file: \(kind)") }
        let size = Int(info.st_size)
        let signature = "\(size):\(Self.modificationMilliseconds(info))"
        let known = try db.metadata(Self.pathKey(path)).split(separator: " ").map(String.init)
        if known.count == 2, known[1] == signature, try db.termExists(Schema.Prefix.id + known[0]) {
            return .unchanged
        }
        if size > options.maximumFileBytes {
            return .reject("file too large: \(size >> 20) MB (the limit is \(options.maximumFileBytes >> 20) MB; see --max-file-mb)")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            return .reject("cannot read file: permission denied")
        }
        guard let (id, bytes) = SHA256.hex(ofFileAt: path) else {
            return .reject("cannot read file: it vanished or a read failed")
        }
        let file = PendingFile(path: path, id: id, bytes: bytes, signature: signature,
                               previousID: known.first)
        if try db.termExists(Schema.Prefix.id + file.id) {
            return .newPath(file)
        }
        return .extract(file)
    }

    /// The modification time in milliseconds as indexes record it. Computed the way
    /// `FileManager.attributesOfItem` does (a Date from the reference date, then back), which
    /// earlier versions called: the same value on 10,302 files tested, so recorded signatures
    /// still match. (A mismatch would only cost a re-hash: the same bytes are the same id.)
    static func modificationMilliseconds(_ info: stat) -> Int {
        let seconds = Double(info.st_mtim.tv_sec) - Date.timeIntervalBetween1970AndReferenceDate
        let date = Date(timeIntervalSinceReferenceDate: seconds + Double(info.st_mtim.tv_nsec) / 1_000_000_000)
        return Int(date.timeIntervalSince1970 * 1000)
    }

    /// What a file of this mode is, if it is not a regular file.
    static func nonRegularKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFIFO: "a named pipe (FIFO)"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFSOCK: "a socket"
        default: "not a file of data"
        }
    }

    /// The same bytes are already indexed: record this path on that document.
    private func addPath(_ file: PendingFile, to db: WritableDatabase, indexer: DocumentIndexer) throws {
        guard let docid = try db.documentID(forTerm: Schema.Prefix.id + file.id) else { return }
        var stored = try StoredDocument.decode(try db.document(docid).data())
        if !stored.record.paths.contains(file.path) {
            stored.record.paths.append(file.path)
            try db.replaceDocument(uniqueTerm: Schema.Prefix.id + file.id, with: try indexer.makeDocument(stored))
        }
        try db.setMetadata(Self.pathKey(file.path), "\(file.id) \(file.signature)")
    }

    /// A newly extracted file made ready for the writer: its stored form and its Xapian
    /// documents. Documents move from the thread that made them to the writer, never shared.
    struct PreparedFile: @unchecked Sendable {
        var document: Document
        var measures: [Document]
        var spellings: SpellingCounts
    }

    /// Builds what `write` adds, on a worker's thread, and stores the original there too: the
    /// writer is the one thread every document passes through, so it only writes to Xapian.
    /// (Ids in flight are distinct, so no two threads store the same original; each is
    /// flushed by the `sync()` before the commit that adds its document.)
    static func prepare(_ file: PendingFile, _ processed: ProcessedFile, indexer: DocumentIndexer,
                        originals: OriginalStore) throws -> PreparedFile {
        try originals.store(try Extractor.read(file.path), id: file.id, extension: (file.path as NSString).pathExtension)
        let (text, facts) = (processed.text, processed.facts)
        let record = DocumentRecord(id: file.id, path: file.path, facts: facts, text: text, bytes: file.bytes)
        let stored = StoredDocument(record: record, evidence: facts.evidence, pages: text.pages)
        let document = try indexer.makeDocument(stored)
        return PreparedFile(document: document, measures: try indexer.makeMeasureDocuments(stored),
                            spellings: try indexer.spellings(of: document))
    }

    /// Writes a newly extracted document. Returns true when it replaces an older version of
    /// the same path.
    private func write(_ file: PendingFile, prepared: PreparedFile, db: WritableDatabase,
                       indexer: DocumentIndexer, numbering: EntryNumbering) throws -> Bool {
        // Classification found no document with these bytes, and a second file with them waits
        // while this one is in flight: the document and its measure entries are new, so they
        // are added without the look-ups replacing would cost.
        try numbering.add(document: prepared.document)
        for measure in prepared.measures { try numbering.add(measure: measure) }
        try db.addSpellings(prepared.spellings)
        try db.setMetadata(Self.pathKey(file.path), "\(file.id) \(file.signature)")
        guard let previous = file.previousID, previous != file.id else { return false }
        _ = try removePath(file.path, fromDocument: previous, db: db, indexer: indexer, numbering: numbering)
        return true
    }

    /// A changed file no longer has its old content: drop the path from the old document, and
    /// the document itself when no other path holds those bytes.
    /// Returns true when the document itself was deleted.
    private func removePath(_ path: String, fromDocument id: String, db: WritableDatabase, indexer: DocumentIndexer,
                            numbering: EntryNumbering) throws -> Bool {
        try numbering.flushMeasures()  // the deletions below must find this run's entries too
        guard let docid = try db.documentID(forTerm: Schema.Prefix.id + id) else { return false }
        var stored = try StoredDocument.decode(try db.document(docid).data())
        stored.record.paths.removeAll { $0 == path }
        if stored.record.paths.isEmpty {
            try db.deleteDocuments(term: Schema.Prefix.id + id)
            try db.deleteDocuments(term: Schema.Prefix.source + id)
            return true
        } else {
            stored.record.path = stored.record.paths[0]
            try db.replaceDocument(uniqueTerm: Schema.Prefix.id + id, with: try indexer.makeDocument(stored))
            // The measure entries carry the document's path: rewritten with it, in the same commit.
            try db.deleteDocuments(term: Schema.Prefix.source + id)
            for measure in try indexer.makeMeasureDocuments(stored) { try numbering.add(measure: measure) }
            return false
        }
    }

    /// The expressions this index holds as terms. Every document must hold the same ones, or
    /// a search by term would miss some, so they are fixed when the index is created; an index
    /// from before they existed records none and is searched by phrase.
    static func phraseTerms(of db: WritableDatabase, wanted: PhraseTerms) throws -> PhraseTerms {
        let recorded = try db.metadata(PhraseTerms.metadataKey)
        if !recorded.isEmpty { return PhraseTerms(recorded: recorded) }
        guard try db.documentCount() == 0, !wanted.keys.isEmpty else { return .empty }
        try db.setMetadata(PhraseTerms.metadataKey, wanted.recorded)
        return wanted
    }

    static func checkSchema(_ db: WritableDatabase) throws {
        let version = try db.metadata("schema")
        if version.isEmpty {
            try db.setMetadata("schema", Schema.version)
        } else if version != Schema.version {
            throw ArchiveError("index \(db.location) has schema version \(version), this arkiv writes \(Schema.version): import into a new index folder")
        }
    }
}

/// An error of the archive layer, with a message for the user.
public struct ArchiveError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The files being extracted, by path: filled by the writer, read by the worker threads that
/// prepare their documents.
final class PendingFiles: @unchecked Sendable {
    private var files: [String: Importer.PendingFile] = [:]
    private let lock = NSLock()

    subscript(path: String) -> Importer.PendingFile? {
        get { lock.withLock { files[path] } }
        set { lock.withLock { files[path] = newValue } }
    }

    func remove(_ path: String) -> Importer.PendingFile? { lock.withLock { files.removeValue(forKey: path) } }
}
