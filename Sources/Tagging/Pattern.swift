import Foundation
import _FoundationICU

/// A compiled regular expression with the few helpers the extractors need.
///
/// Offsets are UTF-16 offsets (`NSRange`), the currency of `NSRegularExpression`; every
/// extractor works on `TextDocument.text` and maps offsets back to pages through it.
///
/// Matching calls ICU, the engine behind `NSRegularExpression`, directly (the same library,
/// flags and semantics) because on Linux every `NSRegularExpression` call copied its whole
/// search range from the String to UTF-16 first: a tenth of tagging, for statements that a
/// dozen phrasings are tried on and for documents tried at hundreds of places. Here a text is
/// converted once (`UTF16Text`) and every pattern runs on that copy.
struct Pattern: @unchecked Sendable {  // NSRegularExpression is immutable; ICURegex locks
    /// For `stringByReplacingMatches` and the results' `regularExpression`.
    let regex: NSRegularExpression
    private let icu: ICURegex

    /// Patterns written in code are constants: a typo is a programming error, so `try!`.
    init(_ pattern: String, caseInsensitive: Bool = true) {
        var options: NSRegularExpression.Options = [.anchorsMatchLines]
        var flags = UInt32(UREGEX_MULTILINE.rawValue)
        if caseInsensitive {
            options.insert(.caseInsensitive)
            flags |= UInt32(UREGEX_CASE_INSENSITIVE.rawValue)
        }
        regex = try! NSRegularExpression(pattern: pattern, options: options)
        icu = ICURegex(pattern: pattern, flags: flags)
    }

    /// Every match, left to right, as `NSRegularExpression.matches(in:range:)` over the whole text.
    func matches(in text: String) -> [NSTextCheckingResult] {
        let utf16 = UTF16Text.of(text)
        return icu.withMatcher(on: utf16) { m in
            var result: [NSTextCheckingResult] = []
            while findNext(m) { result.append(self.result(of: m)) }
            return result
        }
    }

    func firstMatch(in text: String) -> NSTextCheckingResult? {
        let utf16 = UTF16Text.of(text)
        return icu.withMatcher(on: utf16) { m in findNext(m) ? self.result(of: m) : nil }
    }

    func contains(_ text: String) -> Bool {
        let utf16 = UTF16Text.of(text)
        return icu.withMatcher(on: utf16) { m in findNext(m) }
    }

    /// A match starting exactly at `location` (a scalar boundary); look-behinds and `^` still
    /// see the text before it, and the match may run to the end of the text.
    func match(in text: String, at location: Int) -> NSTextCheckingResult? {
        let utf16 = UTF16Text.of(text)
        return icu.withMatcher(on: utf16) { m in match(m, at: location, length: utf16.units.count) }
    }

    /// The matches a left-to-right scan of the whole text finds, tried only at `starts` (sorted
    /// UTF-16 offsets), for patterns whose every match begins at one of them.
    func matches(in text: String, at starts: [Int]) -> [NSTextCheckingResult] {
        let utf16 = UTF16Text.of(text)
        let length = utf16.units.count
        return icu.withMatcher(on: utf16) { m in
            var result: [NSTextCheckingResult] = []
            for start in starts where result.last.map({ NSMaxRange($0.range) <= start }) ?? true {
                if let found = match(m, at: start, length: length) { result.append(found) }
            }
            return result
        }
    }

    /// The next match of `m` after the last one, false at the end or on an ICU error.
    private func findNext(_ m: OpaquePointer) -> Bool {
        var status = U_ZERO_ERROR
        return swift_uregex_findNext(m, &status) != 0 && status.rawValue <= 0
    }

    private func match(_ m: OpaquePointer, at location: Int, length: Int) -> NSTextCheckingResult? {
        var status = U_ZERO_ERROR
        swift_uregex_setRegion(m, Int32(location), Int32(length), &status)
        swift_uregex_useTransparentBounds(m, 1, &status)
        swift_uregex_useAnchoringBounds(m, 0, &status)
        let found = swift_uregex_lookingAt(m, -1, &status) != 0 && status.rawValue <= 0
        return found ? result(of: m) : nil
    }

    /// The current match of `m` with its groups; a group that did not take part has location
    /// `NSNotFound`, as in `NSRegularExpression`'s results.
    private func result(of m: OpaquePointer) -> NSTextCheckingResult {
        var status = U_ZERO_ERROR
        let groups = Int(swift_uregex_groupCount(m, &status))
        var ranges = [NSRange](repeating: NSRange(location: NSNotFound, length: 0), count: groups + 1)
        for g in 0...groups {
            let start = Int(swift_uregex_start(m, Int32(g), &status))
            if start >= 0 { ranges[g] = NSRange(location: start, length: Int(swift_uregex_end(m, Int32(g), &status)) - start) }
        }
        return ranges.withUnsafeMutableBufferPointer {
            NSTextCheckingResult.regularExpressionCheckingResult(ranges: $0.baseAddress!, count: groups + 1, regularExpression: regex)
        }
    }
}

/// One compiled ICU expression. An ICU matcher holds the state of a match, so each concurrent
/// user takes a clone of its own from a small pool.
private final class ICURegex: @unchecked Sendable {  // the pool is guarded by `lock`
    private let prototype: OpaquePointer
    private var spares: [OpaquePointer] = []
    private let lock = NSLock()

    init(pattern: String, flags: UInt32) {
        let units = Array(pattern.utf16)
        var status = U_ZERO_ERROR
        guard let compiled = swift_uregex_open(units, Int32(units.count), flags, nil, &status), status.rawValue <= 0 else {
            fatalError("invalid pattern \(pattern): ICU error \(status.rawValue)")
        }
        prototype = compiled
    }

    deinit {
        for m in spares { swift_uregex_close(m) }
        swift_uregex_close(prototype)
    }

    /// Runs `body` with a matcher set to the whole of `text` (region and bounds as ICU's defaults).
    func withMatcher<R>(on text: UTF16Text, _ body: (OpaquePointer) -> R) -> R {
        lock.lock()
        let spare = spares.popLast()
        lock.unlock()
        var status = U_ZERO_ERROR
        guard let m = spare ?? swift_uregex_clone(prototype, &status) else { fatalError("ICU could not clone a pattern") }
        defer {
            lock.lock()
            spares.append(m)
            lock.unlock()
        }
        return text.units.withUnsafeBufferPointer { buffer in
            swift_uregex_setText(m, buffer.baseAddress ?? Self.empty, Int32(buffer.count), &status)
            defer { swift_uregex_setText(m, Self.empty, 0, &status) }  // drop the pointer into `text`
            return body(m)
        }
    }

    nonisolated(unsafe) private static let empty: UnsafePointer<UChar> = {
        let p = UnsafeMutablePointer<UChar>.allocate(capacity: 1)
        p.initialize(to: 0)
        return UnsafePointer(p)
    }()
}

/// A text's UTF-16 code units, made once per text and kept for the texts used most recently on
/// this thread: the extractors run dozens of patterns over the same document, line or statement.
final class UTF16Text {
    let string: String
    let units: [UInt16]

    private init(_ string: String) {
        self.string = string
        units = Array(string.utf16)
    }

    static func of(_ text: String) -> UTF16Text {
        // Only a String with storage of its own has an address to recognise it by; the cache
        // holds the String, so while an entry lives no other text can have its address.
        guard text.utf8.count > 15,
              let address = text.utf8.withContiguousStorageIfAvailable({ UInt(bitPattern: $0.baseAddress) }) else {
            return UTF16Text(text)
        }
        let cache = RecentTexts.current
        if let hit = cache.entries.first(where: { $0.address == address && $0.text.string.utf8.count == text.utf8.count }) {
            return hit.text
        }
        let made = UTF16Text(text)
        if cache.entries.count == RecentTexts.capacity { cache.entries.removeFirst() }
        cache.entries.append((address, made))
        return made
    }
}

/// The per-thread cache behind `UTF16Text.of`.
private final class RecentTexts {
    static let capacity = 8
    var entries: [(address: UInt, text: UTF16Text)] = []

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            if let pointer { Unmanaged<RecentTexts>.fromOpaque(pointer).release() }
        }
        return key
    }()

    static var current: RecentTexts {
        if let pointer = pthread_getspecific(key) { return Unmanaged<RecentTexts>.fromOpaque(pointer).takeUnretainedValue() }
        let made = RecentTexts()
        pthread_setspecific(key, Unmanaged.passRetained(made).toOpaque())
        return made
    }
}

extension String {
    /// The substring for a UTF-16 range ("" when the range is NSNotFound or outside).
    /// Through Swift's UTF-16 view (indexed by breadcrumbs): `NSString.substring` copied the
    /// whole text to UTF-16 on every call, a tenth of a worker's time.
    func sub(_ range: NSRange) -> String {
        guard range.location != NSNotFound, range.location >= 0, range.length >= 0 else { return "" }
        let units = utf16
        guard let lower = units.index(units.startIndex, offsetBy: range.location, limitedBy: units.endIndex),
              let upper = units.index(lower, offsetBy: range.length, limitedBy: units.endIndex) else { return "" }
        return String(self[lower..<upper])
    }
}

extension NSTextCheckingResult {
    /// The text of capture group `i`, or nil when the group did not take part.
    func group(_ i: Int, in text: String) -> String? {
        let r = range(at: i)
        return r.location == NSNotFound ? nil : text.sub(r)
    }
}
