import Foundation
import Server
import TestSupport

/// One import of Corpus/ and one users file shared by every server test.
enum ServerFixture {
    static let password = "hemligt-lösen-1"

    /// The Corpus imported once into a temporary index (the real `arkiv import`).
    static let index: String = {
        let dir = TestSupport.directoryForThisRun("server")
        _ = try? ArkivCommand.run(["import", TestSupport.corpus.path, "--index", dir.path])
        return dir.path
    }()

    /// läsare "lasse", handläggare "hanna", admin "adam"; a low bcrypt cost keeps tests fast.
    static let usersFile: String = {
        let dir = TestSupport.directoryForThisRun("users")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("users.json").path
        let store = UserStore(path: path)
        try? store.set(name: "lasse", password: password, role: .läsare, cost: 4)
        try? store.set(name: "hanna", password: password, role: .handläggare, cost: 4)
        try? store.set(name: "adam", password: password, role: .admin, cost: 4)
        return path
    }()

    static let inbox = TestSupport.directoryForThisRun("inbox")

    static func configuration(users: Bool = true, maxUpload: Int? = nil) -> ServerConfiguration {
        var configuration = ServerConfiguration(indexPath: index)
        configuration.port = 0
        configuration.usersFile = users ? usersFile : "/nonexistent/users.json"
        configuration.domainFolder = TestSupport.domain
        configuration.workerExecutable = ArkivCommand.executable.path
        configuration.inboxFolder = inbox.path
        if let maxUpload { configuration.maxUploadBytes = maxUpload }
        return configuration
    }

    static func basic(_ user: String) -> String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }

    /// Records of the Corpus, by file name, to find documents for assertions.
    static let records: [(path: String, id: String)] = {
        ((try? ArkivCommand.run(["export", "--index", index]).jsonLines()) ?? []).map { ($0["path"] as? String ?? "", $0["id"] as? String ?? "") }
    }()

    static func id(ofFileNamed suffix: String) -> String? {
        records.first { $0.path.hasSuffix(suffix) }?.id
    }
}
