import Extraction
import Foundation
import Tagging
import Testing
import TestSupport
import ArchiveIndex

/// The extraction workers' replies travel in `WireFormat`; what arrives must be what was sent.
@Suite("Worker wire format")
struct WireFormatTests {
    struct Sample: Codable, Equatable {
        enum Kind: String, Codable { case beslut, yttrande }
        struct Part: Codable, Equatable {
            var label: String?
            var numbers: [Int]
        }
        var text: String
        var kind: Kind
        var optionalKind: Kind?
        var count: Int
        var ratio: Double
        var flag: Bool
        var missing: String?
        var present: Int?
        var parts: [Part]
        var nested: [[String]]
        var empty: [String]
    }

    @Test("every supported shape survives the round trip: optionals, lists, enums, Swedish and odd text")
    func shapes() throws {
        let sample = Sample(text: "Åtgärd: ny rutin för orosanmälningar\n\u{0}tab\t\"citat\" 😀", kind: .yttrande,
                            optionalKind: .beslut, count: -1_234_567_890_123, ratio: 0.1 + 0.2, flag: true,
                            missing: nil, present: 0, parts: [.init(label: nil, numbers: []), .init(label: "Umeå", numbers: [1, -2, Int.max])],
                            nested: [[], ["a", ""], ["ö"]], empty: [])
        let bytes = try WireFormat.encode(sample)
        #expect(try WireFormat.decode(Sample.self, from: bytes) == sample)
        // A cut reply is an error, never a half-filled value.
        #expect(throws: WireFormat.Error.self) { try WireFormat.decode(Sample.self, from: Array(bytes.dropLast(3))) }
        #expect(throws: WireFormat.Error.self) { try WireFormat.decode(Sample.self, from: bytes + [0]) }
    }

    @Test("a processed Corpus document arrives with the same text and facts")
    func processedFiles() throws {
        let processor = FileProcessor(tagger: Tagger(domain: try DomainData.load(from: TestSupport.domain)))
        let files = try FileManager.default.subpathsOfDirectory(atPath: TestSupport.corpus.path).sorted()
            .filter { $0.hasSuffix(".pdf") || $0.hasSuffix(".txt") }.prefix(12)
        #expect(files.count >= 6)
        for file in files {
            let processed = try processor.process(path: TestSupport.corpus.appendingPathComponent(file).path)
            let back = try WireFormat.decode(ProcessedFile.self, from: try WireFormat.encode(processed))
            #expect(back.text == processed.text, "\(file)")
            #expect(back.facts == processed.facts, "\(file)")
            #expect(!processed.facts.evidence.isEmpty || processed.facts.brister.isEmpty)
        }
    }
}
