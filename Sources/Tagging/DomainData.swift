import Foundation

/// Everything the tagger knows about the domain, read from the data files in Domain/.
///
/// Phrasings live in these files, not in code, so users extend the tagger by editing them; a
/// change takes effect on the next import. Domain/README.md describes every file.
public struct DomainData: Sendable {
    /// Query-time synonyms: term or abbreviation (lower case) -> what it also means.
    public var synonyms: [String: [String]]
    public var bristCategories: [BristCategory]
    public var measureCategories: [MeasureCategory]
    /// The 290 kommuner in base form.
    public var kommuner: [String]
    /// Kommuner whose name is also a common word or person's name: counted only in kommun context.
    public var ambiguousKommuner: Set<String>
    /// Other spellings that always mean a kommun (`Region Gotland` -> `Gotland`).
    public var kommunAliases: [String: String]
    public var brister: DomainFiles.Brister
    public var atgarder: DomainFiles.Atgarder
    public var docTypes: DomainFiles.DocTypes
    public var kommunKontext: DomainFiles.KommunKontext
    public var lagar: DomainFiles.Lagar

    /// The files `load` reads, all required.
    public static let fileNames = ["kommuner.txt", "brister.json", "atgarder.json", "doctypes.json",
                                   "kommunkontext.json", "lagar.json", "synonyms.json"]

    /// Loads every data file from a directory (the repo's Domain/ folder or a user copy).
    public static func load(from directory: URL) throws -> DomainData {
        func read(_ name: String) throws -> Data {
            let url = directory.appendingPathComponent(name)
            do { return try Data(contentsOf: url) } catch {
                throw DomainDataError(file: url.path, reason: "cannot be read (\(error.localizedDescription))")
            }
        }
        func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
            let data = try read(name)
            do { return try JSONDecoder().decode(T.self, from: data) } catch let error as DecodingError {
                throw DomainDataError(file: directory.appendingPathComponent(name).path, reason: describe(error))
            }
        }
        let kommunURL = directory.appendingPathComponent("kommuner.txt")
        guard let kommunText = String(data: try read("kommuner.txt"), encoding: .utf8) else {
            throw DomainDataError(file: kommunURL.path, reason: "is not UTF-8 text")
        }
        let (kommuner, ambiguous, aliases) = try parseKommuner(kommunText, path: kommunURL.path)
        let brister = try decode(DomainFiles.Brister.self, "brister.json")
        let atgarder = try decode(DomainFiles.Atgarder.self, "atgarder.json")
        return DomainData(
            synonyms: try decode(DomainFiles.Synonyms.self, "synonyms.json").synonyms,
            bristCategories: brister.categories, measureCategories: atgarder.categories,
            kommuner: kommuner, ambiguousKommuner: ambiguous, kommunAliases: aliases,
            brister: brister, atgarder: atgarder,
            docTypes: try decode(DomainFiles.DocTypes.self, "doctypes.json"),
            kommunKontext: try decode(DomainFiles.KommunKontext.self, "kommunkontext.json"),
            lagar: try decode(DomainFiles.Lagar.self, "lagar.json"))
    }

    /// Finds Domain/: explicit path, else $ARKIV_DOMAIN, else ./Domain, else walking up from the
    /// executable's folder and from the given hint file path looking for a Domain/ folder
    /// containing kommuner.txt.
    public static func locate(explicit: String?, hintFilePath: String?) -> URL? {
        let fm = FileManager.default
        func isDomain(_ url: URL) -> Bool {
            fm.fileExists(atPath: url.appendingPathComponent("kommuner.txt").path)
        }
        if let explicit { return URL(fileURLWithPath: explicit) }
        if let env = ProcessInfo.processInfo.environment["ARKIV_DOMAIN"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        let cwd = URL(fileURLWithPath: fm.currentDirectoryPath).appendingPathComponent("Domain")
        if isDomain(cwd) { return cwd }
        var starts: [URL] = []
        if let exe = Bundle.main.executableURL { starts.append(exe.resolvingSymlinksInPath().deletingLastPathComponent()) }
        if let hint = hintFilePath { starts.append(URL(fileURLWithPath: hint).deletingLastPathComponent()) }
        for start in starts {
            var dir = start
            while true {
                let candidate = dir.appendingPathComponent("Domain")
                if isDomain(candidate) { return candidate }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        return nil
    }

    /// Parses kommuner.txt: `Name`, `Name *` (ambiguous) or `Name = alias, alias`; `#` comments.
    static func parseKommuner(_ text: String, path: String) throws
        -> (names: [String], ambiguous: Set<String>, aliases: [String: String]) {
        var names: [String] = []
        var ambiguous: Set<String> = []
        var aliases: [String: String] = [:]
        for (number, rawLine) in text.components(separatedBy: .newlines).enumerated() {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            var aliasPart: String?
            if let eq = line.firstIndex(of: "=") {
                aliasPart = String(line[line.index(after: eq)...])
                line = line[..<eq].trimmingCharacters(in: .whitespaces)
            }
            var isAmbiguous = false
            if line.hasSuffix("*") {
                isAmbiguous = true
                line = String(line.dropLast()).trimmingCharacters(in: .whitespaces)
            }
            guard !line.isEmpty, line.first!.isUppercase else {
                throw DomainDataError(file: path, reason: "line \(number + 1): expected a kommun name, got \"\(rawLine)\"")
            }
            let name = line.precomposedStringWithCanonicalMapping
            names.append(name)
            if isAmbiguous { ambiguous.insert(name) }
            for alias in aliasPart?.split(separator: ",") ?? [] {
                let a = alias.trimmingCharacters(in: .whitespaces)
                if !a.isEmpty { aliases[a.precomposedStringWithCanonicalMapping] = name }
            }
        }
        if names.isEmpty { throw DomainDataError(file: path, reason: "lists no kommuner") }
        return (names, ambiguous, aliases)
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            keys.isEmpty ? "top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let c): return "missing key \"\(key.stringValue)\" at \(path(c.codingPath))"
        case .typeMismatch(let t, let c): return "expected \(t) at \(path(c.codingPath)): \(c.debugDescription)"
        case .valueNotFound(let t, let c): return "missing \(t) at \(path(c.codingPath))"
        case .dataCorrupted(let c): return "invalid JSON at \(path(c.codingPath)): \(c.underlyingError.map { "\($0)" } ?? c.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
