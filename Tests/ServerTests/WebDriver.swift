import AsyncHTTPClient
import Foundation
import NIOCore

/// A W3C WebDriver client over HTTP, just what the browser tests use: sessions, navigation,
/// elements by CSS selector, clicks, typing, text and screenshots.
final class WebDriver: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible { var description: String }

    static let chromium = "/usr/bin/chromium"
    static let chromedriver = "/usr/bin/chromedriver"
    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: chromium) && FileManager.default.isExecutableFile(atPath: chromedriver)
    }

    private let driver: Process
    private let base: URL
    private var session = ""
    private static let elementKey = "element-6066-11e4-a52e-4f735466cecf"

    /// Starts chromedriver on a free loopback port and a headless Chromium session.
    init() async throws {
        let port = try FreePort.find()
        driver = Process()
        driver.executableURL = URL(fileURLWithPath: Self.chromedriver)
        driver.arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1"]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        try driver.run()
        base = URL(string: "http://127.0.0.1:\(port)")!
        for _ in 0..<50 {
            if (try? await request("GET", "/status")) != nil { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": [
            "browserName": "chrome",
            "goog:chromeOptions": ["binary": Self.chromium,
                                   "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                            "--window-size=1366,900", "--lang=sv-SE"]],
        ]]]
        do {
            let value = try await request("POST", "/session", capabilities) as? [String: Any]
            guard let id = value?["sessionId"] as? String else { throw Failure(description: "no WebDriver session: \(String(describing: value))") }
            session = id
        } catch {
            Self.stop(driver)
            throw error
        }
    }

    func quit() async {
        _ = try? await request("DELETE", "/session/\(session)")
        Self.stop(driver)
    }

    /// chromedriver does not always exit on SIGTERM.
    static func stop(_ process: Process) {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func go(_ url: String) async throws { _ = try await command("POST", "url", ["url": url]) }
    func currentURL() async throws -> String { try await command("GET", "url") as? String ?? "" }
    /// The URL once it contains `part` (a click's navigation may still be under way on a busy
    /// machine), or as it is after `seconds`.
    func url(containing part: String, within seconds: Double = 15) async throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var url = try await currentURL()
        while !url.contains(part) && Date() < deadline {
            try await Task.sleep(nanoseconds: 100_000_000)
            url = try await currentURL()
        }
        return url
    }

    func find(_ css: String) async throws -> String {
        let value = try await command("POST", "element", ["using": "css selector", "value": css]) as? [String: Any]
        guard let id = value?[Self.elementKey] as? String else { throw Failure(description: "no element \(css)") }
        return id
    }

    func findAll(_ css: String) async throws -> [String] {
        let values = try await command("POST", "elements", ["using": "css selector", "value": css]) as? [[String: Any]] ?? []
        return values.compactMap { $0[Self.elementKey] as? String }
    }

    func text(_ element: String) async throws -> String { try await command("GET", "element/\(element)/text") as? String ?? "" }
    func text(of css: String) async throws -> String { try await text(try await find(css)) }
    /// The element's text once it exists (a page may still be loading, or refreshing itself),
    /// or "" after `seconds`.
    func text(of css: String, within seconds: Double) async throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if let element = try await findAll(css).first, let text = try? await text(element) { return text }
            if Date() >= deadline { return "" }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
    }
    func texts(of css: String) async throws -> [String] {
        var out: [String] = []
        for element in try await findAll(css) { out.append(try await text(element)) }
        return out
    }
    func attribute(_ element: String, _ name: String) async throws -> String? {
        try await command("GET", "element/\(element)/attribute/\(name)") as? String
    }
    func click(_ element: String) async throws { _ = try await command("POST", "element/\(element)/click", [:]) }
    func type(_ element: String, _ text: String) async throws { _ = try await command("POST", "element/\(element)/value", ["text": text]) }

    /// A PNG of the viewport, taller first so the page's top part fits.
    func screenshot(to url: URL, height: Int = 900) async throws {
        _ = try await command("POST", "window/rect", ["width": 1366, "height": height])
        guard let base64 = try await command("GET", "screenshot") as? String, let data = Data(base64Encoded: base64) else {
            throw Failure(description: "no screenshot")
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        _ = try await command("POST", "window/rect", ["width": 1366, "height": 900])
    }

    private func command(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any? {
        try await request(method, "/session/\(session)/\(path)", body)
    }

    /// Over AsyncHTTPClient: chromedriver writes headers without a space after the colon,
    /// which FoundationNetworking's URLSession refuses ("Failed writing header").
    private func request(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any? {
        var request = HTTPClientRequest(url: base.absoluteString + path)
        request.method = .RAW(value: method)
        if let body {
            request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body)))
            request.headers.add(name: "Content-Type", value: "application/json")
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(90))
        let data = Data(try await response.body.collect(upTo: 64 << 20).readableBytesView)
        let object = try JSONSerialization.jsonObject(with: data.isEmpty ? Data("{}".utf8) : data) as? [String: Any]
        if response.status.code >= 400 {
            throw Failure(description: "WebDriver \(method) \(path): \(response.status.code) \(String(decoding: data, as: UTF8.self).prefix(300))")
        }
        return object?["value"] ?? nil
    }
}
