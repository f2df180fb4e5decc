import Foundation

/// What the organisers tell the venue screens besides the schedule (`agenda kiosk --notices`):
///
///     {"notices": [{"text": "Lunch in Hall B", "level": "info", "rooms": ["Hall 1"],
///                   "from": "2024-12-27T12:00+01:00", "until": "2024-12-27T14:00+01:00"}],
///      "rooms": {"Hall 1": {"status": "full", "note": "Watch the stream in Hall 2",
///                           "url": "https://stream.example/hall1"}}}
///
/// `level` is `info` (a line across the bottom) or `urgent` (the whole screen); `rooms` (names
/// or guids) limits a notice to those rooms' door screens, absent means every screen; `from`
/// and `until` are ISO 8601 times, without an offset read in the venue zone. A room's status is
/// `open`, `full` (a ROOM FULL banner with the note) or `evacuate` (takes the screen over);
/// the room `"*"` means every screen. Several keys may name one room (its name in two
/// spellings, its name and its guid): the most severe of their statuses is the room's
/// (`status(where:)`). All text is sanitised as schedule text is.
///
/// A list at the top is read as a room-status feed as FOSDEM publishes it (`readRoomStatusFeed`).
public struct VenueNotices: Sendable, Equatable {
    public enum Level: String, Sendable { case info, urgent }
    public enum Status: String, Sendable {
        case open, full, evacuate

        /// Evacuate outranks full, full outranks open.
        public var severity: Int {
            switch self {
            case .open: 0
            case .full: 1
            case .evacuate: 2
            }
        }
    }

    public struct Notice: Sendable, Equatable {
        public var text: String
        public var level: Level
        /// Room names or guids; empty: every screen.
        public var rooms: [String]
        public var from: Date?
        public var until: Date?
        /// Where the file gives it (0 when made otherwise).
        public var line = 0

        public func isActive(at now: Date) -> Bool {
            (from.map { $0 <= now } ?? true) && (until.map { now < $0 } ?? true)
        }
    }

    public struct RoomStatus: Sendable, Equatable {
        public var status: Status
        public var note: String?
        /// Where to watch instead (a QR code beside ROOM FULL).
        public var url: String?

        public init(status: Status, note: String? = nil, url: String? = nil) {
            self.status = status
            self.note = note
            self.url = url
        }
    }

    /// One member of `rooms`: the key as the file gives it (a room name or guid, `*` for every
    /// screen), where, and the status.
    public struct RoomEntry: Sendable, Equatable {
        public var key: String
        public var line: Int
        public var status: RoomStatus

        public init(key: String, line: Int = 0, status: RoomStatus) {
            self.key = key
            self.line = line
            self.status = status
        }
    }

    public var notices: [Notice] = []
    /// In file order, every entry kept: two keys naming one room are both here.
    public var rooms: [RoomEntry] = []
    /// What was read but looked wrong (unknown levels or keys), as `FILE:LINE: warning: …`.
    public var warnings: [String] = []

    public init(notices: [Notice] = [], rooms: [RoomEntry] = []) {
        self.notices = notices
        self.rooms = rooms
    }

    /// Every instant at which a notice appears or goes, sorted: the board redraws at each.
    public var boundaries: [Date] {
        notices.flatMap { [$0.from, $0.until].compactMap { $0 } }.sorted()
    }

    public static func read(_ data: Data, file: String, zone: TimeZone) throws(ScheduleError) -> VenueNotices {
        try data.withBytes { bytes throws(ScheduleError) in
            try TextDecoding.validateUTF8(bytes, file: file)
            let document = try JSONParser.parse(bytes, file: file)
            defer { withExtendedLifetime(document) {} }
            return try read(document.root, file: file, zone: zone)
        }
    }

    public static func load(path: String, zone: TimeZone) throws(ScheduleError) -> VenueNotices {
        try read(ScheduleFile.read(path: path, limit: 1 << 20), file: path, zone: zone)
    }

    private static func read(_ root: JSONValue, file: String, zone: TimeZone) throws(ScheduleError) -> VenueNotices {
        // A list at the top is a room-status feed as FOSDEM publishes it.
        if let feed = root.array { return try readRoomStatusFeed(feed, file: file) }
        guard let top = root.object else {
            throw ScheduleError(file: file, line: 1, column: 1, message: "not a notices file: expected {\"notices\": […], \"rooms\": {…}}")
        }
        var result = VenueNotices()
        func warn(_ line: Int, _ message: String) { result.warnings.append("\(Sanitizer.line(file)):\(line): warning: \(message)") }
        func error(_ object: JSONObject, _ message: String) -> ScheduleError {
            ScheduleError(file: file, line: object.line, column: object.column, message: message)
        }
        for (name, _) in top.members where !["notices", "rooms"].contains(name.text ?? "") {
            warn(top.line, "unknown key \"\(Sanitizer.line(name.text ?? ""))\" ignored")
        }
        if let list = top["notices"], !list.isNull {
            guard let notices = list.array else { throw error(top, "\"notices\" must be a list") }
            for value in notices {
                guard let item = value.object else { throw error(top, "each notice must be an object") }
                guard let text = item["text"]?.text.map(Sanitizer.line), !text.isEmpty else {
                    throw error(item, "a notice needs a \"text\"")
                }
                var level = Level.info
                if let given = item["level"]?.text {
                    guard let known = Level(rawValue: given) else {
                        throw error(item, "level \"\(Sanitizer.line(given))\" is not info or urgent")
                    }
                    level = known
                }
                let rooms = try roomList(item, file: file)
                let from = try time(item, "from", file: file, zone: zone)
                let until = try time(item, "until", file: file, zone: zone)
                if let from, let until, until <= from { warn(item.line, "this notice ends before it starts: never shown") }
                result.notices.append(Notice(text: text, level: level, rooms: rooms, from: from, until: until, line: item.line))
            }
        }
        if let map = top["rooms"], !map.isNull {
            guard let rooms = map.object else { throw error(top, "\"rooms\" must be an object of room names (or guids)") }
            for (name, value) in rooms.members {
                let room = Sanitizer.line(name.text ?? "")
                guard let entry = value.object else { throw error(rooms, "room \"\(room)\" must be an object with a \"status\"") }
                let given = entry["status"]?.text ?? "open"
                guard let status = Status(rawValue: given) else {
                    throw error(entry, "status \"\(Sanitizer.line(given))\" of room \"\(room)\" is not open, full or evacuate")
                }
                let note = entry["note"]?.text.map(Sanitizer.line).flatMap { $0.isEmpty ? nil : $0 }
                let url = entry["url"]?.text.map(Sanitizer.line).flatMap { $0.isEmpty ? nil : $0 }
                result.rooms.append(RoomEntry(key: room, line: entry.line, status: RoomStatus(status: status, note: note, url: url)))
            }
        }
        return result
    }

    private static func roomList(_ item: JSONObject, file: String) throws(ScheduleError) -> [String] {
        guard let value = item["rooms"], !value.isNull else { return [] }
        guard let list = value.array else {
            throw ScheduleError(file: file, line: item.line, column: item.column, message: "\"rooms\" must be a list of room names or guids")
        }
        return list.compactMap { $0.text.map(Sanitizer.line) }.filter { !$0.isEmpty }
    }

    private static func time(_ item: JSONObject, _ key: String, file: String, zone: TimeZone) throws(ScheduleError) -> Date? {
        guard let value = item[key], !value.isNull else { return nil }
        guard let text = value.text, let local = TimeNotation.iso8601(text.trimmingCharacters(in: .whitespaces)) else {
            throw ScheduleError(file: file, line: item.line, column: item.column,
                                message: "\"\(key)\" must be an ISO 8601 time like 2024-12-27T14:00+01:00")
        }
        return local.date(in: zone)
    }
}
