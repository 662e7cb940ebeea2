import ArchiveIndex
import Foundation
import Search
import Tagging

/// The index as the server reads it. Xapian objects are not thread-safe, so each request has a
/// reader of its own, on a dispatch queue, off the event loops: taken from a pool of open ones
/// and reopened, so it sees what a running import has committed since. Only immutable domain
/// data is shared.
final class Archive: Sendable {
    let indexPath: String
    let synonyms: SynonymExpansion
    /// Built once: the tagger is slow to construct and Sendable.
    let tagger: Tagger?
    /// One store per shard (each shard keeps its own originals), or the index's own.
    private let originalStores: [OriginalStore]
    private let pool = ReaderPool()

    init(indexPath: String, domain: DomainData?, inflections: InflectionFamilies) {
        self.indexPath = indexPath
        synonyms = SynonymExpansion(synonyms: domain?.synonyms ?? [:], inflections: inflections)
        tagger = domain.map(Tagger.init(domain:))
        originalStores = (ShardLayout.read(indexPath: indexPath)?.shardPaths ?? [indexPath]).map(OriginalStore.init(indexPath:))
    }

    /// The stored original of a document, in whichever shard holds it.
    func original(id: String) -> URL? {
        originalStores.lazy.compactMap { $0.find(id: id) }.first
    }

    /// Runs `body` with an up-to-date reader, off the event loop. An import committing twice
    /// while a long answer is read discards the revision being read (Xapian keeps one old
    /// revision); the answer is then computed again on the new one.
    func read<T: Sendable>(_ body: @escaping @Sendable (ReadSession) throws -> T) async throws -> T {
        let path = indexPath
        let pool = self.pool
        let makeSearcher = self.makeSearcher
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result {
                    let session: ReadSession
                    if let pooled = pool.take() { session = pooled } else {
                        do { session = ReadSession(reader: try ArchiveReader(indexPath: path), makeSearcher: makeSearcher) } catch {
                            throw ArkivError(.serviceUnavailable, "Inget sökbart arkiv ännu (\(path)): importera dokument först.")
                        }
                    }
                    var attempt = 1
                    while true {
                        do {
                            let answer = try body(session)
                            pool.giveBack(session)
                            return answer
                        } catch where ArchiveReader.isDiscardedRevision(error) && attempt < 3 {
                            attempt += 1
                            try session.refresh()
                        }
                    }
                })
            }
        }
    }

    /// A search answer with a spelling suggestion only when it corrects the user's words:
    /// Search builds it from the synonym-expanded query, which is not worth offering back.
    func search(_ request: SearchRequest, in session: ReadSession) throws -> SearchResponse {
        var response = try session.searcher().search(request)
        if let suggestion = response.suggestion, suggestion.contains("(") && !request.query.contains("(") { response.suggestion = nil }
        return response
    }

    private var makeSearcher: @Sendable (ArchiveReader) throws -> Searcher {
        let tagger = self.tagger, synonyms = self.synonyms
        return { reader in try Searcher(reader: reader, synonyms: synonyms, legalReference: { tagger?.normaliseLegalReference($0) }) }
    }
}
