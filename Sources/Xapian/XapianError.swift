import CXapian

/// A failure reported by Xapian, with what we were doing when it happened.
///
/// `kind` is Xapian's error class ("DatabaseOpeningError", "QueryParserError", ...), `context`
/// names the failing operation with its path or query, so a message read in a log is enough.
public struct XapianError: Error, CustomStringConvertible, Sendable {
    public let kind: String
    public let message: String
    public let context: String

    public var description: String { "\(context): \(kind): \(message)" }

    /// True when the database is locked by another writer.
    public var isLockError: Bool { kind == "DatabaseLockError" }
}

/// The one choke point where C errors become Swift errors: runs `body` with an error slot and
/// throws if the C side filled it.
@inline(__always)
func withErrorSlot<T>(_ context: @autoclosure () -> String,
                      _ body: (UnsafeMutablePointer<OpaquePointer?>) -> T) throws(XapianError) -> T {
    var err: OpaquePointer? = nil
    let result = body(&err)
    if let err {
        let error = XapianError(kind: String(cString: cx_error_type(err)),
                                message: String(cString: cx_error_message(err)),
                                context: context())
        cx_error_free(err)
        throw error
    }
    return result
}

/// Takes ownership of a malloc'd C string (or byte buffer) and frees it.
func takeString(_ pointer: UnsafeMutablePointer<CChar>?, length: Int? = nil) -> String {
    guard let pointer else { return "" }
    defer { cx_string_free(pointer) }
    if let length {
        return String(decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self)
    }
    return String(cString: pointer)
}

func takeBytes(_ pointer: UnsafeMutablePointer<CChar>?, length: Int) -> [UInt8] {
    guard let pointer else { return [] }
    defer { cx_string_free(pointer) }
    return Array(UnsafeRawBufferPointer(start: pointer, count: length))
}

/// Bridges C iteration callbacks to a Swift closure: the box travels as the callback context.
final class CallbackBox<Item> {
    let body: (Item) -> Bool
    init(_ body: @escaping (Item) -> Bool) { self.body = body }
}

func decodeTerm(_ term: UnsafePointer<CChar>?, _ length: Int) -> String {
    guard let term else { return "" }
    return String(decoding: UnsafeRawBufferPointer(start: term, count: length), as: UTF8.self)
}

let termCallback: cx_term_callback = { context, term, length, frequency in
    let box = Unmanaged<CallbackBox<(String, UInt32)>>.fromOpaque(context!).takeUnretainedValue()
    return box.body((decodeTerm(term, length), frequency)) ? 1 : 0
}

let docidCallback: cx_docid_callback = { context, docid in
    let box = Unmanaged<CallbackBox<UInt32>>.fromOpaque(context!).takeUnretainedValue()
    return box.body(docid) ? 1 : 0
}

/// Runs `call` with a context pointer for `body`; `body` is called synchronously only.
func withCallback<Item, R>(_ body: (Item) -> Bool,
                           _ call: (UnsafeMutableRawPointer) throws(XapianError) -> R) throws(XapianError) -> R {
    try withoutActuallyEscaping(body) { (escapable) throws(XapianError) -> R in
        let box = CallbackBox(escapable)
        return try withExtendedLifetime(box) { () throws(XapianError) -> R in
            try call(Unmanaged.passUnretained(box).toOpaque())
        }
    }
}

/// The Xapian library version, e.g. "1.4.22".
public let xapianVersion = String(cString: cx_version())

/// Passes bytes to C as (pointer, length); the pointer is never null, even for no bytes.
func withCBytes<R>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>, Int) -> R) -> R {
    if bytes.isEmpty { return body("", 0) }
    return bytes.withUnsafeBytes { body($0.baseAddress!.assumingMemoryBound(to: CChar.self), bytes.count) }
}
