import Foundation

/// Reads image-only PDF pages with tesseract's Swedish model (Debian: tesseract-ocr-swe):
/// pdftoppm renders the page at 300 dpi, tesseract reads it. Both run as child processes of
/// the extraction worker, so they share its time limit.
public enum OCR {
    /// A page whose text layer has fewer characters than this is treated as an image.
    static let minimumTextLayer = 16

    static func tool(_ name: String) -> String? {
        for dir in ["/usr/bin", "/usr/local/bin"] where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
            return "\(dir)/\(name)"
        }
        return nil
    }

    /// True when tesseract and its Swedish model and pdftoppm are installed.
    public static var isAvailable: Bool {
        guard tool("tesseract") != nil, tool("pdftoppm") != nil else { return false }
        let models = ["/usr/share/tesseract-ocr/5/tessdata/swe.traineddata", "/usr/share/tesseract-ocr/4.00/tessdata/swe.traineddata"]
        return models.contains { FileManager.default.fileExists(atPath: $0) }
    }

    /// The text of page `number` (1-based) of the PDF at `path`.
    static func readPage(_ number: Int, ofPDF path: String) throws(ExtractionError) -> String {
        guard let pdftoppm = tool("pdftoppm"), let tesseract = tool("tesseract") else {
            throw ExtractionError("OCR not installed: install tesseract-ocr-swe and poppler-utils (Scripts/setup)")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("arkiv-ocr-\(getpid())-\(number)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let image = dir.appendingPathComponent("page")
        _ = try run(pdftoppm, ["-r", "300", "-gray", "-f", "\(number)", "-l", "\(number)", "-png", "-singlefile", path, image.path])
        return try run(tesseract, [image.path + ".png", "stdout", "-l", "swe", "--psm", "3"])
    }

    private static func run(_ tool: String, _ arguments: [String]) throws(ExtractionError) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw ExtractionError("OCR failed: cannot start \(tool)") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ExtractionError("OCR failed: \((tool as NSString).lastPathComponent) exited with status \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
