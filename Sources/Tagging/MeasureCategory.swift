/// A kind of measure (åtgärd), with the phrasings that show a step is of this kind.
public struct MeasureCategory: Codable, Sendable, Hashable {
    /// Stable id from DOMAIN.md, e.g. `utbildning`.
    public var id: String
    /// Swedish label for the web interface.
    public var label: String
    /// Phrases in the syntax of Domain/README.md; empty for the fallback `ovrigt`.
    public var phrasings: [String]

    public init(id: String, label: String, phrasings: [String]) {
        self.id = id
        self.label = label
        self.phrasings = phrasings
    }
}
