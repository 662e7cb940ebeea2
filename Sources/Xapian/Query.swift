import CXapian
import Foundation

/// A Xapian query. Immutable; combine with the operators below.
public final class Query: CustomStringConvertible {
    public enum Operator: Int32 {
        case and = 0, or = 1, andNot = 2, filter = 3, andMaybe = 4, eliteSet = 5, phrase = 6, synonym = 7
    }

    let handle: OpaquePointer

    init(handle: OpaquePointer) { self.handle = handle }
    deinit { cx_query_free(handle) }

    /// A single term (wqf = query frequency, weights repeated terms).
    public convenience init(term: String, wqf: Int = 1) {
        self.init(handle: cx_query_term(term, UInt32(wqf)))
    }

    /// Several terms joined by `op` (e.g. OR of all values of a filter).
    public convenience init(terms: [String], op: Operator) {
        var cStrings = terms.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        let h = cStrings.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) {
                cx_query_terms(op.rawValue, $0.baseAddress, terms.count)
            }
        }
        self.init(handle: h!)
    }

    /// Matches every document (for browsing with filters only).
    public static func matchAll() -> Query { Query(handle: cx_query_match_all()) }

    /// Documents whose value in `slot` lies in [lower, upper], compared as strings.
    public static func valueRange(slot: Int, from lower: String, to upper: String) -> Query {
        Query(handle: cx_query_value_range(UInt32(slot), lower, upper))
    }

    public func combined(_ op: Operator, _ other: Query) -> Query {
        Query(handle: cx_query_combine(op.rawValue, handle, other.handle))
    }

    /// `self` restricted to documents matching `filter`, which does not affect ranking.
    public func filtered(by filter: Query) -> Query { combined(.filter, filter) }

    /// `self` over the documents of the shards with these UUIDs only. Weights stay those of the
    /// whole multi-database, so such matches over disjoint shard groups add up to one match.
    public func withinShards(_ uuids: [String]) -> Query {
        var cStrings = uuids.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        let h = cStrings.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) {
                cx_query_within_shards(handle, $0.baseAddress, uuids.count)
            }
        }
        return Query(handle: h!)
    }

    /// A copy sharing no parts with `self`. Xapian counts references to query parts without
    /// atomics, so each thread that matches a query needs a copy of its own.
    public func independentCopy() throws(XapianError) -> Query {
        Query(handle: try withErrorSlot("copying a query") { cx_query_copy(handle, $0) }!)
    }

    public func scaled(by factor: Double) -> Query { Query(handle: cx_query_scale(handle, factor)) }

    public var isEmpty: Bool { cx_query_is_empty(handle) == 1 }

    /// Whether every weight in the query comes from its own terms (`terms`): no wildcard,
    /// synonym or elite set, which weigh terms found while matching or pick them by bounds.
    public var weighsItsTermsAlone: Bool { cx_query_weighs_its_terms_alone(handle) == 1 }

    /// The distinct terms of the query, in query order.
    public var terms: [String] {
        var out: [String] = []
        let collect: ((String, UInt32)) -> Bool = { out.append($0.0); return true }
        withoutActuallyEscaping(collect) { escapable in
            let box = CallbackBox(escapable)
            withExtendedLifetime(box) { _ = cx_query_terms_each(handle, termCallback, Unmanaged.passUnretained(box).toOpaque()) }
        }
        return out
    }

    public var description: String { takeString(cx_query_description(handle)) }
}
