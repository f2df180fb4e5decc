import Foundation

/// Writes RFC 5545 iCalendar (`agenda list --format ics`) that `ICalendarReader` reads back
/// to the same sessions: CRLF, lines folded at 75 octets without splitting a character,
/// TEXT escaped, `UID` from the session key (`SessionKeys.uid`), times in the venue zone with its VTIMEZONE.
/// Fields iCalendar has no property for travel as `X-AGENDA-…` properties; DESCRIPTION is
/// for people (speakers, abstract, description together), X-AGENDA-DESCRIPTION for reading back.
public enum ICalendarWriter {
    /// `alarm`: seconds before each start at which a calendar reminds (a VALARM per event).
    public static func write(_ schedule: Schedule, sessions: [Int]? = nil, stamp: Date = Date(), alarm: TimeInterval? = nil) -> String {
        let zone = schedule.timeZone
        let indices = sessions ?? Array(schedule.sessions.indices)
        let chosen = indices.map { schedule.sessions[$0] }
        let zoneID = zone.identifier
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//agenda//agenda//EN", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:\(text(schedule.conference.title))"]
        let floating = schedule.conference.floating
        if !floating, zoneID.contains("/") || zoneID == "UTC" { lines.append("X-WR-TIMEZONE:\(zoneID)") }
        // The conference's own days, which iCalendar has no words for: read back by our reader.
        let change = schedule.conference.dayChange
        lines.append(String(format: "X-AGENDA-DAY-CHANGE:%02d%02d", change.hour ?? 0, change.minute ?? 0))
        if let first = schedule.conference.startDate { lines.append("X-AGENDA-FIRST-DAY:\(basicDay(first))") }
        if let last = schedule.conference.endDate { lines.append("X-AGENDA-LAST-DAY:\(basicDay(last))") }
        // The publisher's room order, which orders sessions that start together.
        let used = Set(chosen.compactMap(\.room))
        for room in schedule.conference.rooms where used.contains(room) { lines.append("X-AGENDA-ROOM:\(text(room))") }
        // A file with no zone gives floating times (§3.3.5): each calendar shows them as written.
        if !floating { lines += timeZone(zone, from: chosen.map(\.start).min() ?? stamp, to: chosen.map(\.end).max() ?? stamp) }
        let tzid = floating ? "" : ";TZID=\(parameter(zoneID))"
        let stampText = utc(stamp)
        for (position, session) in chosen.enumerated() {
            lines += ["BEGIN:VEVENT", "UID:\(text(SessionKeys.uid(session, in: schedule.conference)))", "DTSTAMP:\(stampText)",
                      "DTSTART\(tzid):\(local(session.start, zone))",
                      "DTEND\(tzid):\(local(session.end, zone))",
                      "SUMMARY:\(text(session.title))"]
            func add(_ name: String, _ value: String?) { if let value { lines.append("\(name):\(text(value))") } }
            add("X-AGENDA-ID", session.id)
            add("X-AGENDA-SUBTITLE", session.subtitle)
            add("LOCATION", session.room)
            add("CATEGORIES", session.track)
            add("X-AGENDA-TYPE", session.type)
            add("X-AGENDA-LANGUAGE", session.language)
            // What a calendar shows: speakers, abstract and description, in DESCRIPTION. Speakers
            // are no ATTENDEEs (calendars would list them as guests with made-up addresses).
            add("DESCRIPTION", calendarDescription(session))
            // The parts again, exactly, for reading back (`ICalendarReader`).
            for person in session.persons { add("X-AGENDA-PERSON", person) }
            add("X-AGENDA-ABSTRACT", session.abstract)
            add("X-AGENDA-DO-NOT-RECORD", session.doNotRecord.map { $0 ? "TRUE" : "FALSE" })
            add("X-AGENDA-DO-NOT-STREAM", session.doNotStream.map { $0 ? "TRUE" : "FALSE" })
            lines.append("X-AGENDA-DESCRIPTION:\(text(session.description ?? ""))")
            if let url = session.url { lines.append("URL:\(url)") }
            // Gone from the source's latest version: calendars that hold it mark it cancelled.
            if schedule.isCancelled(indices[position]) { lines.append("STATUS:CANCELLED") }
            if let alarm { lines += Self.alarm(before: alarm, title: session.title) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined()
    }

    /// A display alarm `seconds` before the start (RFC 5545 §3.6.6), in whole minutes.
    static func alarm(before seconds: TimeInterval, title: String) -> [String] {
        let minutes = max(0, Int((seconds / 60).rounded()))
        return ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:\(text(title))", "TRIGGER:-PT\(minutes)M", "END:VALARM"]
    }

    /// "Speakers: A, B", the abstract and the description, a blank line apart; nil when empty.
    /// An abstract the description begins with is not repeated.
    static func calendarDescription(_ session: Session) -> String? {
        var parts: [String] = []
        if let subtitle = session.subtitle, !subtitle.isEmpty { parts.append(subtitle) }
        if !session.persons.isEmpty {
            parts.append((session.persons.count == 1 ? "Speaker: " : "Speakers: ") + session.persons.joined(separator: ", "))
        }
        if let abstract = session.abstract, !abstract.isEmpty, session.description?.hasPrefix(abstract) != true {
            parts.append(abstract)
        }
        if let description = session.description, !description.isEmpty { parts.append(description) }
        return parts.isEmpty ? nil : parts.joined(separator: "\n\n")
    }

    /// A VTIMEZONE with one observance per offset change between `from` and `to` (and the one
    /// in force at `from`): exact for the span written, no recurrence rules needed.
    static func timeZone(_ zone: TimeZone, from: Date, to: Date) -> [String] {
        var lines = ["BEGIN:VTIMEZONE", "TZID:\(zone.identifier)"]
        func observance(_ at: Date, from: Int, to: Int, daylight: Bool) {
            let kind = daylight ? "DAYLIGHT" : "STANDARD"
            lines += ["BEGIN:\(kind)", "DTSTART:\(local(at, TimeZones.fixed(from)))",
                      "TZOFFSETFROM:\(offset(from))", "TZOFFSETTO:\(offset(to))", "END:\(kind)"]
        }
        let begin = from.addingTimeInterval(-86400)
        let initial = zone.secondsFromGMT(for: begin)
        observance(begin, from: initial, to: initial, daylight: zone.isDaylightSavingTime(for: begin))
        // At most ten years of changes: a broken file's session can end in the year 4040 (found by
        // fuzzing), and 2,000 years of observances took seconds. Later times keep the last offset.
        let end = min(to, begin.addingTimeInterval(10 * 366 * 86400)).addingTimeInterval(86400)
        var cursor = begin
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next <= end, next > cursor {
            observance(next, from: zone.secondsFromGMT(for: next.addingTimeInterval(-1)), to: zone.secondsFromGMT(for: next),
                       daylight: zone.isDaylightSavingTime(for: next))
            cursor = next
        }
        lines.append("END:VTIMEZONE")
        return lines
    }

    static func local(_ date: Date, _ zone: TimeZone) -> String {
        let t = LocalDateTime(date, in: zone)
        return String(format: "%04d%02d%02dT%02d%02d%02d", t.year, t.month, t.day, t.hour, t.minute, t.second)
    }

    static func basicDay(_ date: DateComponents) -> String {
        String(format: "%04d%02d%02d", date.year ?? 0, date.month ?? 0, date.day ?? 0)
    }

    static func utc(_ date: Date) -> String { local(date, TimeZones.fixed(0)) + "Z" }

    static func offset(_ seconds: Int) -> String {
        String(format: "%@%02d%02d", seconds < 0 ? "-" : "+", abs(seconds) / 3600, abs(seconds) % 3600 / 60)
    }

    /// TEXT escaping (§3.3.11).
    static func text(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    /// A parameter value, quoted when it holds `:;,` (or always). A double quote cannot appear
    /// in one: RFC 6868 writes it `^'` (and `^` as `^^`, a line break as `^n`).
    static func parameter(_ value: String, alwaysQuote: Bool = false) -> String {
        let clean = value.replacingOccurrences(of: "^", with: "^^").replacingOccurrences(of: "\"", with: "^'")
            .replacingOccurrences(of: "\n", with: "^n")
        guard alwaysQuote || clean.contains(where: { $0 == ":" || $0 == ";" || $0 == "," }) else { return clean }
        return "\"" + clean + "\""
    }

    /// Folds at 75 octets (§3.1), never inside a UTF-8 sequence; CRLF after every line.
    static func fold(_ line: String) -> String {
        let bytes = Array(line.utf8)
        guard bytes.count > 75 else { return line + "\r\n" }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 70 * 3 + 2)
        var start = 0, limit = 75
        while start < bytes.count {
            var end = min(start + limit, bytes.count)
            while end < bytes.count, end > start, bytes[end] & 0xC0 == 0x80 { end -= 1 }   // not mid-character
            out += bytes[start..<end]
            out += [0x0D, 0x0A]
            start = end
            if start < bytes.count { out.append(0x20); limit = 74 }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
