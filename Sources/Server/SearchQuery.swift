import Foundation
import Hummingbird
import Search

/// The search parameters of `/` and `/api/search` (q, municipality, brist, type, area, from, to,
/// limit, offset, sort; the page also takes `sida`), validated, and the links that change them.
struct SearchQuery: Sendable {
    var q = ""
    var filters: [String: [String]] = [:]  // municipality, brist, type, area, year
    var from: String?
    var to: String?
    var sort: SearchRequest.Sort = .relevance
    /// `facets=exact`: count facets over every match (default: estimated beyond a sample).
    var exactFacets = false
    var limit = 10
    var offset = 0

    static let filterNames = ["municipality", "brist", "type", "area", "year"]
    static let maxLimit = 100, maxOffset = 10_000

    init() {}

    init(_ parameters: Parameters, pageSize: Int? = nil) throws {
        q = parameters.get("q") ?? ""
        for name in Self.filterNames {
            let values = parameters.getAll(name).filter { !$0.isEmpty }
            if !values.isEmpty { filters[name] = values }
        }
        from = parameters.get("from").flatMap { $0.isEmpty ? nil : $0 }
        to = parameters.get("to").flatMap { $0.isEmpty ? nil : $0 }
        if let year = filters["year"]?.first {  // a year facet is a from/to pair
            guard Int(year) != nil else { throw ArkivError.badRequest("year must be a number: \(year)") }
            from = year
            to = year
        }
        if let facets = parameters.get("facets"), !facets.isEmpty {
            guard ["exact", "sample"].contains(facets) else { throw ArkivError.badRequest("facets must be exact or sample") }
            exactFacets = facets == "exact"
        }
        if let text = parameters.get("sort"), !text.isEmpty {
            guard let sort = SearchRequest.Sort(rawValue: text) else { throw ArkivError.badRequest("sort must be relevance or date") }
            self.sort = sort
        }
        if let pageSize {
            limit = pageSize
            let page = try Self.integer(parameters, "sida", default: 1, range: 1...(Self.maxOffset / pageSize))
            offset = (page - 1) * pageSize
        } else {
            limit = try Self.integer(parameters, "limit", default: 10, range: 1...Self.maxLimit)
            offset = try Self.integer(parameters, "offset", default: 0, range: 0...Self.maxOffset)
        }
    }

    static func integer(_ parameters: Parameters, _ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = parameters.get(name), !text.isEmpty else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw ArkivError.badRequest("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    func request(showPersonnummer: Bool) -> SearchRequest {
        var request = SearchRequest(query: q)
        request.municipality = filters["municipality"] ?? []
        request.brist = filters["brist"] ?? []
        request.docType = filters["type"] ?? []
        request.area = filters["area"] ?? []
        request.from = from
        request.to = to
        request.limit = limit
        request.offset = offset
        request.sort = sort
        request.showPersonnummer = showPersonnummer
        request.exactFacets = exactFacets
        return request
    }

    var hasFilters: Bool { !filters.isEmpty || from != nil || to != nil }

    /// A link to the search page with these parameters (and `page`).
    func url(page: Int = 1) -> String {
        var items: [URLQueryItem] = []
        if !q.isEmpty { items.append(.init(name: "q", value: q)) }
        for name in Self.filterNames { for value in filters[name] ?? [] { items.append(.init(name: name, value: value)) } }
        if filters["year"] == nil {
            if let from { items.append(.init(name: "from", value: from)) }
            if let to { items.append(.init(name: "to", value: to)) }
        }
        if sort != .relevance { items.append(.init(name: "sort", value: sort.rawValue)) }
        if page > 1 { items.append(.init(name: "sida", value: String(page))) }
        var components = URLComponents()
        components.path = "/"
        components.queryItems = items.isEmpty ? nil : items
        // "+" in a value would read back as a space.
        components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        return components.string ?? "/"
    }

    func adding(_ name: String, _ value: String) -> SearchQuery {
        var copy = self
        if !(copy.filters[name] ?? []).contains(value) { copy.filters[name, default: []].append(value) }
        return copy
    }

    func removing(_ name: String, _ value: String) -> SearchQuery {
        var copy = self
        copy.filters[name]?.removeAll { $0 == value }
        if copy.filters[name]?.isEmpty == true { copy.filters[name] = nil }
        if name == "year" { copy.from = nil; copy.to = nil }
        return copy
    }
}
