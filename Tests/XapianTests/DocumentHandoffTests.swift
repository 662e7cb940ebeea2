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
            var added = 0
            while added < total {
                let batch = handed.takeAll()
                for doc in batch { _ = try db.addDocument(doc) }
                added += batch.count
            }
            try db.commit()
            #expect(try db.documentCount() == total)
        }
    }
}

/// Hands documents from the filling thread to the adding one, one at a time.
private final class HandOffQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var documents: [Document] = []

    func put(_ document: Document) {
        condition.lock(); defer { condition.unlock() }
        while documents.count >= 1 { condition.wait() }
        documents.append(document)
        condition.broadcast()
    }

    func takeAll() -> [Document] {
        condition.lock(); defer { condition.unlock() }
        while documents.isEmpty { condition.wait() }
        defer { documents.removeAll(); condition.broadcast() }
        return documents
    }
}
