import ArchiveIndex
import Foundation
import Xapian

/// The documents of one case: those sharing a diarienummer (IVO's or the municipality's, with or
/// without a document suffix), followed one step further so an återredovisning citing only the
/// kommun's number joins the IVO decision that the yttrande linked it to. In date order.
public struct CaseThread: Encodable, Sendable {
    public var diarienummer: [String]
    public var documents: [DocumentRecord]

    /// Finds the thread of `dnr`; empty when no document carries it.
    public static func find(_ dnr: String, in reader: ArchiveReader) throws -> CaseThread {
        let database = reader.database
        var numbers: Set<String> = [Schema.normaliseDiarienummer(dnr)]
        var found: [String: DocumentRecord] = [:]
        for _ in 0..<2 {  // the number itself, then the numbers its documents also carry
            let terms = numbers.map { Schema.Prefix.diarienummer + $0 }
            let enquire = try Enquire(database: database)
            enquire.setQuery(Query(terms: terms, op: .or).filtered(by: Query(term: Schema.Kind.document)))
            let matches = try enquire.matches(limit: 500)
            try matches.fetchDocuments()
            for i in 0..<matches.count {
                let record = try StoredDocument.decodeRecord(try matches.document(at: i).data())
                found[record.id] = record
            }
            for record in found.values {
                for d in record.diarienummer where d.authority != .other {
                    numbers.insert(Schema.normaliseDiarienummer(d.value))
                }
            }
        }
        let order = ["beslut": 0, "tjansteskrivelse": 1, "yttrande": 1, "protokoll": 2, "aterredovisning": 3]
        let documents = found.values.sorted {
            ($0.date ?? "9999", order[$0.docType] ?? 4, $0.id) < ($1.date ?? "9999", order[$1.docType] ?? 4, $1.id)
        }
        let cited = Set(documents.flatMap { $0.diarienummer.filter { $0.authority != .other }.map(\.value) })
        return CaseThread(diarienummer: cited.sorted(), documents: documents)
    }
}
