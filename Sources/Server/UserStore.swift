import Foundation
import HummingbirdBcrypt

/// The users file: `{"users": [{"name": "anna", "role": "admin", "password_hash": "$2b$12$…"}]}`.
/// Passwords are stored as bcrypt hashes only. The file is re-read on every sign-in, so
/// `arkiv users add` takes effect without restarting the server.
public struct UserStore: Sendable {
    public struct Entry: Codable, Sendable {
        public var name: String
        public var role: Role
        public var passwordHash: String
        enum CodingKeys: String, CodingKey { case name, role, passwordHash = "password_hash" }
    }
    struct File: Codable { var users: [Entry] }

    public let path: String
    public init(path: String) { self.path = path }

    public var exists: Bool { FileManager.default.fileExists(atPath: path) }

    public func entries() throws -> [Entry] {
        guard exists else { return [] }
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: URL(fileURLWithPath: path))).users
    }

    /// The user with this name and password, or nil. Slow on purpose (bcrypt).
    public func authenticate(name: String, password: String) -> User? {
        guard let entry = (try? entries())?.first(where: { $0.name == name }),
              Bcrypt.verify(password, hash: entry.passwordHash) else { return nil }
        return User(name: entry.name, role: entry.role)
    }

    /// Adds the user or replaces their password and role; the file is written atomically and
    /// readable by its owner only.
    public func set(name: String, password: String, role: Role, cost: UInt8 = 12) throws {
        var users = try entries().filter { $0.name != name }
        users.append(Entry(name: name, role: role, passwordHash: Bcrypt.hash(password, cost: cost)))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try encoder.encode(File(users: users)).write(to: url, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }

    public func remove(name: String) throws -> Bool {
        let users = try entries()
        guard users.contains(where: { $0.name == name }) else { return false }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(File(users: users.filter { $0.name != name })).write(to: URL(fileURLWithPath: path), options: .atomic)
        return true
    }
}
