import ArgumentParser
import Foundation
import Server
import Tagging

/// `arkiv serve`: the Swedish web interface and the HTTP API (CONTRACT.md) over the index,
/// readable while an import runs.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the web interface and HTTP API (default http://127.0.0.1:8080/).",
        discussion: """
        Users and roles (läsare, handläggare, admin) come from the users file (default \
        <index>/users.json; create it with `arkiv users add NAME --role admin`). Without it the \
        server runs in open mode: everyone is an anonymous läsare and imports are off. Searches, \
        document views, downloads and exports are logged to <index>/audit.log.
        """)

    @OptionGroup var indexOptions: IndexOptions
    @Option(help: "Address to listen on; only loopback unless you say otherwise.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Option(help: "The users file (default: <index>/users.json).") var users: String?
    @Option(help: "The domain data folder (default: $ARKIV_DOMAIN, ./Domain, or the one beside the program).") var domain: String?
    @Option(help: "Largest upload accepted on the import page, in MB.") var maxUploadMb = 100

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be 0 to 65535") }
        if maxUploadMb < 1 { throw ValidationError("--max-upload-mb must be at least 1") }
    }

    func run() throws {
        Self.raiseOpenFileLimit()
        var configuration = ServerConfiguration(indexPath: indexOptions.index)
        configuration.host = host
        configuration.port = port
        configuration.usersFile = users
        configuration.domainFolder = DomainData.locate(explicit: domain, hintFilePath: currentExecutable)
        configuration.workerExecutable = currentExecutable
        configuration.maxUploadBytes = maxUploadMb * 1024 * 1024
        // ArgumentParser's synchronous root runs this; the server lives in a task until a signal.
        final class Outcome: @unchecked Sendable { var error: Error? }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let config = configuration
        Task {
            do { try await runServer(config) } catch { outcome.error = error }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw CommandFailure(message: "server stopped: \(error)", status: 1) }
    }

    /// Every kept reader of a sharded index holds about five files per shard, and a search over
    /// local shards uses a reader per thread: 8 shards on 16 cores come to thousands of files,
    /// past the usual soft limit of 1,024. Servers raise it to the hard limit; so does this one.
    static func raiseOpenFileLimit() {
        var limit = rlimit()
        let resource = Int32(RLIMIT_NOFILE.rawValue)
        guard getrlimit(resource, &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(resource, &limit)
    }
}
