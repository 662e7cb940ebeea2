/// A document id from a URL: the 64 hex digits of a sha256, or a prefix of at least 8. Anything
/// else (slashes, dots, "%2e%2e") is refused before it reaches the index or the file system.
enum DocumentID {
    static func validate(_ text: String?) throws -> String {
        let id = (text ?? "").lowercased()
        guard (8...64).contains(id.count), id.allSatisfy({ $0.isHexDigit && $0.isASCII }) else {
            throw ArkivError.badRequest("not a document id: expected 8 to 64 hexadecimal characters")
        }
        return id
    }
}
