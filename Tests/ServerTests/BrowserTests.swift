import Foundation
import Hummingbird
import Server
import Testing
import TestSupport

/// What a person sees, in a real (headless) Chromium driven over WebDriver, against the real
/// server on a random loopback port. Screenshots go to a temporary folder, and to
/// docs/screenshots when ARKIV_SCREENSHOTS=1.
@Suite("The web interface in a browser", .serialized,
       .enabled(if: WebDriver.available, "skipped: /usr/bin/chromium or /usr/bin/chromedriver is missing (Scripts/setup installs them)"))
struct BrowserTests {
    static let screenshots: URL = {
        ProcessInfo.processInfo.environment["ARKIV_SCREENSHOTS"] == "1"
            ? TestSupport.repositoryRoot.appendingPathComponent("docs/screenshots")
            : TestSupport.directoryForThisRun("screenshots")
    }()

    @Test("search, facet, document, measures and import pages, as a person uses them", .timeLimit(.minutes(3)))
    func walkThrough() async throws {
        // The real server on 127.0.0.1 with a port the kernel picks, as `arkiv serve` runs it.
        let port = Locked<Int?>(nil)
        let app = try await buildApplication(ServerFixture.configuration()) { port.set($0) }
        let server = Task { try await app.run() }
        defer { server.cancel() }
        var site = ""
        for _ in 0..<100 {
            if let p = port.get() { site = "http://127.0.0.1:\(p)"; break }
            try await Task.sleep(for: .milliseconds(50))
        }
        try #require(!site.isEmpty, "the server did not start")
        let browser = try await WebDriver()
        do {
            try await use(browser, site)
            await browser.quit()
        } catch {
            await browser.quit()
            throw error
        }
    }

    func use(_ browser: WebDriver, _ site: String) async throws {
        // Signing in: a protected page sends the browser to the sign-in form and back.
        try await browser.go("\(site)/?q=orosanm%C3%A4lan")
        #expect(try await browser.currentURL().contains("/logga-in"))
        try await browser.type(try await browser.find("input[name=namn]"), "adam")
        try await browser.type(try await browser.find("input[name=losenord]"), ServerFixture.password)
        try await browser.click(try await browser.find("form.inloggning button"))
        #expect(try await browser.url(containing: "q=orosanm").contains("q=orosanm"))

        // Sök: hits with highlighted words, Swedish facet headings.
        let hits = try await browser.findAll(".hit")
        #expect(hits.count == 10)
        let marked = try await browser.texts(of: ".hit .snippet mark")
        #expect(!marked.isEmpty)
        #expect(marked.allSatisfy { $0.lowercased().hasPrefix("orosanm") })
        let headings = try await browser.texts(of: ".facett h2").map { $0.lowercased() }
        #expect(headings == ["kommun", "brist", "dokumenttyp", "område", "år"])
        #expect(try await browser.text(of: ".antal-traffar").contains("träffar"))
        try await browser.screenshot(to: Self.screenshots.appendingPathComponent("sok.png"), height: 1000)

        // A kommun facet narrows the hits to that kommun.
        let facet = try await browser.find(".facett:first-child li a")
        let kommun = try await browser.text(facet)
        let count = Int(try await browser.text(of: ".facett:first-child li .antal")) ?? -1
        try await browser.click(facet)
        let metas = try await browser.texts(of: ".hit .meta")
        #expect(!metas.isEmpty && metas.count == min(count, 10))
        #expect(metas.allSatisfy { $0.contains(kommun) }, "\(kommun): \(metas)")
        #expect(try await browser.text(of: ".antal-traffar").hasPrefix("\(count) träff"))
        #expect(try await browser.text(of: ".filter").contains("Kommun: \(kommun)"))

        // Dokument: facts with the text each came from and its page; query words highlighted.
        try await browser.click(try await browser.find(".hit h3 a"))
        #expect(try await browser.url(containing: "/dokument/").contains("/dokument/"))
        let facts = try await browser.texts(of: ".fakta dt")
        #expect(facts.contains("Dokumenttyp") && facts.contains("Kommun"))
        #expect(try await browser.texts(of: ".fakta dd").contains(kommun))
        let sources = try await browser.findAll(".kallor tbody tr")
        #expect(!sources.isEmpty)
        let excerpts = try await browser.texts(of: ".kallor .utdrag")
        #expect(excerpts.allSatisfy { $0.count > 10 })
        #expect(try await browser.texts(of: ".kallor tbody td:last-child a").allSatisfy { $0.hasPrefix("s. ") })
        #expect(!(try await browser.findAll(".text mark")).isEmpty)
        #expect(!(try await browser.findAll(".liknande li")).isEmpty)
        try await browser.screenshot(to: Self.screenshots.appendingPathComponent("dokument.png"), height: 1100)

        // Åtgärder: kontroll_placering has a measure taken by at least two kommuner.
        try await browser.go("\(site)/atgarder")
        try await browser.click(try await browser.find("select[name=brist]"))
        try await browser.click(try await browser.find("select[name=brist] option[value=kontroll_placering]"))
        try await browser.click(try await browser.find("form.sok button"))
        let url = try await browser.url(containing: "brist=kontroll_placering")
        #expect(url.contains("brist=kontroll_placering"), "\(url)")
        let spans = try await browser.texts(of: ".grupp .kommuner").map { $0.split(separator: ",").count }
        #expect(spans.contains { $0 >= 2 }, "\(spans)")
        #expect(!(try await browser.findAll(".matris tbody tr")).isEmpty)
        try await browser.screenshot(to: Self.screenshots.appendingPathComponent("atgarder.png"), height: 1100)

        // Import: an admin imports a server folder and watches it finish.
        try await browser.go("\(site)/import")
        try await browser.type(try await browser.find("input[name=sokvag]"), TestSupport.corpus.path)
        try await browser.click(try await browser.find("form[action='/import'] button"))
        // Reloading before the form's POST has left would cancel it: first wait for the page
        // the POST redirects to, which is the only one with a status section.
        var status = try await browser.text(of: ".status", within: 30)
        let deadline = Date().addingTimeInterval(120)  // the machine may be busy with other suites
        while !status.contains("Klart") && Date() < deadline {
            try await Task.sleep(for: .milliseconds(500))
            try await browser.go("\(site)/import")
            status = try await browser.text(of: ".status", within: 10)
        }
        let at = try await browser.currentURL()
        #expect(status.contains("Klart"), "\(status) at \(at)")
        try await browser.screenshot(to: Self.screenshots.appendingPathComponent("import.png"))
    }
}
