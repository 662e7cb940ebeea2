#if canImport(Glibc)
import Glibc
#endif

/// FNV-1a over a word's bytes: word look-ups hash bytes, not Strings, because Swift hashes a
/// non-ASCII String through its NFC form.
public enum WordHash {
    @inlinable
    public static func fnv1a<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        return hash
    }
}

/// A word with its hash, for lookups in `DistinctWords`.
struct HashedWord {
    let bytes: [UInt8]
    let hash: UInt64

    init(_ word: String) {
        bytes = Array(word.utf8)
        hash = WordHash.fnv1a(bytes)
    }
}

/// The distinct words of a text by their UTF-8 bytes, optionally with the offsets where each
/// occurs: open addressing over FNV-1a hashes, the bytes kept in one buffer.
struct DistinctWords {
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var ranges: [Range<Int>] = []
    private var offsets: [[Int]] = []
    private var storage: [UInt8] = []
    private let keepingOffsets: Bool

    /// `textBytes`: the length of the text the words come from, to reserve room once (growing
    /// the arrays step by step was a third of the cost for a statement's words).
    init(keepingOffsets: Bool, textBytes: Int = 0) {
        self.keepingOffsets = keepingOffsets
        let expectedWords = max(8, textBytes / 6)
        var slotCount = 16
        while slotCount < expectedWords * 2 { slotCount <<= 1 }
        slots = [Int32](repeating: -1, count: slotCount)
        hashes.reserveCapacity(expectedWords)
        ranges.reserveCapacity(expectedWords)
        storage.reserveCapacity(textBytes)
        if keepingOffsets { offsets.reserveCapacity(expectedWords) }
    }

    var count: Int { ranges.count }

    /// Adds a word (or an occurrence of one already here); returns its entry number.
    @discardableResult
    mutating func add(_ word: UnsafeBufferPointer<UInt8>, at offset: Int = 0) -> Int {
        let hash = WordHash.fnv1a(word)
        let (found, slot) = probe(hash: hash, bytes: word)
        if let entry = found {
            if keepingOffsets { offsets[entry].append(offset) }
            return entry
        }
        let entry = ranges.count
        slots[slot] = Int32(entry)
        hashes.append(hash)
        ranges.append(storage.count..<(storage.count + word.count))
        storage.append(contentsOf: word)
        if keepingOffsets { offsets.append([offset]) }
        if ranges.count * 2 > slots.count { grow() }
        return entry
    }

    func contains(_ word: HashedWord) -> Bool {
        word.bytes.withUnsafeBufferPointer { entry(hash: word.hash, bytes: $0) } != nil
    }

    /// The entry number of a word given by its hash and bytes, if it is here.
    func entry(hash: UInt64, bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        probe(hash: hash, bytes: bytes).entry
    }

    /// The word's entry, or the free slot where it would go (linear probing).
    private func probe(hash: UInt64, bytes: UnsafeBufferPointer<UInt8>) -> (entry: Int?, slot: Int) {
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] >= 0 {
            let entry = Int(slots[slot])
            if hashes[entry] == hash && equals(entry, bytes) { return (entry, slot) }
            slot = (slot + 1) & (slots.count - 1)
        }
        return (nil, slot)
    }

    private func equals(_ entry: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let range = ranges[entry]
        guard range.count == word.count else { return false }
        return word.isEmpty || storage.withUnsafeBufferPointer { stored in
            memcmp(stored.baseAddress! + range.lowerBound, word.baseAddress!, word.count) == 0
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (entry, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry)
        }
    }

    /// Whether some word's bytes satisfy `predicate` (valid only during the call).
    func contains(where predicate: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        storage.withUnsafeBufferPointer { stored in
            ranges.contains { predicate(UnsafeBufferPointer(rebasing: stored[$0])) }
        }
    }

    /// Each distinct word's hash and bytes, in the order first seen.
    func forEachEntry(_ body: (UInt64, UnsafeBufferPointer<UInt8>) -> Void) {
        storage.withUnsafeBufferPointer { stored in
            for (entry, range) in ranges.enumerated() {
                body(hashes[entry], UnsafeBufferPointer(rebasing: stored[range]))
            }
        }
    }

    /// Each distinct word as a String, with its offsets in order (empty unless kept).
    func forEachString(_ body: (String, [Int]) -> Void) {
        storage.withUnsafeBufferPointer { stored in
            for (entry, range) in ranges.enumerated() {
                body(String(decoding: UnsafeBufferPointer(rebasing: stored[range]), as: UTF8.self), keepingOffsets ? offsets[entry] : [])
            }
        }
    }

    func forEachString(_ body: (String) -> Void) { forEachString { word, _ in body(word) } }
}
