import Hummingbird
import Logging

/// The server `arkiv serve` runs; tests call it (or `buildRouter`) directly.
public func buildApplication(_ configuration: ServerConfiguration, logger: Logger = Logger(label: "arkiv.serve"),
                             onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws -> some ApplicationProtocol {
    let router = try await buildRouter(configuration, logger: logger)
    return Application(router: router, configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "IVO-arkiv"),
                       onServerRunning: { await onServerRunning($0.localAddress?.port ?? configuration.port) }, logger: logger)
}

/// Every route of the web interface and the API (described in Static/openapi.json).
public func buildRouter(_ configuration: ServerConfiguration, logger: Logger = Logger(label: "arkiv.serve")) async throws -> Router<ArkivRequestContext> {
    let state = try await ServerState(configuration: configuration, logger: logger)
    let router = Router(context: ArkivRequestContext.self)
    router.add(middleware: ErrorMiddleware(views: state.views, openMode: state.access.openMode))
    router.add(middleware: FileMiddleware(state.staticFolder.path, urlBasePath: "/static", searchForIndexHtml: false))
    router.add(middleware: AuthMiddleware(access: state.access))
    APIRoutes(state: state).register(on: router)
    PageRoutes(state: state).register(on: router)
    ImportRoutes(state: state).register(on: router)
    LoginRoutes(state: state).register(on: router)
    return router
}

/// Runs the server until SIGINT or SIGTERM (what `arkiv serve` does).
public func runServer(_ configuration: ServerConfiguration) async throws {
    var log = Logger(label: "arkiv.serve")
    log.logLevel = .info
    let logger = log
    let app = try await buildApplication(configuration, logger: logger) { port in
        logger.info("IVO-arkiv: http://\(configuration.host):\(port)/ (index \(configuration.indexPath))")
    }
    try await app.runService()
}
