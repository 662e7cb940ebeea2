/// Refused access; `ErrorMiddleware` turns it into 401 + WWW-Authenticate on the API and a
/// redirect to the sign-in page on pages.
enum AccessError: Error {
    case unauthenticated
    case forbidden(Role)
}
