import ArchiveIndex
import Foundation
import Search

/// An open index with the searcher built on it, used by one request at a time.
///
/// Opening a Xapian database, checking its schema and building the query parser cost more than
/// a plain search itself, and a fresh database starts with a cold block cache; so readers are
/// kept between requests and brought up to date with `reopen()`, which is nearly free when
/// nothing was committed.
final class ReadSession: @unchecked Sendable {
    let reader: ArchiveReader
    private let makeSearcher: (ArchiveReader) throws -> Searcher
    private var cachedSearcher: Searcher?

    init(reader: ArchiveReader, makeSearcher: @escaping (ArchiveReader) throws -> Searcher) {
        self.reader = reader
        self.makeSearcher = makeSearcher
    }

    /// The searcher for this revision; rebuilt after a reopen found new commits, since an
    /// import may have recorded new indexed phrases.
    func searcher() throws -> Searcher {
        if let cachedSearcher { return cachedSearcher }
        let made = try makeSearcher(reader)
        cachedSearcher = made
        return made
    }

    /// Moves to the latest committed revision; false when there was none newer.
    @discardableResult
    func refresh() throws -> Bool {
        let moved = try reader.database.reopen()
        if moved { cachedSearcher = nil }
        return moved
    }
}

/// Idle sessions, handed out one per request. A session whose request failed is dropped rather
/// than returned: its database may be the reason (a remote shard gone, a file replaced).
final class ReaderPool: Sendable {
    private let idle = Locked<[ReadSession]>([])
    /// More idle sessions than requests ever run at once would only hold file handles.
    private let capacity: Int

    init(capacity: Int = max(4, ProcessInfo.processInfo.activeProcessorCount * 2)) {
        self.capacity = capacity
    }

    /// An idle session brought up to date, or nil when none is left (the caller opens one).
    func take() -> ReadSession? {
        while let session = idle.withLock({ $0.popLast() }) {
            if (try? session.refresh()) != nil { return session }
            // A session that cannot reopen is closed with it.
        }
        return nil
    }

    func giveBack(_ session: ReadSession) {
        idle.withLock { if $0.count < capacity { $0.append(session) } }
    }
}
