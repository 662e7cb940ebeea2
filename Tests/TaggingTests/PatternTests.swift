import Foundation
import Testing
@testable import Tagging

/// `Pattern` runs ICU directly on a UTF-16 copy kept per text; these hold it to what
/// `NSRegularExpression` answers, and the copy to the text it was made from.
@Suite("Patterns on ICU")
struct PatternTests {
    static let texts = [
        "Nämnden har brister i rutinerna för orosanmälningar. IVO riktar kritik mot nämnden.",
        "Dnr 3.5.1-08071/2022 – Överkalix 😀 beslutade att inte inleda utredning (SoL 11 kap. 1 §).",
        "Inga brister\nframkom vid granskningen.\nÅtgärd: ny rutin för registerkontroll inför placering.",
        "",
        "kort",
    ]
    static let patterns = [
        ("(?<!\\w|-)brist(?:\\w|-)*", true),
        ("^[ \\t]*(åtgärd)\\s*:\\s*(.+)$", true),
        ("(\\d{1,2})\\s*kap\\.\\s*(\\d{1,3})\\s*§", true),
        ("[.!?](?=\\s+[\"”(]?[A-ZÅÄÖ•])", false),
        ("(IVO)|(nämnden)(x)?", true),
    ]

    @Test("matches, first match and anchored matches are NSRegularExpression's, groups included")
    func sameAsNSRegularExpression() throws {
        for (source, caseInsensitive) in Self.patterns {
            let pattern = Pattern(source, caseInsensitive: caseInsensitive)
            var options: NSRegularExpression.Options = [.anchorsMatchLines]
            if caseInsensitive { options.insert(.caseInsensitive) }
            let reference = try NSRegularExpression(pattern: source, options: options)
            for text in Self.texts {
                let whole = NSRange(location: 0, length: text.utf16.count)
                let expected = reference.matches(in: text, range: whole)
                let found = pattern.matches(in: text)
                #expect(found.map(Self.ranges) == expected.map(Self.ranges), "\(source) in \(text)")
                #expect(pattern.firstMatch(in: text).map(Self.ranges) == expected.first.map(Self.ranges))
                #expect(pattern.contains(text) == !expected.isEmpty)
                // Anchored at every match start, and at places where no match starts.
                let starts = expected.map(\.range.location)
                #expect(pattern.matches(in: text, at: starts).map(Self.ranges) == expected.map(Self.ranges), "\(source)")
                for location in stride(from: 0, to: text.utf16.count, by: 7) where !starts.contains(location) {
                    let anchored = reference.firstMatch(in: text, options: [.anchored, .withTransparentBounds, .withoutAnchoringBounds],
                                                        range: NSRange(location: location, length: whole.length - location))
                    if (try? Range(NSRange(location: location, length: 0), in: text)) != nil {
                        #expect(pattern.match(in: text, at: location).map(Self.ranges) == anchored.map(Self.ranges))
                    }
                }
            }
        }
    }

    @Test("a text's UTF-16 copy is never reused for another text of the same length")
    func copiesFollowTheirText() {
        let pattern = Pattern("brist")
        // Same length, made at run time (so each has storage of its own), alternated and
        // released so that addresses get reused.
        for round in 0..<200 {
            let hit = String(repeating: "x", count: round % 5) + "Det finns en brist i rutinen för kontroller" + String(repeating: "x", count: 4 - round % 5)
            let miss = String(repeating: "y", count: round % 5) + "Det finns en ..... i rutinen för kontroller" + String(repeating: "y", count: 4 - round % 5)
            #expect(hit.utf16.count == miss.utf16.count)
            #expect(pattern.contains(hit))
            #expect(!pattern.contains(miss))
            #expect(pattern.firstMatch(in: hit)?.range.location == round % 5 + 13)
        }
    }

    private static func ranges(_ result: NSTextCheckingResult) -> [NSRange] {
        (0..<result.numberOfRanges).map { result.range(at: $0) }
    }
}
