import Foundation
@testable import Tagging

/// The repository's Domain/ folder and one shared tagger, found from this file's path so the
/// tests run from any working directory.
enum TestDomain {
    /// This folder with symlinks resolved (a scratch package may link to the repository's tests).
    static let testsFolder = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
    static let repoRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let directory = repoRoot.appendingPathComponent("Domain")
    static let fixtures = testsFolder.appendingPathComponent("Fixtures")
    static let data: DomainData = try! DomainData.load(from: directory)
    static let tagger = Tagger(domain: data)

    static func tag(_ text: String) -> DocumentFacts { tagger.tag(TaggingInput(pages: [text])) }
    static func doc(_ text: String) -> TextDocument { TextDocument(pages: [text]) }
}
