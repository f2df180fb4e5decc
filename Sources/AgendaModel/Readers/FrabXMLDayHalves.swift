import Foundation
import Synchronization

/// One day of a frab XML file read as two files of its own on both cores: each is the file's
/// header, the day's `<day>` tag and half of the day's rooms (split at the `<room>` nearest the
/// middle); the two programmes are joined in programme order. A day of 5,000 sessions (a
/// quarter of a 20,000-session file) reads in about half the time.
enum FrabXMLDayHalves {
    /// `day` runs from its `<day` tag to the next day's (or the end of the file when `last`);
    /// `repeated` gives the guids and ids that repeat in the whole file (`FrabXMLEventIDs`),
    /// asked for once the halves are read (nil: the day is not read).
    /// `spill`: where each half's long texts go as they are found (`TextSpill`), if anywhere.
    static func read(header: Data, day: Data, last: Bool, file: String, repeated: () -> FrabXMLEventIDs?,
                     spill: () -> TextSpill? = { nil }) -> Schedule? {
        let closing = Data("\n</schedule>\n".utf8)
        let halves: [Data]
        if let (firstRoom, middle) = split(day) {
            halves = [joining(header, day[..<middle], Data("</day>".utf8), closing),
                      joining(header, day[..<firstRoom], day[middle...], last ? Data() : closing)]
        } else {
            halves = [joining(header, day, last ? Data() : closing)]
        }
        let read = Mutex<[Schedule?]>(Array(repeating: nil, count: halves.count))
        let spills = halves.map { _ in spill() }
        DispatchQueue.concurrentPerform(iterations: halves.count) { i in
            let schedule = try? FrabXMLReader.read(halves[i], file: file, spill: spills[i])
            read.withLock { $0[i] = schedule }
        }
        let parts = read.withLock { $0 }.compactMap { $0 }
        guard parts.count == halves.count, let repeated = repeated() else { return nil }
        return keyed(parts.count == 1 ? parts[0] : joined(parts[0], parts[1]), repeated: repeated)
    }

    /// The day's sessions keyed as the whole file's read keys them: a guid or id unique in the
    /// day (or in one half of it) may repeat elsewhere, and then it is no session's key.
    static func keyed(_ day: Schedule, repeated: FrabXMLEventIDs) -> Schedule {
        var sessions = day.sessions
        let keys = SessionKeys.assign(guids: sessions.map(\.guid), ids: sessions.map(\.id), starts: sessions.map(\.start),
                                      repeatedGuids: repeated.repeatedGuids, repeatedIDs: repeated.repeatedIDs)
        for i in sessions.indices { sessions[i].key = keys[i] }
        var keyed = Schedule(conference: day.conference, sessions: sessions)
        keyed.warnings = day.warnings
        return keyed
    }

    /// One copy of each part (`+` on slices of `Data` copies several times over).
    private static func joining(_ parts: Data...) -> Data {
        var out = Data(capacity: parts.reduce(0) { $0 + $1.count })
        for part in parts { part.withUnsafeBytes { out.append($0.bindMemory(to: UInt8.self)) } }
        return out
    }

    /// Where the day's first `<room …>` starts, and the one that starts nearest after the
    /// middle; nil when the day has fewer than two. A room with attributes is the day's (an
    /// event names its room as `<room>Name</room>`).
    static func split(_ day: Data) -> (firstRoom: Int, middle: Int)? {
        day.withUnsafeBytes { bytes -> (Int, Int)? in
            func room(from: Int) -> Int? {
                var at = from
                while let hit = FrabXMLDayTags.index(of: "<room", in: bytes, from: at) {
                    if hit + 5 < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[hit + 5]) { return hit }
                    at = hit + 5
                }
                return nil
            }
            guard let first = room(from: 0), let middle = room(from: max(first + 1, bytes.count / 2)) else { return nil }
            return (first, middle)
        }
    }

    /// Two programmes, each in programme order, as one: rooms in the order the halves give
    /// them (keyed afterwards, by `keyed`).
    static func joined(_ a: Schedule, _ b: Schedule) -> Schedule {
        var conference = a.conference
        for room in b.conference.rooms where !conference.rooms.contains(room) { conference.rooms.append(room) }
        conference.roomGuids.merge(b.conference.roomGuids) { first, _ in first }
        conference.trackColours.merge(b.conference.trackColours) { first, _ in first }
        var sessions: [Session] = []
        sessions.reserveCapacity(a.sessions.count + b.sessions.count)
        let rooms = RoomOrder(conference.rooms)
        var i = 0, j = 0
        while i < a.sessions.count || j < b.sessions.count {
            if j == b.sessions.count || (i < a.sessions.count && !Session.programmeOrder(b.sessions[j], a.sessions[i], rooms)) {
                sessions.append(a.sessions[i]); i += 1
            } else {
                sessions.append(b.sessions[j]); j += 1
            }
        }
        return Schedule(conference: conference, sessions: sessions)
    }
}
