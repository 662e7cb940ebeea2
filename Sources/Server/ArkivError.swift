import HTTPTypes

/// An error with a status and a message a person understands; `ErrorMiddleware` renders it as
/// `{"error": message}` on the API and as an error page elsewhere.
struct ArkivError: Error {
    var status: HTTPResponse.Status
    var message: String

    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    static func badRequest(_ message: String) -> ArkivError { .init(.badRequest, message) }
    static func notFound(_ message: String) -> ArkivError { .init(.notFound, message) }
}
