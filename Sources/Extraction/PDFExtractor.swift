import CPoppler
import Foundation

/// Extracts text per page from a PDF through poppler-glib.
///
/// Runs in the isolated worker process during imports (see `WorkerPool`): a PDF that crashes
/// poppler takes down only its worker.
public enum PDFExtractor {
    /// Extracts the text layer; pages without one are read by OCR when `ocr` is set and
    /// tesseract is installed. `extraction` says which: text, ocr or mixed.
    public static func extract(path: String, ocr: Bool = true) throws(ExtractionError) -> ExtractedText {
        var result = try extract(data: try Extractor.read(path), clean: false)
        let imagePages = result.pages.indices.filter {
            result.pages[$0].hasFewerNonBlankCharacters(than: OCR.minimumTextLayer)
        }
        if ocr, !imagePages.isEmpty, OCR.isAvailable {
            for index in imagePages {
                let text = try OCR.readPage(index + 1, ofPDF: path)
                if !text.isBlank { result.pages[index] = text }
            }
            let stillEmpty = result.pages.allSatisfy(\.isBlank)
            if stillEmpty { throw ExtractionError("no text on any page and OCR found none") }
            result.method = imagePages.count == result.pages.count ? .ocr : .mixed
        } else if imagePages.count == result.pages.count, !result.pages.isEmpty {
            throw ExtractionError(ocr ? "no text on any page (image-only PDF) and OCR is not installed (tesseract-ocr-swe)"
                                      : "no text on any page (image-only PDF)")
        }
        result.pages = PageCleaner.clean(result.pages)
        return result
    }

    public static func extract(data: Data, clean: Bool = true) throws(ExtractionError) -> ExtractedText {
        if data.isEmpty { throw ExtractionError("empty file: zero bytes") }
        if !data.prefix(1024).contains("%PDF-".utf8) {
            throw ExtractionError("not a PDF: \(ContentSniffer.describe(data) ?? "no %PDF header")")
        }
        _ = keepGlobalParameters
        var gerror: UnsafeMutablePointer<GError>? = nil
        let bytes = data.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        defer { g_bytes_unref(bytes) }
        guard let document = poppler_document_new_from_bytes(bytes, nil, &gerror) else {
            let code = gerror?.pointee.code ?? -1
            let message = gerror.map { String(cString: $0.pointee.message) } ?? "unknown error"
            if let gerror { g_error_free(gerror) }
            if code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
                throw ExtractionError("encrypted PDF: password required")
            }
            throw ExtractionError("damaged PDF: \(message)")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(document)) }

        let count = Int(poppler_document_get_n_pages(document))
        var pages: [String] = []
        pages.reserveCapacity(count)
        for index in 0..<count {
            guard let page = poppler_document_get_page(document, Int32(index)) else {
                pages.append("")
                continue
            }
            if let text = poppler_page_get_text(page) {
                pages.append(String(cString: text))
                g_free(text)
            } else {
                pages.append("")
            }
            g_object_unref(UnsafeMutableRawPointer(page))
        }
        var title: String? = nil
        if let t = poppler_document_get_title(document) {
            let s = String(cString: t).trimmingWhitespace
            title = s.isEmpty ? nil : s
            g_free(t)
        }
        let created = poppler_document_get_creation_date(document)
        let creationDate = created > 0 ? isoDate(created) : nil
        if count == 0 { throw ExtractionError("damaged PDF: no pages") }
        return ExtractedText(pages: clean ? PageCleaner.clean(pages) : pages, method: .text, title: title, creationDate: creationDate)
    }

    /// poppler-glib builds its global parameters (font tables, encodings: about 3 million
    /// instructions) when the first document opens and frees them when the last one closes, so
    /// a worker opening one PDF at a time built them for every file. One small document kept
    /// open for the life of the process keeps them.
    nonisolated(unsafe) private static let keepGlobalParameters: OpaquePointer? = {
        let objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>"]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, object) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(i + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { pdf += String(format: "%010d 00000 n \n", offset) }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        let bytes = Array(pdf.utf8).withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        defer { g_bytes_unref(bytes) }
        return poppler_document_new_from_bytes(bytes, nil, nil)
    }()

    private static func isoDate(_ time: time_t) -> String {
        var t = time
        var parts = tm()
        gmtime_r(&t, &parts)
        return String(format: "%04d-%02d-%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday))
    }
}
