import Foundation

/// A multipart/form-data body (RFC 7578), already collected with a size limit: just enough
/// for the upload form (files and plain fields).
struct MultipartForm {
    struct Part {
        var name: String
        var filename: String?
        var data: Data
    }

    var parts: [Part] = []

    init(body: Data, contentType: String) throws {
        guard let range = contentType.range(of: "boundary=") else { throw ArkivError.badRequest("multipart body without boundary") }
        var boundary = String(contentType[range.upperBound...].prefix { $0 != ";" })
        boundary = boundary.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        let delimiter = Data(("--" + boundary).utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        var position = body.startIndex
        guard let first = body.range(of: delimiter, in: position..<body.endIndex) else { throw ArkivError.badRequest("malformed multipart body") }
        position = first.upperBound
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            if body[position...].starts(with: Data("--".utf8)) { break }
            guard body[position...].starts(with: Data("\r\n".utf8)),
                  let headersEnd = body.range(of: headerEnd, in: position..<body.endIndex),
                  let next = body.range(of: Data("\r\n".utf8) + delimiter, in: headersEnd.upperBound..<body.endIndex) else {
                throw ArkivError.badRequest("malformed multipart body")
            }
            let headers = String(decoding: body[(position + 2)..<headersEnd.lowerBound], as: UTF8.self)
            let disposition = headers.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-disposition:") }.map(String.init) ?? ""
            if let name = Self.parameter("name", in: disposition) {
                parts.append(Part(name: name, filename: Self.parameter("filename", in: disposition),
                                  data: Data(body[headersEnd.upperBound..<next.lowerBound])))
            }
            position = next.upperBound
        }
    }

    static func parameter(_ key: String, in header: String) -> String? {
        guard let range = header.range(of: "; \(key)=\"") ?? header.range(of: ";\(key)=\"") else { return nil }
        return String(header[range.upperBound...].prefix { $0 != "\"" })
    }
}
