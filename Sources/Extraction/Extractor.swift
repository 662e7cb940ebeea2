import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Picks the extractor for a file by its name, and says which files the archive takes at all.
public enum Extractor {
    public static let supportedExtensions: Set<String> = ["pdf", "txt", "text", "docx", "html", "htm"]

    public static func isSupported(_ path: String) -> Bool {
        supportedExtensions.contains((path as NSString).pathExtension.lowercased())
    }

    /// Extracts in this process. Imports call it through `WorkerPool` to stay isolated.
    public static func extract(path: String) throws(ExtractionError) -> ExtractedText {
        let ext = (path as NSString).pathExtension.lowercased()
        let result: ExtractedText
        switch ext {
        case "pdf":
            result = try PDFExtractor.extract(path: path)
        case "docx":
            result = try DocxExtractor.extract(data: try read(path))
        case "html", "htm":
            result = try HTMLExtractor.extract(data: try read(path))
        default:
            let (text, encoding) = try TextDecoder.decode(try read(path))
            result = ExtractedText(pages: [normaliseLineEnds(text)], method: .plain, encoding: encoding)
        }
        if result.pages.allSatisfy(\.isBlank) {
            switch ext {
            case "pdf": throw ExtractionError("no text on any page and OCR found none")
            case "docx": throw ExtractionError("no text: the Word document has no paragraph with text (only images or tables of nothing?)")
            case "html", "htm": throw ExtractionError("no text: the page has none outside its markup and scripts")
            default: throw ExtractionError("no text: the file holds only whitespace")
            }
        }
        return result
    }

    /// The file's bytes. Read with POSIX calls rather than `Data(contentsOf:)`, whose errors
    /// reached the reject report as "NSCocoaErrorDomain error 256" whatever the cause.
    public static func read(_ path: String) throws(ExtractionError) -> Data {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ExtractionError("cannot read file: " + readFailure(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw ExtractionError("cannot read file: " + readFailure(errno)) }
        let size = max(0, Int(info.st_size))
        // malloc, not Data(count:): under a worker's memory limit an allocation that fails must
        // be a reason, not a trap.
        guard let buffer = malloc(max(size, 1)) else {
            throw ExtractionError("cannot read file: \(size >> 20) MB is more than an extraction worker's memory limit allows (see --memory-mb)")
        }
        var count = 0
        while count < size {
            let n = Glibc.read(fd, buffer + count, size - count)
            if n < 0 && errno == EINTR { continue }
            if n < 0 {
                let reason = readFailure(errno)
                free(buffer)
                throw ExtractionError("cannot read file: " + reason)
            }
            if n == 0 { break }  // it shrank since fstat: what is there is the file
            count += n
        }
        return Data(bytesNoCopy: buffer, count: count, deallocator: .free)
    }

    /// Why a file could not be opened or read, in words.
    public static func readFailure(_ code: Int32) -> String {
        switch code {
        case ENOENT: "it vanished or is not accessible"
        case EACCES, EPERM: "permission denied"
        case EISDIR: "it is a folder"
        case ENOMEM: "more than an extraction worker's memory limit allows (see --memory-mb)"
        case EIO: "input/output error: the disk or network share failed"
        default: String(cString: strerror(code))
        }
    }

    static func normaliseLineEnds(_ text: String) -> String {
        // Most files have Unix line ends; the Foundation call copies the whole text to UTF-16.
        guard text.utf8.contains(0x0D) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
