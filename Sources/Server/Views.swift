import Foundation
import Hummingbird
import Mustache

/// The Mustache templates of Sources/Server/Templates. Values are HTML-escaped by `{{x}}`;
/// only fields named `...HTML` (Xapian snippets, already escaped with <mark> added) are
/// rendered raw with `{{{x}}}`.
struct Views: Sendable {
    let library: MustacheLibrary

    init() async throws {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw ArkivError(.internalServerError, "templates missing from the server's resources")
        }
        library = try await MustacheLibrary(directory: folder.path)
    }

    func render(_ name: String, _ view: Any) -> String {
        library.render(view, withTemplate: name) ?? "<p>Mallen \(name) saknas.</p>"
    }

    func page(_ name: String, _ view: Any, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: render(name, view))))
    }
}

/// What every page's header and menu need. Stored properties only: Mustache reads values
/// through Mirror, which does not see computed ones.
struct Layout {
    var title: String
    var userName: String?
    var roleName: String?
    var signedIn: Bool
    var openMode: Bool
    var isAdmin: Bool
    var sok: Bool
    var atgarder: Bool
    var importera: Bool
    /// Reload every two seconds (import progress without JavaScript).
    var refresh = false

    init(title: String, user: User?, openMode: Bool, section: String = "") {
        self.title = title
        userName = user?.name
        roleName = user?.role.rawValue
        signedIn = user != nil && !openMode
        self.openMode = openMode
        isAdmin = user?.role == .admin
        sok = section == "sok"
        atgarder = section == "atgarder"
        importera = section == "import"
    }
}
