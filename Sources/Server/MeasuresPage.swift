import Foundation
import Search

/// The Åtgärder page: recurring measures for a brist or a query, each group with its kommuner
/// and sourced examples, and a kommun × kategori heatmap.
struct MeasuresPage {
    struct Option { var id: String; var label: String; var selected: Bool }
    struct Example { var municipality: String; var text: String; var status: String?; var date: String; var url: String; var sourceURL: String; var page: Int? }
    struct Group { var number: Int; var label: String; var categories: String; var municipalities: String; var municipalityCount: Int; var municipalityText: String; var open: Bool; var count: Int; var examples: [Example] }
    struct Cell { var text: String; var level: Int }
    struct Row { var municipality: String; var cells: [Cell] }
    struct Heading { var label: String }

    var layout: Layout
    var options: [Option]
    var q: String
    var asked: Bool
    var bristLabel: String?
    var groups: [Group]
    var columns: [Heading]
    var rows: [Row]
    var hasRows: Bool
    var csvURL: String
    var matrixURL: String
    var jsonURL: String

    init(layout: Layout, brist: String?, q: String, answer: RecurringMeasures.Answer?, labels: Labels) {
        self.layout = layout
        options = labels.brister.map { Option(id: $0.id, label: $0.label, selected: $0.id == brist) }
        self.q = q
        asked = answer != nil
        bristLabel = brist.map(labels.brist)
        var items: [URLQueryItem] = []
        if let brist { items.append(.init(name: "brist", value: brist)) }
        if !q.isEmpty { items.append(.init(name: "q", value: q)) }
        func api(_ format: String) -> String {
            var c = URLComponents()
            c.path = "/api/measures"
            c.queryItems = items + [.init(name: "format", value: format)]
            return c.string ?? c.path
        }
        csvURL = api("csv")
        matrixURL = api("matrix-csv")
        jsonURL = api("json")
        groups = (answer?.groups ?? []).enumerated().map { n, g in
            Group(number: n + 1, label: g.label, categories: g.categories.map(labels.measure).joined(separator: ", "),
                  municipalities: g.municipalities.joined(separator: ", "), municipalityCount: g.municipalities.count,
                  municipalityText: g.municipalities.count == 1 ? "1 kommun" : "\(g.municipalities.count) kommuner", open: n == 0, count: g.count,
                  examples: g.examples.prefix(8).map { e in
                      Example(municipality: e.municipality ?? "okänd kommun", text: e.text, status: e.status.flatMap { Labels.status[$0] },
                              date: SwedishDate.format(e.date), url: "/dokument/\(e.id)",
                              sourceURL: e.path.lowercased().hasSuffix(".pdf")
                                  ? "/api/documents/\(e.id)/original" + (e.page.map { "#page=\($0)" } ?? "")
                                  : "/dokument/\(e.id)" + (e.page.map { "#sida-\($0)" } ?? ""),
                              page: e.page)
                  })
        }
        let matrix = answer?.matrix ?? [:]
        let categories = Array(Set(matrix.values.flatMap(\.keys))).sorted { labels.measure($0) < labels.measure($1) }
        columns = categories.map { Heading(label: labels.measure($0)) }
        let top = max(matrix.values.flatMap(\.values).max() ?? 1, 1)
        rows = matrix.keys.sorted().map { kommun in
            Row(municipality: kommun, cells: categories.map { c in
                let count = matrix[kommun]?[c] ?? 0
                // Five shades; any non-zero count is at least the lightest.
                return Cell(text: count == 0 ? "" : String(count), level: count == 0 ? 0 : max(1, Int((Double(count) / Double(top) * 5).rounded(.up))))
            })
        }
        hasRows = !rows.isEmpty
    }
}
