/// A category from the Domain/ files: a kind of deficiency (brist) or of measure (åtgärd), with
/// the phrasings that name it in a text.
public struct Category: Codable, Sendable, Hashable {
    /// Stable id from DOMAIN.md, e.g. `orosanmalan` or `utbildning`.
    public var id: String
    /// Swedish label for the web interface.
    public var label: String
    /// Phrases in the syntax of Domain/README.md; empty for a fallback such as `ovrigt`.
    public var phrasings: [String]

    public init(id: String, label: String, phrasings: [String]) {
        self.id = id
        self.label = label
        self.phrasings = phrasings
    }
}

/// A kind of deficiency: names its subject in a finding.
public typealias BristCategory = Category
/// A kind of measure: shows a step is of this kind.
public typealias MeasureCategory = Category
