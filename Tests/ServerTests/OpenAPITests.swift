import Foundation
import Hummingbird
import Server
import Testing
import TestSupport

@Suite("OpenAPI description")
struct OpenAPITests {
    @Test("every route of the router is described in openapi.json, and every described route exists")
    func routesMatch() async throws {
        let router = try await buildRouter(ServerFixture.configuration())
        let routed = Set(router.routes.map { "\($0.method.rawValue.lowercased()) \($0.path.description)" })
        let file = TestSupport.repositoryRoot.appendingPathComponent("Sources/Server/Static/openapi.json")
        let document = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let described = Set(paths.flatMap { path, operations in operations.keys.map { "\($0) \(path)" } })
        #expect(routed.subtracting(described).isEmpty, "not described: \(routed.subtracting(described).sorted())")
        #expect(described.subtracting(routed).isEmpty, "described but not routed: \(described.subtracting(routed).sorted())")
    }
}
