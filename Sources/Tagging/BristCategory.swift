/// A kind of deficiency (brist), with the phrasings that name its subject in a finding.
public struct BristCategory: Codable, Sendable, Hashable {
    /// Stable id from DOMAIN.md, e.g. `orosanmalan`.
    public var id: String
    /// Swedish label for the web interface.
    public var label: String
    /// Phrases in the syntax of Domain/README.md.
    public var phrasings: [String]

    public init(id: String, label: String, phrasings: [String]) {
        self.id = id
        self.label = label
        self.phrasings = phrasings
    }
}
