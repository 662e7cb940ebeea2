import Foundation
import Testing
@testable import Tagging

@Suite("UTF-16 ranges")
struct SubstringTests {
    @Test("sub(_:) gives what NSString gives for the ranges regular expressions report")
    func sameAsNSString() {
        let text = "Dnr 3.5.1-08071/2022 – Nämnden i Överkalix 😀 beslutade ÅÄÖ åäö.\nSida 2"
        let ns = text as NSString
        for location in stride(from: 0, to: ns.length, by: 3) {
            for length in [0, 1, 4, 17] where location + length <= ns.length {
                let range = NSRange(location: location, length: length)
                let scalarAligned = (try? Range(range, in: text)) != nil
                if scalarAligned { #expect(text.sub(range) == ns.substring(with: range), "\(range)") }
            }
        }
        #expect(text.sub(NSRange(location: NSNotFound, length: 0)) == "")
        #expect(text.sub(NSRange(location: ns.length - 1, length: 5)) == "")
    }
}
