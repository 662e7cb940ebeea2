/// Facts about the files in Tests/Fixtures (see Tests/Fixtures/README.md), for assertions.
public enum FixtureFacts {
    /// Stands only on page 3 of pdf/multipage.pdf.
    public static let multipagePageThreePhrase = "fosterhemsutredningen genomfördes utan registerkontroll"
}
