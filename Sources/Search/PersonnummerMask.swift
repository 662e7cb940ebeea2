/// Hides Swedish personal identity numbers (personnummer, samordningsnummer) in text shown to
/// users whose role may not see them.
public enum PersonnummerMask {
    /// YYMMDD-NNNN, YYYYMMDD-NNNN, with "-" or "+" or none (the 12-digit form only, so that
    /// other ten-digit numbers, like phone numbers, are left alone).
    nonisolated(unsafe) private static let pattern = /\b(?:(?:19|20)\d{6}[-+]?\d{4}|\d{6}[-+]\d{4})\b/

    public static let replacement = "ÅÅMMDD-XXXX"

    public static func mask(_ text: String) -> String {
        text.replacing(pattern, with: replacement)
    }
}
