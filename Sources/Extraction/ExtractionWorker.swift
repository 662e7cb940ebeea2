import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The worker side of isolated extraction: reads one JSON-encoded path per line on stdin,
/// answers one frame per path on stdout (a 4-byte length, then the reply in `WireFormat`).
/// Run as `arkiv extract-worker`.
///
/// Why a separate process: poppler runs on untrusted bytes; a crash, a hang or runaway memory
/// there must cost one file, not the import (omindex isolates its filters the same way).
public enum ExtractionWorker {
    struct Reply<Output: Codable>: Codable {
        var output: Output?
        var error: String?
    }

    /// Serves requests until stdin closes: `handle` turns a path into the output (e.g. the
    /// extracted text and its facts). `memoryLimitMB` caps the address space.
    public static func serve<Output: Codable>(memoryLimitMB: Int, handle: (String) throws(ExtractionError) -> Output) -> Never {
        if memoryLimitMB > 0 {
            let bytes = rlim_t(memoryLimitMB) * 1024 * 1024
            var limit = rlimit(rlim_cur: bytes, rlim_max: bytes)
            setrlimit(Int32(RLIMIT_AS.rawValue), &limit)
        }
        // Replies go to a private copy of stdout, and stdout itself to stderr: a library that
        // prints to stdout must not break the binary frames.
        let replies = dup(1)
        dup2(2, 1)
        while let line = readLine(strippingNewline: true) {
            guard let path = try? JSONDecoder().decode(String.self, from: Data(line.utf8)) else { continue }
            var reply = Reply<Output>()
            do { reply.output = try handle(path) } catch { reply.error = error.reason }
            let payload = (try? WireFormat.encode(reply))
                ?? (try? WireFormat.encode(Reply<Output>(error: "could not encode extraction result"))) ?? []
            // A frame: the payload's length, then the payload (binary, so no line ends to split on).
            var out = withUnsafeBytes(of: UInt32(payload.count).littleEndian) { [UInt8]($0) }
            out.append(contentsOf: payload)
            out.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let n = write(replies, buffer.baseAddress! + offset, buffer.count - offset)
                    if n <= 0 { exit(3) }
                    offset += n
                }
            }
        }
        exit(0)
    }
}
