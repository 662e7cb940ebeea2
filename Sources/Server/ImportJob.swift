import ArchiveIndex
import Foundation
import Tagging

/// The one import the server runs at a time, in a background thread, with its progress for
/// the Import page. Searches keep working meanwhile and see each batch once it is committed.
final class ImportJob: Sendable {
    struct State: Sendable {
        var running = false
        var paths: [String] = []
        var started: Date?
        var finished: Date?
        var user = ""
        var done = 0
        var total = 0
        var current = ""
        var summary: ImportSummary?
        var failure: String?
    }

    private let state = Locked(State())
    private let indexPath: String
    private let domainFolder: URL?
    private let domain: DomainData?
    private let workerExecutable: String?

    init(indexPath: String, domainFolder: URL?, domain: DomainData?, workerExecutable: String?) {
        self.indexPath = indexPath
        self.domainFolder = domainFolder
        self.domain = domain
        self.workerExecutable = workerExecutable
    }

    var current: State { state.withLock { $0 } }

    /// Starts importing `paths`; false when an import is already running.
    func start(_ paths: [String], user: String) throws -> Bool {
        guard let domain else { throw ArkivError(.serviceUnavailable, "Domain/ saknas: servern kan inte tagga dokument.") }
        let began = state.withLock { s -> Bool in
            if s.running { return false }
            s = State(running: true, paths: paths, started: Date(), user: user)
            return true
        }
        guard began else { return false }
        var options = Importer.Options(workerExecutable: workerExecutable)
        options.phrases = PhraseTerms(synonyms: domain.synonyms)
        if let domainFolder {
            options.workerArguments = ["extract-worker", "--domain", domainFolder.path]
            options.measureStopwords = MeasureSignature.stopwords(in: domainFolder)
        }
        let importer = Importer(indexPath: indexPath, processor: FileProcessor(tagger: Tagger(domain: domain)), options: options)
        let state = self.state
        // The importer is used by this one thread only.
        final class Box: @unchecked Sendable { let importer: Importer; init(_ i: Importer) { importer = i } }
        let box = Box(importer)
        Thread.detachNewThread {
            let importer = box.importer
            var summary: ImportSummary?
            var failure: String?
            do {
                summary = try importer.run(paths) { p in
                    state.withLock { $0.done = p.done; $0.total = p.total; $0.current = p.path }
                }
            } catch {
                failure = "\(error)"
            }
            state.withLock { $0.running = false; $0.finished = Date(); $0.summary = summary; $0.failure = failure }
        }
        return true
    }
}
