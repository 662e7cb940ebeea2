import ArgumentParser
import Foundation

/// `arkiv`: the IVO archive's command line. Machine-readable output goes to stdout, progress and
/// logs to stderr, so `arkiv ... --json | jq` always works.
struct Arkiv: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arkiv",
        abstract: "Sökbart arkiv för IVO:s tillsynsärenden – full-text search over IVO and municipal documents.",
        subcommands: [Import.self, Search.self, Show.self, Similar.self, Measures.self, Case.self, Export.self, Verify.self, Serve.self, Users.self, ExtractWorker.self]
    )
}

/// Options every command takes.
struct IndexOptions: ParsableArguments {
    @Option(name: .long, help: "The index folder.")
    var index: String = "./Index"
}

/// Entry point: maps argument errors to exit status 2, as CONTRACT.md specifies.
@main
enum Main {
    static func main() {
        do {
            var command = try Arkiv.parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data("arkiv: \(failure.message)\n".utf8))
            exit(failure.status)
        } catch {
            let code = Arkiv.exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((Arkiv.fullMessage(for: error) + "\n").utf8))
                exit(2)
            }
            if code == .success || code == .failure {
                Arkiv.exit(withError: error)
            }
            FileHandle.standardError.write(Data("arkiv: \(error)\n".utf8))
            exit(1)
        }
    }
}

/// A failure with the exit status it should give.
struct CommandFailure: Error {
    var message: String
    var status: Int32
}

func writeStdout(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

func writeStderr(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}

/// JSON as scripts want it: stable key order, UTF-8, no escaped slashes.
func jsonString<T: Encodable>(_ value: T, pretty: Bool = false) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}
