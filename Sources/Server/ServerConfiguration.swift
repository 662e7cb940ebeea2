import Foundation

/// How `arkiv serve` runs: where the index is, who may use it, how imports are started.
public struct ServerConfiguration: Sendable {
    /// Loopback by default: the archive holds personal data and is exposed only when asked.
    public var host = "127.0.0.1"
    public var port = 8080
    public var indexPath: String
    /// The users file; `nil` means `<index>/users.json`. If the file does not exist when the server
    /// starts, it runs in open mode: everyone is an anonymous läsare and nobody can import.
    public var usersFile: String?
    /// Domain/ (labels, synonyms, stopwords, the legal-reference normaliser).
    public var domainFolder: URL?
    /// The `arkiv` binary the importer starts its extraction workers from.
    public var workerExecutable: String?
    /// Largest upload accepted, in bytes (one request, all files together).
    public var maxUploadBytes = 100 * 1024 * 1024
    /// Where uploaded files are put before they are imported; `nil` means `<index>/inkorg`.
    public var inboxFolder: String?

    public init(indexPath: String) { self.indexPath = indexPath }

    var usersPath: String { usersFile ?? URL(fileURLWithPath: indexPath).appendingPathComponent("users.json").path }
    var inboxPath: String { inboxFolder ?? URL(fileURLWithPath: indexPath).appendingPathComponent("inkorg").path }
    var auditPath: String { URL(fileURLWithPath: indexPath).appendingPathComponent("audit.log").path }
}
