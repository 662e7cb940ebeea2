import ArchiveIndex
import ArgumentParser
import Extraction
import Foundation
import Tagging

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import files and folders (recursively): PDF (scans through OCR), text in UTF-8, UTF-16 or Windows-1252, .docx and .html.",
        discussion: """
        Exit status: 0 all files imported or unchanged; 1 nothing could be done (index unusable); \
        2 bad arguments; 3 finished, but some files were rejected (each named, with why).
        """
    )

    @OptionGroup var indexOptions: IndexOptions

    @Argument(help: "Files and folders to import.")
    var paths: [String] = []

    @Flag(help: "Say what would be added, updated, unchanged or rejected; change nothing.")
    var dryRun = false

    @Flag(help: "Remove documents whose files were deleted from the imported folders.")
    var prune = false

    @Flag(help: "Import again only the files rejected last time (from <index>/rejects.jsonl).")
    var retryFailed = false

    @Option(help: "Create the index as this many shards (by path hash); later imports keep the layout.")
    var shards: Int?

    @Flag(help: "End with the JSON summary on stdout.")
    var json = false

    @Option(help: "The domain data folder (default: $ARKIV_DOMAIN, ./Domain, or the one beside the program).")
    var domain: String?

    @Option(help: "Extraction worker processes (default: one per core).")
    var workers: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Seconds one file may take to extract before it is rejected.")
    var timeout: Double = 120

    @Option(help: "Memory limit of an extraction worker, in MB.")
    var memoryMb: Int = 2048

    @Option(help: "Documents per commit: what an interrupted import may have to redo.")
    var batchSize: Int = 500

    @Option(help: "Files larger than this many MB are rejected unread.")
    var maxFileMb: Int = 256

    func validate() throws {
        if paths.isEmpty && !retryFailed { throw ValidationError("name at least one file or folder to import (or --retry-failed)") }
        if workers < 1 { throw ValidationError("--workers must be at least 1") }
        if let shards, shards < 1 || shards > 256 { throw ValidationError("--shards must be between 1 and 256") }
    }

    func run() throws {
        let (domainData, _) = try DomainData.forCommand(explicit: domain)
        var options = Importer.Options(workerExecutable: currentExecutable)
        if let folder = DomainData.locate(explicit: domain, hintFilePath: currentExecutable) {
            options.workerArguments = ["extract-worker", "--domain", folder.path]
            options.measureStopwords = MeasureSignature.stopwords(in: folder)
        }
        options.phrases = PhraseTerms(synonyms: domainData.synonyms)
        options.workers = workers
        options.dryRun = dryRun
        options.batchSize = max(1, batchSize)
        options.maximumFileBytes = max(1, maxFileMb) << 20
        options.prune = prune
        var roots = paths
        if retryFailed { roots += (try? RejectReport(indexPath: indexOptions.index).paths()) ?? [] }
        options.limits = WorkerLimits(secondsPerFile: timeout, memoryMBPerWorker: memoryMb)
        // The workers tag; this process only needs a processor for in-process use.
        let processor = FileProcessor(tagger: Tagger(domain: domainData))
        let makeImporter = { (path: String) in
            Importer(indexPath: path, processor: processor, options: options)
        }
        let reporter = ProgressReporter()
        let summary: ImportSummary
        do {
            var layout = ShardLayout.read(indexPath: indexOptions.index)
            if layout == nil, let shards, shards > 1 {
                if FileManager.default.fileExists(atPath: indexOptions.index + "/iamglass") {
                    throw CommandFailure(message: "\(indexOptions.index) is a single index; shard into a new folder", status: 2)
                }
                layout = try ShardLayout.create(indexPath: indexOptions.index, count: shards)
            }
            if let layout, let shards, shards != layout.shardNames.count {
                throw CommandFailure(message: "\(indexOptions.index) has \(layout.shardNames.count) shards, not \(shards)", status: 2)
            }
            if let layout {
                summary = try ShardedImporter(layout: layout, makeImporter: makeImporter).run(roots) { reporter.report($0) }
            } else {
                summary = try makeImporter(indexOptions.index).run(roots) { reporter.report($0) }
            }
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(message: "import failed, index \(indexOptions.index) unusable: \(error)", status: 1)
        }
        reporter.finish()
        if json {
            writeStdout(try jsonString(summary) + "\n")
        } else {
            writeStdout((dryRun ? "would have: " : "") + "added \(summary.added), updated \(summary.updated), unchanged \(summary.unchanged), rejected \(summary.rejected)"
                        + (summary.pruned > 0 ? ", pruned \(summary.pruned)" : "")
                        + (summary.skipped > 0 ? ", skipped \(summary.skipped) files of other types" : "") + "\n")
            for reject in summary.rejects { writeStdout("rejected \(reject.path): \(reject.reason)\n") }
        }
        if summary.rejected > 0 { throw ExitCode(3) }
    }
}

/// Progress on stderr: a bar with rate and ETA on a terminal, plain lines otherwise.
final class ProgressReporter {
    private let interactive = isatty(2) == 1
    private let start = Date()
    private var lastPrint = Date.distantPast

    func report(_ progress: Importer.Progress) {
        let now = Date()
        guard progress.done == progress.total || now.timeIntervalSince(lastPrint) >= (interactive ? 0.2 : 5) else { return }
        lastPrint = now
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(progress.done) / elapsed
        let eta = rate > 0 ? Double(progress.total - progress.done) / rate : 0
        let percent = progress.total > 0 ? Double(progress.done) / Double(progress.total) : 1
        if interactive {
            let width = 30
            let filled = Int(percent * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            writeStderr(String(format: "\r%@ %d/%d  %.1f dok/s  ETA %@ ", bar, progress.done, progress.total, rate, Self.clock(eta)))
        } else {
            writeStderr(String(format: "import: %d/%d files, %.1f files/s, ETA %@\n", progress.done, progress.total, rate, Self.clock(eta)))
        }
    }

    func finish() {
        if interactive { writeStderr("\n") }
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return String(format: "%d:%02d", s / 60, s % 60)
    }
}

/// The isolated extraction process the importer starts (not for people).
struct ExtractWorker: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "extract-worker", abstract: "Internal: serve extraction requests on stdin.", shouldDisplay: false)

    @Option var memoryMb: Int = 2048
    @Option var domain: String?

    func run() throws {
        let (domainData, _) = try DomainData.forCommand(explicit: domain)
        let processor = FileProcessor(tagger: Tagger(domain: domainData))
        ExtractionWorker.serve(memoryLimitMB: memoryMb) { (path) throws(ExtractionError) in try processor.process(path: path) }
    }
}

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the index and the stored originals against each other.")

    @OptionGroup var indexOptions: IndexOptions
    @Flag(help: "JSON report on stdout.") var json = false

    func run() throws {
        var report: ArchiveVerifier.Report
        do {
            // A sharded index is verified shard by shard: each keeps its own originals.
            let paths = ShardLayout.read(indexPath: indexOptions.index)?.shardPaths ?? [indexOptions.index]
            report = try ArchiveVerifier(indexPath: paths[0]).verify()
            for path in paths.dropFirst() { report.merge(try ArchiveVerifier(indexPath: path).verify()) }
        } catch {
            throw CommandFailure(message: "cannot verify \(indexOptions.index): \(error)", status: 1)
        }
        if json {
            writeStdout(try jsonString(report) + "\n")
        } else {
            writeStdout("\(report.documents) documents, \(report.originals) originals: \(report.ok ? "OK" : "PROBLEMS")\n")
            for id in report.missingOriginals { writeStdout("missing original: \(id)\n") }
            for id in report.corruptOriginals { writeStdout("original does not match its id: \(id)\n") }
            for id in report.orphanOriginals { writeStdout("original without document (harmless): \(id)\n") }
        }
        if !report.ok { throw ExitCode(1) }
    }
}
