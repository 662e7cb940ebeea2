import ArchiveIndex
import Foundation
import Hummingbird
import Logging
import Search

/// Turns every error into what the asker can use: `{"error": "..."}` with a 4xx/5xx status on
/// the API, a Swedish error page (or the sign-in page) elsewhere. Unexpected errors are logged
/// and shown as 500 without internals.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = ArkivRequestContext
    let views: Views
    let openMode: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let isAPI = request.uri.path.hasPrefix("/api/") || request.uri.path == "/healthz"
            if case AccessError.unauthenticated = error, !isAPI {
                let target = request.uri.string
                return .redirect(to: "/logga-in?next=" + (target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"), type: .normal)
            }
            let (status, message) = describe(error, logger: context.logger)
            var headers: HTTPFields = [:]
            if case AccessError.unauthenticated = error { headers[.wwwAuthenticate] = "Basic realm=\"IVO-arkiv\", charset=\"UTF-8\"" }
            if isAPI { return JSONResponse.make(["error": message] as [String: String], status: status, headers: headers) }
            let html = views.render("fel", ErrorView(layout: Layout(title: "Fel \(status.code)", user: context.user, openMode: openMode),
                                                    status: Int(status.code), message: message))
            return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
        }
    }

    func describe(_ error: Error, logger: Logger) -> (HTTPResponse.Status, String) {
        switch error {
        case let e as ArkivError: return (e.status, e.message)
        case AccessError.unauthenticated: return (.unauthorized, "Inloggning krävs.")
        case AccessError.forbidden(let role): return (.forbidden, "Din roll räcker inte: kräver \(role.rawValue).")
        case SearchError.badQuery(let message): return (.badRequest, message)
        case SearchError.notFound(let message): return (.notFound, message)
        case let e as ArchiveError: return (.serviceUnavailable, e.message)
        case let e as HTTPError: return (e.status, e.body ?? e.status.reasonPhrase)
        case let e as HTTPResponseError:
            return (e.status, e.status == .contentTooLarge ? "För stor begäran." : e.status.reasonPhrase)
        default:
            logger.error("request failed: \(error)")
            return (.internalServerError, "Internt fel.")
        }
    }
}

struct ErrorView {
    var layout: Layout
    var status: Int
    var message: String
}
