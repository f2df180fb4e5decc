/// Every session's searchable text (title, subtitle, persons, abstract, description, room,
/// track), folded once into one contiguous buffer, so a keystroke costs a byte scan.
public struct SearchIndex: Sendable {
    private var corpus: [UInt8] = []
    /// `bounds[i]..<bounds[i + 1]` is session `i`'s text in `corpus`.
    private var bounds: [Int] = [0]
    public private(set) var folding = SearchFolding()

    public init(_ sessions: [Session]) {
        // Reserved to size once: growing by doubling would copy tens of megabytes on a big
        // schedule and briefly hold both copies. Folding rarely lengthens text; if it does, it grows.
        corpus.reserveCapacity(sessions.reduce(0) { total, session in
            Self.fields(of: session).reduce(total) { $0 + ($1?.utf8.count ?? 0) + 1 }
        })
        bounds.reserveCapacity(sessions.count + 1)
        for session in sessions {
            for case let field? in Self.fields(of: session) where !field.isEmpty {
                folding.append(field, to: &corpus)
                corpus.append(0)  // a field separator no query contains
            }
            bounds.append(corpus.count)
        }
    }

    private static func fields(of session: Session) -> [String?] {
        [session.title, session.subtitle, session.room, session.track,
         session.persons.joined(separator: ", "), session.abstract, session.description]
    }

    public mutating func fold(_ query: String) -> [UInt8] { folding.fold(query) }

    /// Indices of the sessions whose text contains `query` (already folded), in index order.
    /// `within` narrows the scan to a previous result, which is what typing one more letter needs.
    public func matches(_ query: [UInt8], within candidates: [Int]? = nil) -> [Int] {
        guard !query.isEmpty else { return candidates ?? Array(0..<(bounds.count - 1)) }
        if let candidates {
            return candidates.filter { ByteSearch.firstIndex(of: query, in: corpus, from: bounds[$0], to: bounds[$0 + 1]) != nil }
        }
        var result: [Int] = []
        var position = 0
        var session = 0
        while let hit = ByteSearch.firstIndex(of: query, in: corpus, from: position) {
            // Find the session holding this hit, then skip to its end: one hit per session is enough.
            session = upperBound(hit, from: session)
            result.append(session)
            position = bounds[session + 1]
        }
        return result
    }

    private func upperBound(_ offset: Int, from lower: Int) -> Int {
        var low = lower, high = bounds.count - 1
        while low < high {
            let mid = (low + high) / 2
            if bounds[mid + 1] <= offset { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
