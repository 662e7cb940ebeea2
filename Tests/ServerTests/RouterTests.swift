import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing

/// Every API route and the access rules, through the router (no sockets).
@Suite("HTTP API and access", .serialized)
struct RouterTests {
    func withClient(users: Bool = true, maxUpload: Int? = nil, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = try await buildApplication(ServerFixture.configuration(users: users, maxUpload: maxUpload))
        try await app.test(.router) { client in try await body(client) }
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    static let reader: HTTPFields = [.authorization: ServerFixture.basic("lasse")]
    static let officer: HTTPFields = [.authorization: ServerFixture.basic("hanna")]
    static let admin: HTTPFields = [.authorization: ServerFixture.basic("adam")]

    @Test("healthz answers without signing in and counts the documents")
    func health() async throws {
        try await withClient { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .ok)
            #expect((try Self.json(response)["documents"] as? Int ?? 0) >= ServerFixture.records.count)
        }
    }

    @Test("search returns CONTRACT JSON with highlighted snippets and facets; filters narrow it")
    func search() async throws {
        try await withClient { client in
            let response = try await client.execute(uri: "/api/search?q=orosanm%C3%A4lan&limit=5", method: .get, headers: Self.reader)
            #expect(response.status == .ok)
            let answer = try Self.json(response)
            let total = try #require(answer["total"] as? Int)
            let hits = try #require(answer["hits"] as? [[String: Any]])
            #expect(total > 5 && hits.count == 5)
            #expect((hits[0]["snippet"] as? String)?.contains("<mark>") == true)
            let facets = try #require(answer["facets"] as? [String: [String: Int]])
            #expect(Set(facets.keys).isSuperset(of: ["municipality", "brist", "doc_type", "area", "year"]))
            let (kommun, count) = try #require(facets["municipality"]?.max { $0.value < $1.value })
            let narrowed = try Self.json(try await client.execute(
                uri: "/api/search?q=orosanm%C3%A4lan&limit=100&municipality=\(kommun.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)",
                method: .get, headers: Self.reader))
            #expect(narrowed["total"] as? Int == count)
            #expect((narrowed["hits"] as! [[String: Any]]).allSatisfy { $0["municipality"] as? String == kommun })
        }
    }

    @Test("later pages: the API's offset and the web page's sida=2 give the next hits (they used to crash the server)")
    func paging() async throws {
        try await withClient { client in
            let all = try Self.json(try await client.execute(uri: "/api/search?q=orosanm%C3%A4lan&limit=6", method: .get, headers: Self.reader))
            let ids = try #require(all["hits"] as? [[String: Any]]).map { $0["id"] as! String }
            #expect(ids.count == 6)
            let second = try Self.json(try await client.execute(uri: "/api/search?q=orosanm%C3%A4lan&limit=3&offset=3", method: .get, headers: Self.reader))
            #expect(try #require(second["hits"] as? [[String: Any]]).map { $0["id"] as! String } == Array(ids[3...]))
            let page = try await client.execute(uri: "/?q=orosanm%C3%A4lan&sida=2", method: .get, headers: Self.reader)
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains("Sida 2 av"))
            #expect(html.contains("Föregående"))
            // The server still answers after the second page.
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
        }
    }

    @Test("a malformed query or parameter is a 400 with a JSON error")
    func badQuery() async throws {
        try await withClient { client in
            for uri in ["/api/search?q=AND%20OR", "/api/search?q=x&from=igår", "/api/search?q=x&limit=100000", "/api/search?q=x&sort=random"] {
                let response = try await client.execute(uri: uri, method: .get, headers: Self.reader)
                #expect(response.status == .badRequest, "\(uri)")
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                #expect(!(try Self.json(response)["error"] as? String ?? "").isEmpty, "\(uri)")
            }
        }
    }

    @Test("a document, its original, similar cases, its case thread and measures")
    func documentRoutes() async throws {
        let id = try #require(ServerFixture.id(ofFileNamed: "2023-02-13_IVO-beslut_3.5.1-12345-2023.pdf"))
        try await withClient { client in
            let document = try Self.json(try await client.execute(uri: "/api/documents/\(id)", method: .get, headers: Self.reader))
            #expect((document["record"] as? [String: Any])?["id"] as? String == id)
            #expect(!(document["evidence"] as? [[String: Any]] ?? []).isEmpty)
            let byPrefix = try await client.execute(uri: "/api/documents/\(id.prefix(12))", method: .get, headers: Self.reader)
            #expect(byPrefix.status == .ok)

            let original = try await client.execute(uri: "/api/documents/\(id)/original", method: .get, headers: Self.reader)
            #expect(original.status == .ok)
            #expect(original.headers[.contentType] == "application/pdf")
            #expect(Data(buffer: original.body).prefix(5) == Data("%PDF-".utf8))

            let similar = try Self.json(try await client.execute(uri: "/api/similar/\(id)?limit=3", method: .get, headers: Self.reader))
            let hits = try #require(similar["hits"] as? [[String: Any]])
            #expect(!hits.isEmpty && hits.count <= 3)
            #expect(!(hits[0]["reasons"] as? [String] ?? []).isEmpty)

            let thread = try Self.json(try await client.execute(uri: "/api/case/3.5.1-12345%2F2023", method: .get, headers: Self.reader))
            #expect((thread["documents"] as? [[String: Any]])?.count ?? 0 >= 2)

            let missing = try await client.execute(uri: "/api/documents/\(String(repeating: "0", count: 64))", method: .get, headers: Self.reader)
            #expect(missing.status == .notFound)
            #expect(try Self.json(missing)["error"] != nil)
        }
    }

    @Test("measures as JSON and as Excel CSV; a group for kontroll_placering spans several kommuner")
    func measures() async throws {
        try await withClient { client in
            let answer = try Self.json(try await client.execute(uri: "/api/measures?brist=kontroll_placering", method: .get, headers: Self.reader))
            let groups = try #require(answer["groups"] as? [[String: Any]])
            #expect(groups.contains { ($0["municipalities"] as? [String] ?? []).count >= 2 })
            let csv = try await client.execute(uri: "/api/measures?brist=kontroll_placering&format=csv", method: .get, headers: Self.reader)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            let text = String(buffer: csv.body)
            #expect(text.hasPrefix("\u{FEFF}grupp;"))
            let unknown = try await client.execute(uri: "/api/measures?brist=nonsense", method: .get, headers: Self.reader)
            #expect(unknown.status == .badRequest)
        }
    }

    @Test("ids that are not hex are refused before they reach the index or the disk")
    func pathTraversal() async throws {
        try await withClient { client in
            for uri in ["/api/documents/..%2F..%2F..%2Fetc%2Fpasswd/original", "/api/documents/%2e%2e%2f%2e%2e%2fusers.json/original",
                        "/api/documents/../../users.json/original", "/api/documents/abcdefgh.pdf/original", "/dokument/..%2Fusers.json"] {
                let response = try await client.execute(uri: uri, method: .get, headers: Self.admin)
                #expect(response.status == .badRequest || response.status == .notFound, "\(uri): \(response.status)")
                #expect(!String(buffer: response.body).contains("password_hash"))
            }
        }
    }

    @Test("without signing in: the API answers 401, pages redirect to the sign-in page")
    func unauthenticated() async throws {
        try await withClient { client in
            let api = try await client.execute(uri: "/api/search?q=beslut", method: .get)
            #expect(api.status == .unauthorized)
            #expect(api.headers[.wwwAuthenticate]?.hasPrefix("Basic") == true)
            #expect(try Self.json(api)["error"] != nil)
            let page = try await client.execute(uri: "/?q=beslut", method: .get)
            #expect(page.status == .seeOther)
            #expect(page.headers[.location]?.hasPrefix("/logga-in?next=") == true)
            let wrong = try await client.execute(uri: "/api/search?q=beslut", method: .get,
                                                 headers: [.authorization: "Basic " + Data("lasse:fel".utf8).base64EncodedString()])
            #expect(wrong.status == .unauthorized)
            #expect(try await client.execute(uri: "/static/arkiv.css", method: .get).status == .ok)
        }
    }

    @Test("signing in sets a session cookie that opens the pages; signing out ends it")
    func session() async throws {
        try await withClient { client in
            let body = ByteBuffer(string: "namn=hanna&losenord=\(ServerFixture.password.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)&next=%2Fatgarder")
            let login = try await client.execute(uri: "/logga-in", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: body)
            #expect(login.status == .seeOther)
            #expect(login.headers[.location] == "/atgarder")
            let cookie = try #require(login.headers[.setCookie]?.split(separator: ";").first.map(String.init))
            let page = try await client.execute(uri: "/atgarder", method: .get, headers: [.cookie: cookie])
            #expect(page.status == .ok)
            #expect(String(buffer: page.body).contains("hanna (handläggare)"))
            _ = try await client.execute(uri: "/logga-ut", method: .post, headers: [.cookie: cookie])
            #expect(try await client.execute(uri: "/atgarder", method: .get, headers: [.cookie: cookie]).status == .seeOther)
            let bad = try await client.execute(uri: "/logga-in", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                               body: ByteBuffer(string: "namn=hanna&losenord=fel"))
            #expect(bad.status == .unauthorized)
        }
    }

    @Test("a läsare sees personnummer masked; a handläggare sees them")
    func personnummer() async throws {
        let id = try #require(ServerFixture.id(ofFileNamed: "2024-05-20_lex-sarah-utredning.txt"))
        try await withClient { client in
            let masked = String(buffer: try await client.execute(uri: "/api/documents/\(id)", method: .get, headers: Self.reader).body)
            #expect(!masked.contains("20121212-9843"))
            #expect(masked.contains("ÅÅMMDD-XXXX"))
            let shown = String(buffer: try await client.execute(uri: "/api/documents/\(id)", method: .get, headers: Self.officer).body)
            #expect(shown.contains("20121212-9843"))
            let page = String(buffer: try await client.execute(uri: "/dokument/\(id)", method: .get, headers: Self.reader).body)
            #expect(!page.contains("20121212-9843"))
            let snippet = String(buffer: try await client.execute(uri: "/api/search?q=personnummer&municipality=G%C3%A4vle", method: .get, headers: Self.reader).body)
            #expect(!snippet.contains("20121212-9843"))
        }
    }

    @Test("only admins reach the import page; uploads over the limit are refused with 413")
    func importAccess() async throws {
        try await withClient(maxUpload: 1024) { client in
            #expect(try await client.execute(uri: "/import", method: .get, headers: Self.officer).status == .forbidden)
            #expect(try await client.execute(uri: "/import", method: .get, headers: Self.admin).status == .ok)
            let boundary = "xyz"
            let big = "--\(boundary)\r\nContent-Disposition: form-data; name=\"filer\"; filename=\"a.txt\"\r\n\r\n"
                + String(repeating: "x", count: 4096) + "\r\n--\(boundary)--\r\n"
            let response = try await client.execute(uri: "/import/uppladdning", method: .post,
                                                    headers: Self.admin + [.contentType: "multipart/form-data; boundary=\(boundary)"],
                                                    body: ByteBuffer(string: big))
            #expect(response.status == .contentTooLarge)
        }
    }

    @Test("an uploaded file is imported and becomes searchable while the server runs")
    func uploadAndImport() async throws {
        try await withClient { client in
            let boundary = "grans"
            let text = "Tjänsteskrivelse om zebrafinkprojektet i Kalmar kommun. Nämnden beslutar."
            let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"filer\"; filename=\"zebrafink.txt\"\r\nContent-Type: text/plain\r\n\r\n"
                + text + "\r\n--\(boundary)--\r\n"
            let response = try await client.execute(uri: "/import/uppladdning", method: .post,
                                                    headers: Self.admin + [.contentType: "multipart/form-data; boundary=\(boundary)"],
                                                    body: ByteBuffer(string: body))
            #expect(response.status == .seeOther)
            var total = 0
            for _ in 0..<60 where total == 0 {
                try await Task.sleep(for: .milliseconds(500))
                total = try Self.json(try await client.execute(uri: "/api/search?q=zebrafinkprojektet", method: .get, headers: Self.reader))["total"] as? Int ?? 0
            }
            #expect(total == 1)
            let page = String(buffer: try await client.execute(uri: "/import", method: .get, headers: Self.admin).body)
            #expect(page.contains("Klart: 1 nya"))
        }
    }

    @Test("searches, views, downloads and exports are in the audit log with user, role and client")
    func audit() async throws {
        let id = try #require(ServerFixture.id(ofFileNamed: "2023-02-13_IVO-beslut_3.5.1-12345-2023.pdf"))
        let log = URL(fileURLWithPath: ServerFixture.index).appendingPathComponent("audit.log")
        try await withClient { client in
            _ = try await client.execute(uri: "/api/search?q=revisionsspaning", method: .get, headers: Self.officer)
            _ = try await client.execute(uri: "/api/documents/\(id)", method: .get, headers: Self.officer)
            _ = try await client.execute(uri: "/api/documents/\(id)/original", method: .get, headers: Self.officer)
            _ = try await client.execute(uri: "/api/measures?brist=kontroll_placering&format=csv", method: .get, headers: Self.officer)
        }
        let entries = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
            .compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String] }
            .filter { $0["user"] == "hanna" }
        #expect(entries.contains { $0["action"] == "search" && $0["target"]?.contains("revisionsspaning") == true && $0["role"] == "handläggare" })
        #expect(entries.contains { $0["action"] == "view" && $0["target"] == id })
        #expect(entries.contains { $0["action"] == "original" && $0["target"] == id })
        #expect(entries.contains { $0["action"] == "export" })
        #expect(entries.allSatisfy { $0["time"] != nil && $0["client"] != nil })
    }

    @Test("open mode (no users file): everyone reads as an anonymous läsare, nobody imports")
    func openMode() async throws {
        try await withClient(users: false) { client in
            let search = try await client.execute(uri: "/api/search?q=beslut", method: .get)
            #expect(search.status == .ok)
            let page = try await client.execute(uri: "/?q=beslut", method: .get)
            #expect(page.status == .ok)
            #expect(String(buffer: page.body).contains("Öppet läge"))
            #expect(try await client.execute(uri: "/import", method: .get).status == .forbidden)
        }
    }
}

extension HTTPFields {
    static func + (a: HTTPFields, b: HTTPFields) -> HTTPFields {
        var out = a
        out.append(contentsOf: b)
        return out
    }
}
