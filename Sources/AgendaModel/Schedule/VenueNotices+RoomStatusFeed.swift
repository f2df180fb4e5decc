import Foundation

extension VenueNotices {
    /// A room-status feed as FOSDEM publishes it for its companion apps:
    ///
    ///     [{"roomname": "Janson", "state": 1}, {"roomname": "H.1302", "state": "0"}]
    ///
    /// `state` 0 is open, 1 full, 2 emergency evacuation, as a number or a numeric string.
    /// Members other than these two are the feed's own (ids, timestamps) and are passed over.
    /// The feed is a third party's: an entry that cannot be read is passed over with a warning,
    /// so that one bad room never hides another room's evacuation.
    static func readRoomStatusFeed(_ feed: JSONArray, file: String) throws(ScheduleError) -> VenueNotices {
        var result = VenueNotices()
        var position = 0
        for value in feed {
            position += 1
            guard let item = value.object else {
                result.warnings.append("\(Sanitizer.line(file)):1: warning: room status \(position) is passed over: it must be an object like {\"roomname\": \"Janson\", \"state\": 1}")
                continue
            }
            func warn(_ message: String) {
                result.warnings.append("\(Sanitizer.line(file)):\(item.line): warning: \(message)")
            }
            guard let name = item["roomname"]?.text.map(Sanitizer.line), !name.isEmpty else {
                warn("a room status without a \"roomname\" is passed over")
                continue
            }
            guard let given = item["state"]?.text?.trimmingCharacters(in: .whitespaces) else {
                warn("room \"\(name)\" has no \"state\" (0 open, 1 full, 2 evacuate): passed over")
                continue
            }
            let status: Status
            switch given {
            case "0": status = .open
            case "1": status = .full
            case "2": status = .evacuate
            default:
                warn("state \"\(Sanitizer.line(given))\" of room \"\(name)\" is not 0 (open), 1 (full) or 2 (evacuate): passed over")
                continue
            }
            result.rooms.append(RoomEntry(key: name, line: item.line, status: RoomStatus(status: status)))
        }
        return result
    }
}
