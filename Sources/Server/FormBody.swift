import Foundation
import Hummingbird

/// A small application/x-www-form-urlencoded body as name → value.
enum FormBody {
    static let limit = 16 * 1024

    static func read(_ request: Request) async throws -> [String: String] {
        let buffer = try await request.body.collect(upTo: limit)
        var components = URLComponents()
        components.percentEncodedQuery = String(buffer: buffer).replacingOccurrences(of: "+", with: "%20")
        var out: [String: String] = [:]
        for item in components.queryItems ?? [] { out[item.name] = item.value ?? "" }
        return out
    }
}
