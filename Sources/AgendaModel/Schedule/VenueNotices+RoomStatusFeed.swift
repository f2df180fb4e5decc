import Foundation

extension VenueNotices {
    /// A room-status feed as FOSDEM publishes it for its companion apps:
    ///
    ///     [{"roomname": "Janson", "state": 1}, {"roomname": "H.1302", "state": "0"}]
    ///
    /// `state` 0 is open, 1 full, 2 emergency evacuation, as a number or a numeric string.
    /// Members other than these two are the feed's own (ids, timestamps) and are passed over.
    static func readRoomStatusFeed(_ feed: JSONArray, file: String) throws(ScheduleError) -> VenueNotices {
        var result = VenueNotices()
        var position = 0
        for value in feed {
            position += 1
            guard let item = value.object else {
                throw ScheduleError(file: file, line: 1, column: 1,
                                    message: "room status \(position) must be an object like {\"roomname\": \"Janson\", \"state\": 1}")
            }
            func error(_ message: String) -> ScheduleError {
                ScheduleError(file: file, line: item.line, column: item.column, message: message)
            }
            guard let name = item["roomname"]?.text.map(Sanitizer.line), !name.isEmpty else {
                throw error("a room status needs a \"roomname\"")
            }
            guard let given = item["state"]?.text?.trimmingCharacters(in: .whitespaces) else {
                throw error("room \"\(name)\" needs a \"state\" (0 open, 1 full, 2 evacuate)")
            }
            let status: Status
            switch given {
            case "0": status = .open
            case "1": status = .full
            case "2": status = .evacuate
            default: throw error("state \"\(Sanitizer.line(given))\" of room \"\(name)\" is not 0 (open), 1 (full) or 2 (evacuate)")
            }
            result.rooms.append(RoomEntry(key: name, line: item.line, status: RoomStatus(status: status)))
        }
        return result
    }
}
