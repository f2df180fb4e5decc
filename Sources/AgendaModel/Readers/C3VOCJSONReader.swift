import Foundation

/// Reads c3voc schedule JSON as frab and pretalx publish it:
/// `{"schedule": {"conference": {…, "days": [{…, "rooms": {"Name": [event, …]}}]}}}`.
/// Extra keys are ignored; persons and links come in either tool's shape.
public enum C3VOCJSONReader {
    public static func read(_ data: Data, file: String) throws(ScheduleError) -> Schedule {
        try data.withBytes { bytes throws(ScheduleError) in
            try TextDecoding.validateUTF8(bytes, file: file)
            let document = try JSONParser.parse(bytes, file: file)
            // Values do not retain their document: keep it until the schedule is built.
            defer { withExtendedLifetime(document) {} }
            return try read(document.root, file: file)
        }
    }

    static func read(_ root: JSONValue, file: String) throws(ScheduleError) -> Schedule {
        guard let conference = root.object?["schedule"]?.object?["conference"]?.object else {
            throw ScheduleError(file: file, line: 1, column: 1,
                                message: "not a c3voc schedule: expected {\"schedule\": {\"conference\": …}}")
        }
        var draft = ScheduleDraft(file: file)
        draft.title = FieldText.line(conference["title"]?.text)
        draft.acronym = FieldText.line(conference["acronym"]?.text)
        if let tracks = conference["tracks"]?.array {
            for track in tracks {
                draft.addTrackColour(name: track.object?["name"]?.text, colour: track.object?["color"]?.text)
            }
        }
        draft.url = FieldText.line(conference["url"]?.text ?? root.object?["schedule"]?.object?["base_url"]?.text)
        draft.conferenceStart = conference["start"]?.text.flatMap { TimeNotation.iso8601($0.trimmed) }
        draft.conferenceEnd = conference["end"]?.text.flatMap { TimeNotation.iso8601($0.trimmed) }
        if let zone = FieldText.line(conference["time_zone_name"]?.text) {
            draft.zoneName = zone
            draft.zoneLine = conference.line
        }
        if let change = conference["day_change"]?.text {
            if let seconds = TimeNotation.clock(change) { draft.dayChange = seconds }
            else {
                draft.warn(.ignoredValue, line: conference.line,
                           "at $.schedule.conference.day_change: cannot read day_change \"\(change)\" (expected HH:MM)")
            }
        }
        // The conference's room list is the publisher's order; the days' room keys follow it.
        for room in conference["rooms"]?.array ?? JSONArray.empty(conference.value.document) {
            let name = FieldText.line(room.object?["name"]?.text ?? room.text)
            draft.declareRoom(name, guid: FieldText.line(room.object?["guid"]?.text))
            guard let name, let room = room.object else { continue }
            if let stream = FieldText.line(room["stream_id"]?.text ?? room["stream"]?.text) { draft.roomStreams[name] = stream }
            if let policy = FieldText.line(room["features"]?.object?["recording"]?.text) { draft.roomRecording[name] = policy }
        }
        guard let days = conference["days"]?.array else {
            throw ScheduleError(file: file, line: conference.line, column: conference.column,
                                message: "the conference has no \"days\" list")
        }
        for (dayIndex, value) in days.enumerated() {
            guard let day = value.object else { continue }
            let entry = ScheduleDraft.Day(date: try time(day["date"], in: day, file: file),
                                          start: try time(day["day_start"], in: day, file: file),
                                          end: try time(day["day_end"], in: day, file: file))
            draft.days.append(entry)
            guard let rooms = day["rooms"]?.object else { continue }
            for (roomName, roomEvents) in rooms.members {
                draft.declareRoom(FieldText.line(roomName.text))
                guard let events = roomEvents.array else { continue }
                let key = roomName.text ?? "", room = FieldText.line(key)
                for (eventIndex, value) in events.enumerated() {
                    guard let event = value.object else { continue }
                    try readEvent(event, room: room, dayDate: entry.date,
                                  place: JSONPlace(day: dayIndex, room: key, index: eventIndex), into: &draft)
                }
            }
        }
        return draft.build()
    }

    private static func readEvent(_ event: JSONObject, room: String?, dayDate: LocalDateTime?, place: JSONPlace,
                                  into draft: inout ScheduleDraft) throws(ScheduleError) {
        var item = ScheduleDraft.Item()
        item.line = event.line
        item.place = place
        item.id = FieldText.line(event["id"]?.text) ?? FieldText.line(event["slug"]?.text) ?? ""
        item.guid = FieldText.line(event["guid"]?.text)
        item.title = FieldText.line(event["title"]?.text) ?? ""
        item.subtitle = FieldText.line(event["subtitle"]?.text)
        item.room = FieldText.line(event["room"]?.text) ?? room
        item.track = FieldText.line(event["track"]?.text ?? event["track"]?.object?["name"]?.text)
        item.type = FieldText.line(event["type"]?.text)
        item.language = FieldText.line(event["language"]?.text)
        item.abstract = FieldText.text(event["abstract"]?.text)
        item.description = FieldText.text(event["description"]?.text)
        item.url = FieldText.line(event["url"]?.text)
        let none = JSONArray.empty(event.value.document)
        for person in event["persons"]?.array ?? none {
            let name = person.text ?? person.object?.first("public_name", "name", "full_public_name", "display_name")?.text
            if let name = FieldText.line(name) { item.persons.append(name) }
        }
        for (key, kind) in [("links", SessionLink.Kind.link), ("attachments", .attachment)] {
            for link in event[key]?.array ?? none {
                item.addLink(link.text ?? link.object?.first("url", "href")?.text,
                             title: link.object?["title"]?.text, kind: kind)
            }
        }
        item.addLink(event["video_download_url"]?.text, kind: .recording)
        item.addLink(event["feedback_url"]?.text, kind: .feedback)
        item.doNotRecord = FieldText.flag(event["do_not_record"]?.text)
        item.doNotStream = FieldText.flag(event["do_not_stream"]?.text)

        let date = event["date"]?.text?.trimmed ?? "", start = event["start"]?.text?.trimmed ?? ""
        if date.count > 10, let absolute = TimeNotation.iso8601(date) {
            item.start = absolute
        } else if start.count > 10, let full = TimeNotation.iso8601(start) {
            item.start = full
        } else if let clock = TimeNotation.clock(start), let day = dayDate ?? TimeNotation.iso8601(date) {
            var local = LocalDateTime(year: day.year, month: day.month, day: day.day,
                                      hour: clock / 3600, minute: clock % 3600 / 60, second: clock % 60)
            // A 01:00 talk listed under a day happens the next morning.
            if clock < (draft.dayChange ?? 4 * 3600) { local = local.addingDays(1) }
            item.start = local
        } else {
            let shown = date.isEmpty ? start : date
            throw ScheduleError(file: draft.file, line: event.line, column: event.column, message: shown.isEmpty
                ? "session \"\(item.title)\" has no \"date\" or \"start\""
                : "cannot read the time \"\(shown)\" of session \"\(item.title)\" (expected like 2024-12-27T10:30:00+01:00 or 10:30)")
        }
        if let duration = event["duration"]?.text?.trimmed, !duration.isEmpty {
            if let seconds = TimeNotation.duration(duration) { item.duration = seconds }
            else {
                draft.warn(.ignoredValue, line: event.line,
                           "at \(place.path).duration: cannot read duration \"\(duration)\" of session \"\(item.title)\" (expected HH:MM); taken as 0")
            }
        }
        try draft.add(item)
    }

    private static func time(_ value: JSONValue?, in object: JSONObject, file: String) throws(ScheduleError) -> LocalDateTime? {
        guard let text = value?.text?.trimmed, !text.isEmpty else { return nil }
        guard let time = TimeNotation.iso8601(text) else {
            throw ScheduleError(file: file, line: object.line, column: object.column,
                                message: "cannot read the day time \"\(text)\" (expected like 2024-12-27 or 2024-12-27T10:00:00+01:00)")
        }
        return time
    }
}

/// Where a session is in a c3voc JSON file, said as a JSON path (made only for a warning):
/// `$.schedule.conference.days[2].rooms["H.1302"][4]`.
struct JSONPlace {
    var day: Int
    var room: String
    var index: Int

    var path: String { "$.schedule.conference.days[\(day)].rooms[\(Self.quoted(room))][\(index)]" }

    /// A room name as a JSON string.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
