import ArchiveIndex
import Foundation
import Hummingbird
import Search

/// The Swedish web pages: Sök, Dokument, Åtgärder. Server-rendered, usable without JavaScript.
struct PageRoutes {
    let state: ServerState
    static let pageSize = 10

    func register(on router: Router<ArkivRequestContext>) {
        router.get("/", use: searchPage)
        router.get("/dokument/{id}", use: documentPage)
        router.get("/atgarder", use: measuresPage)
    }

    @Sendable func searchPage(_ request: Request, context: ArkivRequestContext) async throws -> Response {
        let user = try context.require(.läsare)
        var query = try SearchQuery(request.uri.queryParameters, pageSize: Self.pageSize)
        // The start page lists the newest documents, with facets over the whole archive.
        if query.q.isEmpty && request.uri.queryParameters.get("sort") == nil { query.sort = .date }
        let searchRequest = query.request(showPersonnummer: user.role.mayViewPersonnummer)
        let archive = state.archive
        if !query.q.isEmpty || query.hasFilters { state.audit("search", request.uri.query ?? "", user, context) }
        let layout = state.layout(query.q.isEmpty ? "Sök" : "\(query.q) – Sök", context, section: "sok")
        do {
            let response = try await archive.read { try archive.search(searchRequest, in: $0) }
            return state.views.page("sok", SearchPage(layout: layout, query: query, response: response, labels: state.labels))
        } catch SearchError.badQuery(let message) {
            // A query the parser refuses is shown on the page, with the form to fix it.
            throw ArkivError.badRequest("Frågan kunde inte tolkas: \(message)")
        }
    }

    @Sendable func documentPage(_ request: Request, context: ArkivRequestContext) async throws -> Response {
        let user = try context.require(.läsare)
        let id = try DocumentID.validate(context.parameters.get("id"))
        let q = request.uri.queryParameters.get("q") ?? ""
        let archive = state.archive
        let role = user.role
        let data = try await archive.read { session -> DocumentPage.Data? in
            let reader = session.reader
            guard let found = try reader.document(id: id) else { return nil }
            let stored = Masking.apply(found, for: role)
            let highlighted = q.isEmpty ? nil : try? session.searcher().highlight(pages: stored.pages, ofDocument: stored.record.id, query: q)
            let numbers = stored.record.diarienummer
            let dnr = (numbers.first { $0.authority == .ivo } ?? numbers.first)?.value
            let thread = try dnr.map { try CaseThread.find($0, in: reader) }
            let similar = try session.searcher().similarCases().similar(to: stored.record.id, limit: 5) ?? []
            return DocumentPage.Data(stored: stored, highlightedPages: highlighted, thread: thread, similar: similar)
        }
        guard let data else { throw ArkivError.notFound("Dokumentet \(id) finns inte i arkivet.") }
        state.audit("view", data.stored.record.id, user, context)
        let page = DocumentPage(layout: state.layout(data.stored.record.title, context, section: "sok"), data: data, q: q,
                                hasOriginal: archive.original(id: data.stored.record.id) != nil, labels: state.labels)
        return state.views.page("dokument", page)
    }

    @Sendable func measuresPage(_ request: Request, context: ArkivRequestContext) async throws -> Response {
        let user = try context.require(.läsare)
        let (brist, q) = try APIRoutes(state: state).measureParameters(request.uri.queryParameters)
        var answer: RecurringMeasures.Answer?
        if brist != nil || q != nil {
            answer = Masking.apply(try await APIRoutes(state: state).measureAnswer(brist: brist, q: q), for: user.role)
            state.audit("measures", request.uri.query ?? "", user, context)
        }
        let page = MeasuresPage(layout: state.layout("Åtgärder", context, section: "atgarder"), brist: brist, q: q ?? "",
                                answer: answer, labels: state.labels)
        return state.views.page("atgarder", page)
    }
}
