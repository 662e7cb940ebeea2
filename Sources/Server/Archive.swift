import ArchiveIndex
import Foundation
import Search
import Tagging

/// The index as the server reads it. Xapian objects are not thread-safe, so each request opens
/// its own reader (cheap) on a dispatch queue, off the event loops; a fresh reader also sees
/// what a running import has committed since. Only immutable domain data is shared.
final class Archive: Sendable {
    let indexPath: String
    let synonyms: SynonymExpansion
    /// Built once: the tagger is slow to construct and Sendable.
    let tagger: Tagger?
    /// One store per shard (each shard keeps its own originals), or the index's own.
    private let originalStores: [OriginalStore]

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

    /// Runs `body` with a fresh reader, off the event loop. An import committing twice while
    /// a long answer is read discards the revision being read (Xapian keeps one old revision);
    /// the answer is then computed again on the new one.
    func read<T: Sendable>(_ body: @escaping @Sendable (ArchiveReader) throws -> T) async throws -> T {
        let path = indexPath
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result {
                    var attempt = 1
                    while true {
                        let reader: ArchiveReader
                        do { reader = try ArchiveReader(indexPath: path) } catch {
                            throw ArkivError(.serviceUnavailable, "Inget sökbart arkiv ännu (\(path)): importera dokument först.")
                        }
                        do {
                            return try body(reader)
                        } catch where ArchiveReader.isDiscardedRevision(error) && attempt < 3 {
                            attempt += 1
                        }
                    }
                })
            }
        }
    }

    /// A search answer with a spelling suggestion only when it corrects the user's words:
    /// Search builds it from the synonym-expanded query, which is not worth offering back.
    func search(_ request: SearchRequest, reader: ArchiveReader) throws -> SearchResponse {
        var response = try searcher(reader).search(request)
        if let suggestion = response.suggestion, suggestion.contains("(") && !request.query.contains("(") { response.suggestion = nil }
        return response
    }

    func searcher(_ reader: ArchiveReader) throws -> Searcher {
        let tagger = self.tagger
        return try Searcher(reader: reader, synonyms: synonyms, legalReference: { tagger?.normaliseLegalReference($0) })
    }
}
