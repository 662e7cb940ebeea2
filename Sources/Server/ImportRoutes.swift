import Foundation
import Hummingbird

/// The Import page (admins only): import a folder on the server, or upload files into the
/// server's inbox and import them; progress on a page that refreshes itself.
struct ImportRoutes {
    let state: ServerState

    struct Reject { var path: String; var reason: String }
    struct ImportPage {
        var layout: Layout
        var running: Bool
        var hasRun: Bool
        var paths: String
        var user: String
        var started: String
        var progress: String
        var percent: Int
        var current: String
        var summary: String?
        var failure: String?
        var rejects: [Reject]
        var hasRejects: Bool
        var inbox: String
        var maxUploadMB: Int
        var message: String?
    }

    func register(on router: Router<ArkivRequestContext>) {
        router.get("/import", use: page)
        router.post("/import", use: importFolder)
        router.post("/import/uppladdning", use: upload)
    }

    func render(_ context: ArkivRequestContext, message: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        let s = state.importJob.current
        let time = DateFormatter()
        time.dateFormat = "yyyy-MM-dd HH:mm:ss"
        let summary = s.summary.map { "Klart: \($0.added) nya, \($0.updated) uppdaterade, \($0.unchanged) oförändrade, \($0.rejected) avvisade." }
        var layout = state.layout("Import", context, section: "import")
        layout.refresh = s.running
        let page = ImportPage(
            layout: layout, running: s.running, hasRun: s.started != nil,
            paths: s.paths.joined(separator: ", "), user: s.user, started: s.started.map(time.string) ?? "",
            progress: "\(s.done) av \(s.total) filer", percent: s.total > 0 ? s.done * 100 / s.total : 0, current: s.current,
            summary: summary, failure: s.failure, rejects: (s.summary?.rejects ?? []).map { Reject(path: $0.path, reason: $0.reason) },
            hasRejects: !(s.summary?.rejects ?? []).isEmpty,
            inbox: state.configuration.inboxPath, maxUploadMB: state.configuration.maxUploadBytes / (1024 * 1024), message: message)
        return state.views.page("import", page, status: status)
    }

    @Sendable func page(_ request: Request, context: ArkivRequestContext) async throws -> Response {
        try requireAdmin(context)
        return render(context)
    }

    func requireAdmin(_ context: ArkivRequestContext) throws {
        if state.access.openMode {
            throw ArkivError(.forbidden, "Servern körs i öppet läge (ingen användarfil): import kräver en admin. Skapa en med `arkiv users add NAMN --role admin` och starta om servern.")
        }
        _ = try context.require(.admin)
    }

    @Sendable func importFolder(_ request: Request, context: ArkivRequestContext) async throws -> Response {
        try requireAdmin(context)
        let user = try context.require(.admin)
        let form = try await FormBody.read(request)
        let path = (form["sokvag"] ?? "").trimmingCharacters(in: .whitespaces)
        var isFolder: ObjCBool = false
        guard path.hasPrefix("/"), FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            return render(context, message: "Ange en absolut sökväg till en mapp eller fil på servern som finns.", status: .badRequest)
        }
        return try start([path], user: user, context: context)
    }

    func start(_ paths: [String], user: User, context: ArkivRequestContext) throws -> Response {
        guard try state.importJob.start(paths, user: user.name) else {
            return render(context, message: "En import pågår redan; vänta tills den är klar.", status: .conflict)
        }
        state.audit("import", paths.joined(separator: ", "), user, context)
        return .redirect(to: "/import", type: .normal)
    }

    /// Files are written under a fresh folder of the inbox, named by time, with their own base
    /// names only: an uploaded name cannot point anywhere else.
    @Sendable func upload(_ request: Request, context: ArkivRequestContext) async throws -> Response {
        try requireAdmin(context)
        let user = try context.require(.admin)
        let limit = state.configuration.maxUploadBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw ArkivError(.contentTooLarge, "Uppladdningen är större än \(limit / (1024 * 1024)) MB.")
        }
        guard let contentType = request.headers[.contentType], contentType.lowercased().hasPrefix("multipart/form-data") else {
            throw ArkivError.badRequest("Uppladdningen måste skickas som multipart/form-data.")
        }
        let body: ByteBuffer
        do { body = try await request.body.collect(upTo: limit) } catch let error as HTTPResponseError where error.status == .contentTooLarge {
            throw ArkivError(.contentTooLarge, "Uppladdningen är större än \(limit / (1024 * 1024)) MB.")
        }
        let form = try MultipartForm(body: Data(buffer: body), contentType: contentType)
        let files = form.parts.filter { $0.filename.map { !$0.isEmpty } ?? false }
        guard !files.isEmpty else { return render(context, message: "Välj minst en fil att ladda upp.", status: .badRequest) }
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
        let folder = URL(fileURLWithPath: state.configuration.inboxPath).appendingPathComponent("\(stamp)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (n, file) in files.enumerated() {
            var name = ((file.filename ?? "") as NSString).lastPathComponent.replacingOccurrences(of: "\\", with: "_")
            if name.isEmpty || name.hasPrefix(".") { name = "fil-\(n + 1)" + name }
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) { name = "\(n + 1)-\(name)" }
            try file.data.write(to: folder.appendingPathComponent(name), options: .withoutOverwriting)
        }
        state.audit("upload", "\(files.count) filer till \(folder.path)", user, context)
        return try start([folder.path], user: user, context: context)
    }
}
