import Foundation

/// Writes the JSON listing that scripts and tests rely on (`agenda list --format json`):
///
///     {"conference": {"title", "timeZone", "start", "end", "rooms", "roomStreams", "roomRecording"},
///      "sessions": [{"id", "guid", "title", "subtitle", "day", "start", "end", "room", "track",
///                    "type", "language", "persons", "abstract", "description", "url", "change",
///                    "translations", "links", "doNotRecord", "doNotStream", "notRecorded"}]}
///
/// `day` is the 1-based conference day; times are ISO 8601 with seconds and the venue offset
/// (without an offset, and `timeZone` null, when the file names no zone: times as published);
/// conference start and end are dates; absent values are `null`. `rooms` lists every room in
/// the publisher's order, also rooms that hold no session. One session per line.
/// `change` is `null`, `"new"`, `"changed"` or `"cancelled"` against the source's previous version.
/// `translations` maps a language to the session's texts in it, from another edition of the
/// programme merged in (an English and a Chinese CACIE page): `{}` for most sessions.
/// `links` are `{"kind", "title", "url"}` as the file gave them (`kind`: `link`, `attachment`,
/// `recording`, `feedback`); `doNotRecord` and `doNotStream` are the publisher's word (`null`
/// when unsaid); `notRecorded` also counts the room's policy (`roomRecording`).
public enum ScheduleJSONWriter {
    /// `sessions` are indices into `schedule.sessions` (a filtered listing); all when nil.
    public static func write(_ schedule: Schedule, sessions: [Int]? = nil) -> String {
        let zone = schedule.timeZone
        var dayOfSession = [Int](repeating: 0, count: schedule.sessions.count)
        for (dayIndex, day) in schedule.days.enumerated() {
            for index in day.sessionRange { dayOfSession[index] = dayIndex + 1 }
        }
        var out = "{\n  \"conference\": {"
        out += "\"title\": \(string(schedule.conference.title)), "
        let floating = schedule.conference.floating
        out += "\"timeZone\": \(string(floating ? nil : zone.identifier)), "
        out += "\"start\": \(string(schedule.conference.startDate.map(isoDay))), "
        out += "\"end\": \(string(schedule.conference.endDate.map(isoDay))), "
        out += "\"rooms\": [\(schedule.rooms.compactMap { $0 }.map { string($0) }.joined(separator: ", "))], "
        out += "\"roomStreams\": \(object(schedule.conference.roomStreams)), "
        out += "\"roomRecording\": \(object(schedule.conference.roomRecording))},\n"
        out += "  \"sessions\": ["
        let indices = sessions ?? Array(schedule.sessions.indices)
        for (position, index) in indices.enumerated() {
            let s = schedule.sessions[index]
            out += position == 0 ? "\n    {" : ",\n    {"
            out += "\"id\": \(string(s.id)), \"guid\": \(string(s.guid)), \"title\": \(string(s.title)), "
            out += "\"subtitle\": \(string(s.subtitle)), \"day\": \(dayOfSession[index]), "
            out += "\"start\": \(string(isoTime(s.start, zone, floating: floating))), "
            out += "\"end\": \(string(isoTime(s.end, zone, floating: floating))), "
            out += "\"room\": \(string(s.room)), \"track\": \(string(s.track)), \"type\": \(string(s.type)), "
            out += "\"language\": \(string(s.language)), "
            out += "\"persons\": [\(s.persons.map { string($0) }.joined(separator: ", "))], "
            out += "\"abstract\": \(string(s.abstract)), \"description\": \(string(s.description)), "
            out += "\"url\": \(string(s.url)), \"change\": \(string(schedule.change(at: index)?.kind.rawValue)), "
            out += "\"translations\": {\(s.translations.map(translation).joined(separator: ", "))}, "
            out += "\"links\": [\(s.links.map(link).joined(separator: ", "))], "
            out += "\"doNotRecord\": \(flag(s.doNotRecord)), \"doNotStream\": \(flag(s.doNotStream)), "
            out += "\"notRecorded\": \(schedule.isNotRecorded(s))}"
        }
        out += indices.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }

    /// `"zh": {"title", "subtitle", "room", "persons", "abstract", "description"}`: the same
    /// session as another edition of the programme gives it.
    static func translation(_ t: SessionTranslation) -> String {
        "\(string(t.language)): {\"title\": \(string(t.title)), \"subtitle\": \(string(t.subtitle)), "
            + "\"room\": \(string(t.room)), \"persons\": [\(t.persons.map { string($0) }.joined(separator: ", "))], "
            + "\"abstract\": \(string(t.abstract)), \"description\": \(string(t.description))}"
    }

    static func link(_ link: SessionLink) -> String {
        "{\"kind\": \(string(link.kind.name)), \"title\": \(string(link.title)), \"url\": \(string(link.url))}"
    }

    static func flag(_ value: Bool?) -> String { value.map { $0 ? "true" : "false" } ?? "null" }

    /// A string-to-string object, keys sorted: the same schedule always gives the same text.
    static func object(_ values: [String: String]) -> String {
        "{" + values.sorted { $0.key < $1.key }.map { "\(string($0.key)): \(string($0.value))" }.joined(separator: ", ") + "}"
    }

    /// `2024-12-27T10:30:00+01:00`: the wall clock at the venue and its offset then.
    public static func isoTime(_ date: Date, _ zone: TimeZone, floating: Bool = false) -> String {
        let t = LocalDateTime(date, in: zone)
        if floating {   // as published: no offset to give
            return String(format: "%04d-%02d-%02dT%02d:%02d:%02d", t.year, t.month, t.day, t.hour, t.minute, t.second)
        }
        let offset = t.offset ?? 0
        let sign = offset < 0 ? "-" : "+"
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d%@%02d:%02d", t.year, t.month, t.day,
                      t.hour, t.minute, t.second, sign, abs(offset) / 3600, abs(offset) % 3600 / 60)
    }

    static func isoDay(_ date: DateComponents) -> String {
        String(format: "%04d-%02d-%02d", date.year ?? 0, date.month ?? 0, date.day ?? 0)
    }

    /// A JSON string literal, or `null`.
    static func string(_ value: String?) -> String {
        guard let value else { return "null" }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
