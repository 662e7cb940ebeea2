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
        // Every form has six digits in a row; most texts have none, and a scan is many
        // times cheaper than the regular expression.
        guard hasSixDigits(text) else { return text }
        return pattern.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: replacement)
    }

    static func hasSixDigits(_ text: String) -> Bool {
        var run = 0
        for scalar in text.unicodeScalars {
            // \d in the pattern is any decimal digit, not only ASCII ones.
            if scalar.isASCII ? (0x30...0x39).contains(scalar.value) : scalar.properties.numericType == .decimal {
                run += 1
                if run == 6 { return true }
            } else {
                run = 0
            }
        }
        return false
    }
}
