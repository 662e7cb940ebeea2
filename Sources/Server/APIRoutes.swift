import ArchiveIndex
import Foundation
import Hummingbird
import Search
import Tagging

/// The JSON API of CONTRACT.md. Every answer is computed on a fresh reader (see `Archive`);
/// searches, document reads, downloads and exports are written to the audit log.
struct APIRoutes {
    let state: ServerState
    var archive: Archive { state.archive }

    func register(on router: Router<ArkivRequestContext>) {
        router.get("/healthz", use: health)
        router.get("/api/openapi.json", use: openAPI)
        router.get("/api/search", use: search)
        router.get("/api/documents/{id}", use: document)
        router.get("/api/documents/{id}/original", use: original)
        router.get("/api/similar/{id}", use: similar)
        router.get("/api/measures", use: measures)
        router.get("/api/case/{dnr}", use: caseThread)
    }

    @Sendable func health(_ request: Request, context: ArkivRequestContext) async throws -> Response {
        struct Health: Encodable { var status: String; var documents: Int? }
        let count = try? await archive.read { try $0.reader.count() }
        return JSONResponse.make(Health(status: "ok", documents: count))
    }

    @Sendable func openAPI(_ request: Request, context: ArkivRequestContext) async throws -> Response {
        let data = try Data(contentsOf: state.staticFolder.appendingPathComponent("openapi.json"))
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    @Sendable func search(_ request: Request, context: ArkivRequestContext) async throws -> Response {
        let user = try context.require(.läsare)
        let query = try SearchQuery(request.uri.queryParameters)
        state.audit("search", request.uri.query ?? "", user, context)
        let searchRequest = query.request(showPersonnummer: user.role.mayViewPersonnummer)
        let archive = self.archive
        let response = try await archive.read { try archive.search(searchRequest, in: $0) }
        return JSONResponse.make(response)
    }

    struct Shown: Encodable, Sendable {
        var record: DocumentRecord
        var evidence: [Evidence]
        var pages: [String]
    }

    @Sendable func document(_ request: Request, context: ArkivRequestContext) async throws -> Response {
        let user = try context.require(.läsare)
        let id = try DocumentID.validate(context.parameters.get("id"))
        guard let stored = try await archive.read({ try $0.reader.document(id: id) }) else { throw ArkivError.notFound("no document with id \(id)") }
        state.audit("view", stored.record.id, user, context)
        let shown = Masking.apply(stored, for: user.role)
        return JSONResponse.make(Shown(record: shown.record, evidence: shown.evidence, pages: shown.pages))
    }

    /// The original file, only ever from the content-addressed store, found by the full id the
    /// index gives for the (validated) id.
    @Sendable func original(_ request: Request, context: ArkivRequestContext) async throws -> Response {
        let user = try context.require(.läsare)
        let id = try DocumentID.validate(context.parameters.get("id"))
        guard let record = try await archive.read({ try $0.reader.document(id: id)?.record }) else { throw ArkivError.notFound("no document with id \(id)") }
        guard let url = archive.original(id: record.id) else { throw ArkivError.notFound("the original of \(record.id) is not stored") }
        state.audit("original", record.id, user, context)
        let data = try Data(contentsOf: url)
        let filename = (record.path as NSString).lastPathComponent
        let ascii = String(filename.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0.value >= 32 ? Character($0) : "_" })
        let encoded = filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ascii
        return Response(status: .ok, headers: [
            .contentType: Self.mediaType(url.pathExtension),
            .contentDisposition: "inline; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)",
            .init("X-Content-Type-Options")!: "nosniff",
        ], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func mediaType(_ ext: String) -> String {
        switch ext.lowercased() {
        case "pdf": "application/pdf"
        case "txt": "text/plain; charset=utf-8"
        case "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        // Stored HTML is served as text: it must not run in the archive's origin.
        case "html", "htm": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }

    @Sendable func similar(_ request: Request, context: ArkivRequestContext) async throws -> Response {
        struct Answer: Encodable, Sendable { var hits: [SimilarCases.Hit] }
        let user = try context.require(.läsare)
        let id = try DocumentID.validate(context.parameters.get("id"))
        let limit = try SearchQuery.integer(request.uri.queryParameters, "limit", default: 10, range: 1...SearchQuery.maxLimit)
        guard let hits = try await archive.read({ try $0.searcher().similarCases().similar(to: id, limit: limit) }) else {
            throw ArkivError.notFound("no document with id \(id)")
        }
        state.audit("similar", id, user, context)
        return JSONResponse.make(Answer(hits: hits))
    }

    @Sendable func measures(_ request: Request, context: ArkivRequestContext) async throws -> Response {
        let user = try context.require(.läsare)
        let parameters = request.uri.queryParameters
        let format = parameters.get("format") ?? "json"
        guard ["json", "csv", "matrix-csv"].contains(format) else { throw ArkivError.badRequest("format must be json, csv or matrix-csv") }
        let (brist, q) = try measureParameters(parameters)
        // An answer lists up to 20 measures a group (all in a CSV): at 100,000 documents a common
        // step has thousands, and a page or script wants the groups, not megabytes of examples.
        let answer = Masking.apply(try await measureAnswer(brist: brist, q: q, examplesPerGroup: format == "json" ? 20 : nil),
                                   for: user.role)
        state.audit(format == "json" ? "measures" : "export", request.uri.query ?? "", user, context)
        switch format {
        case "csv": return JSONResponse.text(answer.csv(), contentType: "text/csv; charset=utf-8", filename: "atgarder.csv")
        case "matrix-csv": return JSONResponse.text(answer.matrixCSV(), contentType: "text/csv; charset=utf-8", filename: "atgarder-matris.csv")
        default: return JSONResponse.make(answer)
        }
    }

    func measureParameters(_ parameters: Parameters) throws -> (String?, String?) {
        let brist = parameters.get("brist").flatMap { $0.isEmpty ? nil : $0 }
        if let brist, !state.labels.brister.isEmpty, !state.labels.brister.contains(where: { $0.id == brist }) {
            throw ArkivError.badRequest("unknown brist: \(brist)")
        }
        return (brist, parameters.get("q").flatMap { $0.isEmpty ? nil : $0 })
    }

    func measureAnswer(brist: String?, q: String?, examplesPerGroup: Int? = 20) async throws -> RecurringMeasures.Answer {
        let archive = self.archive
        return try await archive.read { session in
            let parsed = try q.map { try session.searcher().measureQuery(for: $0) }
            var answer = try RecurringMeasures(reader: session.reader).groups(brist: brist, query: parsed, examplesPerGroup: examplesPerGroup)
            answer.query = q
            return answer
        }
    }

    @Sendable func caseThread(_ request: Request, context: ArkivRequestContext) async throws -> Response {
        let user = try context.require(.läsare)
        let raw = context.parameters.get("dnr") ?? ""
        let dnr = raw.removingPercentEncoding ?? raw
        guard !dnr.isEmpty, dnr.count <= 100 else { throw ArkivError.badRequest("a diarienummer is 1 to 100 characters") }
        let thread = try await archive.read { try CaseThread.find(dnr, in: $0.reader) }
        if thread.documents.isEmpty { throw ArkivError.notFound("no document carries diarienummer \(dnr)") }
        state.audit("case", dnr, user, context)
        return JSONResponse.make(thread)
    }
}
