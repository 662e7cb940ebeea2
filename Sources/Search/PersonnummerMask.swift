import Foundation

/// Hides Swedish personal identity numbers (personnummer, samordningsnummer) in text shown to
/// users whose role may not see them.
public enum PersonnummerMask {
    /// YYMMDD-NNNN and YYYYMMDD-NNNN with "-" or "+", and the 12-digit form without a
    /// separator (ten bare digits are left alone: they are as often phone numbers).
    /// NSRegularExpression: many times faster than Swift Regex on long texts.
    private static let pattern = try! NSRegularExpression(
        pattern: #"\b(?:(?:19|20)\d{6}[-+]?\d{4}|\d{6}[-+]\d{4})\b"#)

    public static let replacement = "ÅÅMMDD-XXXX"

    public static func mask(_ text: String) -> String {
        pattern.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: replacement)
    }
}
