import Foundation

/// Which status a room has when several keys of a notices file name it, and what
/// `validate --notices` says about keys that name one room or none.
extension VenueNotices {
    /// The status of the entries whose keys `names` accepts, combined: the most severe wins
    /// (evacuate, full, open); among equally severe ones the first in the file. Nothing depends
    /// on the order the entries are held in, so every run of a kiosk shows the same.
    public func status(where names: (String) -> Bool) -> RoomStatus? {
        rooms.filter { names($0.key) }.min(by: Self.outranks)?.status
    }

    /// Whether `a` decides a room's status over `b`: a total order, for ties too.
    static func outranks(_ a: RoomEntry, _ b: RoomEntry) -> Bool {
        if a.status.status.severity != b.status.status.severity { return a.status.status.severity > b.status.status.severity }
        if a.line != b.line { return a.line < b.line }
        if a.key != b.key { return a.key < b.key }
        if a.status.note != b.status.note { return (a.status.note ?? "") < (b.status.note ?? "") }
        return (a.status.url ?? "") < (b.status.url ?? "")
    }

    /// `FILE:LINE: warning: …` for room keys (of `rooms` and of notices) that name no room of
    /// `roomNames`, with the nearest names, and for `rooms` keys that name a room another key
    /// already names. `room` says which room a key names (nil: none); with no schedule
    /// (`roomNames` empty) keys alike once case and accents are folded are taken as one room.
    public func roomWarnings(file: String, roomNames: [String], room: (String) -> String?) -> [String] {
        var warnings: [String] = []
        let file = Sanitizer.line(file)
        func unknown(_ key: String, line: Int) {
            guard !roomNames.isEmpty else { return }
            let nearest = NearestNames.to(key, among: roomNames).map { "\"\($0)\"" }
            warnings.append("\(file):\(line): warning: room \"\(key)\" is not in the schedule"
                            + (nearest.isEmpty ? "" : "; nearest: \(nearest.joined(separator: ", "))"))
        }
        var folding = SearchFolding()
        func identity(_ key: String) -> String {
            room(key).map { "room " + $0 } ?? "key " + String(decoding: folding.fold(key), as: UTF8.self)
        }
        var first: [String: RoomEntry] = [:]
        for entry in rooms where entry.key != "*" {
            if room(entry.key) == nil { unknown(entry.key, line: entry.line) }
            let same = identity(entry.key)
            guard let earlier = first[same] else {
                first[same] = entry
                continue
            }
            let shown = status { $0 != "*" && identity($0) == same }?.status ?? entry.status.status
            warnings.append("\(file):\(entry.line): warning: room \"\(entry.key)\" names the same room as \"\(earlier.key)\" "
                            + "(line \(earlier.line)): the most severe status, \(shown.rawValue), is shown")
        }
        var seen = Set<String>()
        for notice in notices {
            for key in notice.rooms where room(key) == nil && seen.insert(key).inserted { unknown(key, line: notice.line) }
        }
        return warnings
    }
}
