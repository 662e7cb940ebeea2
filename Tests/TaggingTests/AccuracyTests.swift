import Foundation
import Testing
@testable import Tagging

/// Precision and recall per field over labelled documents: the fixtures in
/// Fixtures/labelled (NAME.txt + NAME.json) and, when present, Corpus/labels.jsonl
/// (one JSON object per line: "file" relative to Corpus/ plus CONTRACT field names).
/// Floors sit a little below what the tagger achieves, so a regression fails the test.
@Suite struct AccuracyTests {
    static let fields = ["diarienummer", "municipality", "doc_type", "area", "brister", "legal_refs", "dates"]
    /// Floors for the fixtures, (precision, recall).
    static let floors: [String: (Double, Double)] = [
        "diarienummer": (0.95, 0.95), "municipality": (0.95, 0.95), "doc_type": (0.95, 0.95), "area": (0.9, 0.9),
        "brister": (0.85, 0.9), "legal_refs": (0.95, 0.95), "dates": (0.95, 0.95),
    ]

    struct Labelled {
        var name: String
        var text: String
        var gold: [String: Any]
    }

    struct Counts { var tp = 0, fp = 0, fn = 0
        var precision: Double { tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp) }
        var recall: Double { tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn) }
    }

    static func fixtures() throws -> [Labelled] {
        let dir = TestDomain.fixtures.appendingPathComponent("labelled")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { name in
            let base = dir.appendingPathComponent(String(name.dropLast(4)))
            let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: base.appendingPathExtension("json"))) as! [String: Any]
            return Labelled(name: name, text: try String(contentsOf: base.appendingPathExtension("txt"), encoding: .utf8), gold: gold)
        }
    }

    static func corpus() -> [Labelled] {
        let root = TestDomain.repoRoot.appendingPathComponent("Corpus")
        guard let lines = try? String(contentsOf: root.appendingPathComponent("labels.jsonl"), encoding: .utf8) else { return [] }
        return lines.split(separator: "\n").compactMap { line in
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let file = obj["file"] as? String, file.hasSuffix(".txt"),
                  let text = try? String(contentsOf: root.appendingPathComponent(file), encoding: .utf8) else { return nil }
            return Labelled(name: file, text: text, gold: obj)
        }
    }

    /// The values of one field as a set of strings (single-valued fields give 0 or 1 value).
    static func values(_ field: String, _ any: Any?) -> Set<String>? {
        switch any {
        case nil: return nil
        case is NSNull: return []
        case let s as String: return [s.precomposedStringWithCanonicalMapping]
        case let list as [String]: return Set(list.map { $0.precomposedStringWithCanonicalMapping })
        case let list as [[String: Any]]: return Set(list.map { "\($0["value"] ?? "")|\($0["authority"] ?? "")" })
        default: return nil
        }
    }

    static func measure(_ docs: [Labelled], title: String) -> [String: Counts] {
        var counts: [String: Counts] = [:]
        var misses: [String] = []
        for doc in docs {
            let facts = TestDomain.tagger.tag(TaggingInput(pages: [doc.text], fileName: doc.name))
            let json = try! JSONSerialization.jsonObject(with: JSONEncoder().encode(facts)) as! [String: Any]
            for field in fields {
                guard let gold = values(field, doc.gold[field]) else { continue }  // field not labelled
                let got = values(field, json[field]) ?? []
                counts[field, default: Counts()].tp += got.intersection(gold).count
                counts[field, default: Counts()].fp += got.subtracting(gold).count
                counts[field, default: Counts()].fn += gold.subtracting(got).count
                if got != gold { misses.append("  \(doc.name) \(field): got \(got.sorted()) want \(gold.sorted())") }
            }
        }
        var table = "\(title) (\(docs.count) documents)\nfield          precision  recall\n"
        for field in fields {
            guard let c = counts[field] else { continue }
            table += field.padding(toLength: 15, withPad: " ", startingAt: 0)
                + String(format: "%9.3f %7.3f   (tp %d, fp %d, fn %d)\n", c.precision, c.recall, c.tp, c.fp, c.fn)
        }
        print(table + (misses.isEmpty ? "" : "differences:\n" + misses.joined(separator: "\n")))
        return counts
    }

    @Test func labelledFixtures() throws {
        let docs = try Self.fixtures()
        #expect(docs.count >= 15)
        let counts = Self.measure(docs, title: "Labelled fixtures")
        for (field, floor) in Self.floors {
            let c = counts[field] ?? Counts()
            #expect(c.precision >= floor.0, "\(field) precision \(c.precision) below \(floor.0)")
            #expect(c.recall >= floor.1, "\(field) recall \(c.recall) below \(floor.1)")
        }
    }

    /// The generated Corpus is labelled by others; only a collapse fails here, the table informs.
    @Test func corpusLabels() {
        let docs = Self.corpus()
        guard docs.count >= 5 else { return }
        let counts = Self.measure(docs, title: "Corpus/labels.jsonl")
        for field in ["diarienummer", "municipality", "doc_type"] {
            guard let c = counts[field] else { continue }
            #expect(c.precision >= 0.5 && c.recall >= 0.5, "\(field) collapsed on Corpus: P \(c.precision) R \(c.recall)")
        }
    }
}
