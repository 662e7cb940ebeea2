import ArgumentParser
import Foundation
import Server

/// `arkiv users`: who may use the web interface, and as what.
struct Users: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the users of `arkiv serve` (roles: läsare, handläggare, admin).",
        subcommands: [Add.self, Remove.self, List.self])

    struct Options: ParsableArguments {
        @OptionGroup var indexOptions: IndexOptions
        @Option(help: "The users file (default: <index>/users.json).") var users: String?
        var store: UserStore { UserStore(path: users ?? URL(fileURLWithPath: indexOptions.index).appendingPathComponent("users.json").path) }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user or change their role and password; the password is read from stdin.")
        @OptionGroup var options: Options
        @Argument(help: "User name.") var name: String
        @Option(help: "läsare, handläggare or admin.") var role: String = "läsare"

        func validate() throws {
            if Role(name: role) == nil { throw ValidationError("--role must be läsare, handläggare or admin") }
            if name.isEmpty || name.contains(":") { throw ValidationError("a user name is not empty and has no colon") }
        }

        func run() throws {
            if isatty(0) == 1 { writeStderr("Lösenord för \(name): ") }
            guard let password = readLine(strippingNewline: true), password.count >= 8 else {
                throw CommandFailure(message: "a password of at least 8 characters is read from stdin", status: 2)
            }
            try options.store.set(name: name, password: password, role: Role(name: role)!)
            writeStderr("\(name) (\(Role(name: role)!.rawValue)) saved in \(options.store.path)\n")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a user.")
        @OptionGroup var options: Options
        @Argument(help: "User name.") var name: String
        func run() throws {
            if !(try options.store.remove(name: name)) { throw CommandFailure(message: "no user \(name)", status: 1) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users and roles.")
        @OptionGroup var options: Options
        func run() throws {
            for entry in try options.store.entries() { writeStdout("\(entry.name)\t\(entry.role.rawValue)\n") }
        }
    }
}
