import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Per-file limits of an extraction worker.
public struct WorkerLimits: Sendable {
    public var secondsPerFile: Double
    public var memoryMBPerWorker: Int
    public init(secondsPerFile: Double = 120, memoryMBPerWorker: Int = 2048) {
        self.secondsPerFile = secondsPerFile
        self.memoryMBPerWorker = memoryMBPerWorker
    }
}

/// Runs extraction in child processes (`arkiv extract-worker`), one per core by default, and
/// kills and replaces a worker that exceeds the per-file time limit or dies.
public final class WorkerPool<Output: Codable & Sendable>: @unchecked Sendable {
    public typealias Limits = WorkerLimits

    private let executable: String
    private let arguments: [String]
    private let workers: Int
    private let limits: Limits

    /// `executable` + `arguments` start a worker (e.g. the arkiv binary and ["extract-worker"]).
    public init(executable: String, arguments: [String], workers: Int = ProcessInfo.processInfo.activeProcessorCount, limits: Limits = Limits()) {
        self.executable = executable
        self.arguments = arguments
        self.workers = max(1, workers)
        self.limits = limits
    }

    /// Files given out per worker before their results are handled: what the workers can get
    /// on with while the caller writes. Each holds one prepared document in memory. A commit
    /// of 500 documents took 0.25–0.35 s here, in which two workers finish about 80 files:
    /// with 24 each the queue filled and the workers stopped (1.84 of 2 cores busy over an
    /// import); with 96 each they carry on through it (1.95).
    static var filesInFlightPerWorker: Int { 96 }

    /// How much lower than the caller's the extraction threads and worker processes run
    /// (nice +10; a worker started from such a thread inherits it). The caller's thread is the
    /// single writer every document passes through: sharing two cores equally with four
    /// extraction threads it fell behind, the results queue filled and the workers stopped at
    /// every commit. With priority it keeps up and extraction uses the rest of the machine
    /// (README, import run L). It also keeps a server's searches ahead of an import.
    static var extractionNiceness: Int32 { 10 }

    /// Extracts every path; `handle` is called on the calling thread, one result at a time, in
    /// completion order. At most `filesInFlightPerWorker` results a worker wait in memory,
    /// whatever the number of files.
    public func extract(_ paths: [String], handle: (String, Result<Output, ExtractionError>) -> Void) {
        var remaining = paths[...]
        extract(next: { remaining.popFirst() }, handle: handle)
    }

    /// Extracts the paths `next` gives until it gives nil. `next` and `handle` are called on the
    /// calling thread (so they may use the index): `next` whenever the workers are about to run
    /// short, so deciding what to extract overlaps with extraction and only a few paths wait.
    public func extract(next: () -> String?, handle: (String, Result<Output, ExtractionError>) -> Void) {
        extract(next: next, preparing: { { _, output in output } }, handle: handle)
    }

    /// The same, with a step between extraction and `handle` that runs on the worker's own
    /// thread, in parallel: the single writer then only writes what is ready (e.g. Xapian
    /// documents built from the extracted text). `preparing` is called once per thread and
    /// returns that thread's preparation, so it may keep state that is not thread-safe.
    public func extract<Prepared: Sendable>(next: () -> String?,
                                            preparing: @escaping @Sendable () -> (String, Output) -> Prepared,
                                            handle: (String, Result<Prepared, ExtractionError>) -> Void) {
        // Deep enough that the workers keep going while the caller's thread is busy in a
        // commit (a Xapian flush and fsync every batch).
        let depth = workers * Self.filesInFlightPerWorker
        let paths = BoundedQueue<String>(capacity: Int.max)
        let results = BoundedQueue<(String, Result<Prepared, ExtractionError>)>(capacity: depth)
        var inFlight = 0, exhausted = false
        func topUp() {
            while !exhausted && inFlight < depth {
                if let path = next() { paths.put(path); inFlight += 1 } else { exhausted = true; paths.close() }
            }
        }
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            Thread.detachNewThread { [self] in
                // On Linux a thread's priority is its own: this lowers this thread's alone.
                setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, Self.extractionNiceness)
                let prepare = preparing()
                var worker: WorkerProcess? = nil
                /// Sends `path` to the worker (starting one if needed); false when that failed
                /// and the failure was reported instead.
                func send(_ path: String) -> Bool {
                    if worker == nil { worker = try? WorkerProcess(executable: executable, arguments: arguments + ["--memory-mb", String(limits.memoryMBPerWorker)]) }
                    guard let w = worker else {
                        results.put((path, .failure(ExtractionError("internal error: could not start an extraction worker"))))
                        return false
                    }
                    if w.send(path) { return true }
                    let failure = w.diedFailure(memoryMB: limits.memoryMBPerWorker)
                    w.terminate(); worker = nil
                    results.put((path, .failure(failure.error)))
                    return false
                }
                var sent: String? = nil  // the path the worker is extracting
                while true {
                    if sent == nil {
                        guard let path = paths.take() else { break }
                        if send(path) { sent = path }
                        continue
                    }
                    let path = sent!
                    sent = nil
                    let result: Result<Output, WorkerFailure> = worker!.receive(timeout: limits.secondsPerFile, memoryMB: limits.memoryMBPerWorker)
                    if case .failure(let e) = result, e.isWorkerFailure { worker!.terminate(); worker = nil }
                    // The worker starts on the next file before this thread prepares this one,
                    // so extraction and preparation overlap (a worker would otherwise wait
                    // idle while its result is turned into a document). Only a path already
                    // queued is taken: waiting for one here, with this result unhandled, could
                    // wait for the writer that waits for this result.
                    if let next = paths.takeIfReady(), send(next) { sent = next }
                    results.put((path, result.mapError { $0.error }.map { prepare(path, $0) }))
                }
                worker?.terminate()
                group.leave()
            }
        }
        group.notify(queue: .global()) { results.close() }
        topUp()
        while let (path, result) = results.take() {
            inFlight -= 1
            handle(path, result)
            topUp()
        }
    }
}

/// An ExtractionError that also says whether the worker must be replaced.
struct WorkerFailure: Error {
    let error: ExtractionError
    let isWorkerFailure: Bool
}

/// One child process and its pipes.
final class WorkerProcess {
    private let pid: pid_t
    private let toChild: Int32
    private let fromChild: Int32
    private var buffer: [UInt8] = []

    init(executable: String, arguments: [String]) throws {
        (pid, toChild, fromChild) = try Self.spawning.withLock { try Self.spawn(executable, arguments) }
        // A worker that died must not kill us with SIGPIPE when we write to it.
        signal(SIGPIPE, SIG_IGN)
    }

    /// No end of a worker's pipes may leak into another worker, which the pool's other threads
    /// start at the same time: a sibling holding this worker's stdout open hides its death (no
    /// end-of-file, so a crash was reported as a timeout), one holding its stdin hides ours.
    /// Our ends are made close-on-exec and the child's ends closed before any other worker is
    /// started. (`pipe2` with `O_CLOEXEC` would do it without a lock; Glibc's Swift module
    /// does not offer it.)
    private static let spawning = NSLock()

    /// Ours, except that a worker that crashes on a file prints no Swift backtrace: the file's
    /// reject reason says what happened, and a page of registers in the middle of the progress
    /// output says nothing more to the person importing. `SWIFT_BACKTRACE` set by the user wins.
    private static let workerEnvironment: [String] = {
        var environment = ProcessInfo.processInfo.environment
        if environment["SWIFT_BACKTRACE"] == nil { environment["SWIFT_BACKTRACE"] = "enable=no" }
        return environment.map { "\($0.key)=\($0.value)" }
    }()

    private static func spawn(_ executable: String, _ arguments: [String]) throws -> (pid_t, Int32, Int32) {
        var inPipe: [Int32] = [0, 0], outPipe: [Int32] = [0, 0]
        guard pipe(&inPipe) == 0 else { throw ExtractionError("pipe failed") }
        guard pipe(&outPipe) == 0 else { close(inPipe[0]); close(inPipe[1]); throw ExtractionError("pipe failed") }
        _ = fcntl(inPipe[1], F_SETFD, FD_CLOEXEC)
        _ = fcntl(outPipe[0], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        for fd in inPipe + outPipe { posix_spawn_file_actions_addclose(&actions, fd) }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = workerEnvironment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, executable, &actions, nil, argv, envp)
        close(inPipe[0])
        close(outPipe[1])
        guard rc == 0 else {
            close(inPipe[1]); close(outPipe[0])
            throw ExtractionError("cannot start \(executable): \(String(cString: strerror(rc)))")
        }
        return (child, inPipe[1], outPipe[0])
    }

    /// When the request being worked on was sent: its time limit counts from there.
    private var sentAt = Date()

    /// Asks the worker to extract `path`; false when the worker is gone.
    func send(_ path: String) -> Bool {
        var request = (try? JSONEncoder().encode(path)) ?? Data()
        request.append(0x0A)
        let wrote = request.withUnsafeBytes { write(toChild, $0.baseAddress!, $0.count) }
        sentAt = Date()
        return wrote == request.count
    }

    /// The reply to the request sent last, waiting at most `timeout` seconds from its sending.
    func receive<Output: Codable>(timeout: Double, memoryMB: Int) -> Result<Output, WorkerFailure> {
        let deadline = sentAt.addingTimeInterval(timeout)
        while true {
            if buffer.count >= 4, frameLength > Self.largestReply {
                return .failure(WorkerFailure(error: ExtractionError("internal error: unreadable worker reply"), isWorkerFailure: true))
            }
            if let frame = takeFrame() {
                guard let reply = try? WireFormat.decode(ExtractionWorker.Reply<Output>.self, from: frame) else {
                    return .failure(WorkerFailure(error: ExtractionError("internal error: unreadable worker reply"), isWorkerFailure: true))
                }
                if let output = reply.output { return .success(output) }
                return .failure(WorkerFailure(error: ExtractionError(reply.error ?? "unknown extraction error"), isWorkerFailure: false))
            }
            // Past the deadline, a reply that already waits in the pipe is still read (the
            // caller may have been busy since sending): only a worker with nothing to say
            // has run out of time.
            let remaining = deadline.timeIntervalSinceNow
            var fds = pollfd(fd: fromChild, events: Int16(POLLIN), revents: 0)
            let ready = poll(&fds, 1, Int32(max(0, min(remaining, 1.0)) * 1000))
            if ready < 0 && errno != EINTR { return .failure(diedFailure(memoryMB: memoryMB)) }
            if ready <= 0 {
                if remaining <= 0 {
                    return .failure(WorkerFailure(error: ExtractionError("extraction timed out after \(Int(timeout)) s: the file may be damaged or pathological"), isWorkerFailure: true))
                }
                continue
            }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let n = read(fromChild, &chunk, chunk.count)
            if n <= 0 { return .failure(diedFailure(memoryMB: memoryMB)) }
            buffer.append(contentsOf: chunk[..<n])
        }
    }

    /// Larger than any reply a worker sends (texts are cut at the file size limit long before);
    /// a longer frame means the stream is out of step.
    static let largestReply = 1 << 30

    private var frameLength: Int { buffer.withUnsafeBytes { Int(UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self))) } }

    /// The first complete reply frame received (a 4-byte length, then that many bytes), if any.
    private func takeFrame() -> [UInt8]? {
        guard buffer.count >= 4 else { return nil }
        let length = frameLength
        guard buffer.count >= 4 + length else { return nil }
        let frame = [UInt8](buffer[4..<(4 + length)])
        buffer.removeFirst(4 + length)
        return frame
    }

    /// The worker is gone: say how, in words.
    func diedFailure(memoryMB: Int) -> WorkerFailure {
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        reaped = true
        let signal = status & 0x7f
        let reason = signal != 0
            ? "extraction crashed (signal \(signal)): the file is damaged or needs more than \(memoryMB) MB"
            : "extraction worker exited unexpectedly (status \((status >> 8) & 0xff))"
        return WorkerFailure(error: ExtractionError(reason), isWorkerFailure: true)
    }

    private var reaped = false

    func terminate() {
        close(toChild)
        close(fromChild)
        if !reaped {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            reaped = true
        }
    }
}

/// A blocking queue with a capacity, so fast extractors wait for the single writer.
final class BoundedQueue<Element>: @unchecked Sendable {
    private var items: [Element] = []
    private var closed = false
    private let capacity: Int
    private let condition = NSCondition()

    init(capacity: Int) { self.capacity = capacity }

    func put(_ item: Element) {
        condition.lock(); defer { condition.unlock() }
        while items.count >= capacity && !closed { condition.wait() }
        items.append(item)
        condition.broadcast()
    }

    /// The first item if there is one now, without waiting.
    func takeIfReady() -> Element? {
        condition.lock(); defer { condition.unlock() }
        if items.isEmpty { return nil }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }

    func take() -> Element? {
        condition.lock(); defer { condition.unlock() }
        while items.isEmpty && !closed { condition.wait() }
        if items.isEmpty { return nil }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }

    func close() {
        condition.lock(); defer { condition.unlock() }
        closed = true
        condition.broadcast()
    }
}
