/// Dates as Swedes write them: "2022-03-08" → "8 mars 2022", "2022-03" → "mars 2022".
enum SwedishDate {
    static let months = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
                         "september", "oktober", "november", "december"]

    static func format(_ iso: String?) -> String {
        guard let iso else { return "" }
        let parts = iso.split(separator: "-").map { Int($0) }
        guard parts.count >= 2, let year = parts[0], let month = parts[1], (1...12).contains(month) else { return iso }
        if parts.count >= 3, let day = parts[2] { return "\(day) \(months[month - 1]) \(year)" }
        return "\(months[month - 1]) \(year)"
    }
}
