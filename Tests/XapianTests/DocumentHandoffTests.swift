import Foundation
import Testing
import TestSupport
@testable import Xapian

/// Documents are filled on one thread and added to the database on another, as the importer
/// does. Xapian counts references to a document without atomics, so the filling thread must
/// hold none once it hands a document over. (While the generator kept the last document it
/// filled, this test crashed on every run, as a 10,000-file import did now and then.)
@Suite("Xapian binding: documents handed between threads")
struct DocumentHandoffTests {
    @Test("fill lets go of the document when its body returns or throws")
    func fillLetsGo() throws {
        struct Stop: Error {}
        let generator = try TermGenerator(language: "swedish")
        let doc = Document(), other = Document()
        try generator.fill(doc) {
            #expect(generator.holds(doc))
            try generator.index("Nämnden har infört en rutin")
        }
        #expect(!generator.holds(doc))
        #expect(throws: Stop.self) { try generator.fill(other) { throw Stop() } }
        #expect(!generator.holds(other))
    }

    @Test("a term generator keeps no hold on a document it filled, so another thread can add it")
    func handOff() throws {
        try TestSupport.withTemporaryDirectory { dir in
            let db = try WritableDatabase(path: dir.path)
            let handed = HandOffQueue()
            let total = 200_000
            let filler = Thread {
                let generator = try! TermGenerator(language: "swedish")
                var spin = 0
                for i in 0..<total {
                    let doc = Document()
                    try! generator.fill(doc) { try generator.index("Nämnden har infört rutin \(i % 97) för orosanmälningar") }
                    try! doc.setValue(String(i), slot: 0)
                    try! doc.setValue("x", slot: 1)
                    handed.put(doc)
                    // Start the next document while the writer adds this one.
                    for _ in 0..<Int.random(in: 0..<400) { spin &+= 1 }
                }
            }
            filler.start()
            for _ in 0..<total { _ = try db.addDocument(handed.take()) }
            try db.commit()
            #expect(try db.documentCount() == total)
        }
    }
}

/// Hands documents from the filling thread to the adding one, one at a time.
private final class HandOffQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: Document?

    func put(_ document: Document) {
        condition.lock(); defer { condition.unlock() }
        while waiting != nil { condition.wait() }
        waiting = document
        condition.broadcast()
    }

    func take() -> Document {
        condition.lock(); defer { condition.unlock() }
        while waiting == nil { condition.wait() }
        defer { waiting = nil; condition.broadcast() }
        return waiting!
    }
}
