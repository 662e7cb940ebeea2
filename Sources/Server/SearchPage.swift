import Foundation
import Search

/// The Sök page: query form, facets as links that add a filter, hits with highlighted snippets,
/// pagination and sort.
struct SearchPage {
    struct Hit { var title: String; var url: String; var meta: String; var snippetHTML: String; var brister: [String]; var hasBrister: Bool }
    struct FacetValue { var label: String; var count: Int; var url: String; var active: Bool }
    struct Facet { var heading: String; var values: [FacetValue]; var approximate: Bool }
    struct Filter { var label: String; var removeURL: String }
    struct Hidden { var name: String; var value: String }

    var layout: Layout
    var q: String
    var from: String
    var to: String
    var sortDate: Bool
    var hidden: [Hidden]
    var searched: Bool
    var total: Int
    var totalText: String
    var suggestion: String?
    var suggestionURL: String?
    var hits: [Hit]
    var facets: [Facet]
    var filters: [Filter]
    var hasFilters: Bool
    var relevanceURL: String
    var dateURL: String
    var previousURL: String?
    var nextURL: String?
    var pageText: String?

    init(layout: Layout, query: SearchQuery, response: SearchResponse, labels: Labels) {
        self.layout = layout
        q = query.q
        from = query.filters["year"] == nil ? query.from ?? "" : ""
        to = query.filters["year"] == nil ? query.to ?? "" : ""
        sortDate = query.sort == .date
        hidden = SearchQuery.filterNames.flatMap { name in (query.filters[name] ?? []).map { Hidden(name: name, value: $0) } }
        searched = true
        total = response.total
        totalText = (response.facetsExact ? "" : "ca ") + (response.total == 1 ? "1 träff" : "\(response.total) träffar")
        if let suggestion = response.suggestion {
            self.suggestion = suggestion
            var corrected = query
            corrected.q = suggestion
            suggestionURL = corrected.url()
        }
        hits = response.hits.map { hit in
            let r = hit.record
            let meta = [labels.docType(r.docType), r.municipality, r.date.map { SwedishDate.format($0) }].compactMap { $0 }
            var link = "/dokument/\(r.id)"
            if !query.q.isEmpty { link += "?q=" + (query.q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") }
            return Hit(title: r.title.isEmpty ? (r.path as NSString).lastPathComponent : r.title, url: link,
                       meta: meta.joined(separator: " · "), snippetHTML: hit.snippet, brister: r.brister.map(labels.brist),
                       hasBrister: !r.brister.isEmpty)
        }
        facets = Labels.facets.compactMap { facet in
            guard let counts = response.facets[facet.name], !counts.isEmpty else { return nil }
            let sorted = counts.sorted { facet.name == "year" ? $0.key > $1.key : ($0.value, $1.key) > ($1.value, $0.key) }
            let values = sorted.map { value, count in
                let active = (query.filters[facet.parameter] ?? []).contains(value)
                var next = active ? query.removing(facet.parameter, value) : query.adding(facet.parameter, value)
                if facet.name == "year" && !active { next.filters["year"] = [value] }
                next.offset = 0
                return FacetValue(label: labels.facetValue(facet.name, value), count: count, url: next.url(), active: active)
            }
            return Facet(heading: facet.heading, values: values, approximate: !response.facetsExact)
        }
        filters = SearchQuery.filterNames.flatMap { name in
            (query.filters[name] ?? []).map { value in
                let facet = Labels.facets.first { $0.parameter == name }!
                return Filter(label: "\(facet.heading): \(labels.facetValue(facet.name, value))", removeURL: query.removing(name, value).url())
            }
        }
        hasFilters = !filters.isEmpty
        var byRelevance = query, byDate = query
        byRelevance.sort = .relevance
        byDate.sort = .date
        relevanceURL = byRelevance.url()
        dateURL = byDate.url()
        let page = query.offset / query.limit + 1
        let pages = (min(response.total, SearchQuery.maxOffset) + query.limit - 1) / query.limit
        if pages > 1 { pageText = "Sida \(page) av \(pages)" }
        if page > 1 { previousURL = query.url(page: page - 1) }
        if page < pages { nextURL = query.url(page: page + 1) }
    }
}
