import Foundation

enum ISO8601 {
    /// Accepts `2021-10-22T10:00+08:00`, with or without seconds, `Z` or an offset.
    static func parse(_ text: String) -> Date? {
        let full = ISO8601DateFormatter()
        if let date = full.date(from: text) { return date }
        // Without seconds: insert them so Foundation's parser accepts the value.
        let pattern = #/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(Z|[+-]\d{2}:?\d{2})$/#
        if let match = text.wholeMatch(of: pattern) {
            return full.date(from: "\(match.1):00\(match.2)")
        }
        return nil
    }
}
