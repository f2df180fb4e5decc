import Foundation

/// Reads an iCalendar file (RFC 5545): one session per VEVENT.
///
/// `SUMMARY` title, `LOCATION` room, `CATEGORIES` track, `ATTENDEE`/`ORGANIZER` `CN` persons,
/// `UID` guid, `X-WR-CALNAME` conference title, `X-WR-TIMEZONE` venue zone. Times in UTC, in a
/// `TZID` (an Olson name, or a VTIMEZONE in the file), floating (venue zone) or all-day.
/// Recurring events are read as their first occurrence.
public enum ICalendarReader {
    public static func read(_ data: Data, file: String) throws(ScheduleError) -> Schedule {
        var reader = Reader(file: file)
        return try data.withBytes { bytes throws(ScheduleError) in try reader.read(bytes) }
    }

    private struct Reader {
        let file: String
        var draft: ScheduleDraft
        var zones: [String: ICalendarZone] = [:]
        var zoneUse: [String: Int] = [:]
        var warnedZones: Set<String> = []

        init(file: String) {
            self.file = file
            draft = ScheduleDraft(file: file)
        }

        /// Two passes, so that nothing the size of the file is held besides the file: the
        /// first reads the calendar's structure, zones and properties and notes where each
        /// VEVENT starts (its own lines are only looked at for BEGIN and END); the second
        /// reads the events one by one, every zone known.
        mutating func read(_ bytes: UnsafeBufferPointer<UInt8>) throws(ScheduleError) -> Schedule {
            var checkedFirst = false
            var stack: [(name: String, line: Int)] = []
            var events: [(offset: Int, line: Int)] = []
            var eventDepth = 0   // components open from the current VEVENT down; 0 outside one
            var zone: ICalendarZone?
            var observance: [ICalendarLine] = []
            var calendarDescription: String?
            let file = file
            try ICalendarLine.forEach(in: bytes) { raw, number, offset throws(ScheduleError) -> Bool in
                if eventDepth > 0, !ICalendarLine.isBeginOrEnd(raw) { return true }
                guard let line = try ICalendarLine(raw, line: number, file: file) else { return true }
                if !checkedFirst {
                    guard line.name == "BEGIN", line.value.trimmed.uppercased() == "VCALENDAR" else {
                        throw ScheduleError(file: file, line: number, message: "not an iCalendar file: expected BEGIN:VCALENDAR")
                    }
                    checkedFirst = true
                }
                if line.name == "BEGIN" {
                    let name = line.value.trimmed.uppercased()
                    stack.append((name, line.line))
                    if eventDepth > 0 { eventDepth += 1 }
                    if name == "VEVENT", eventDepth == 0 { eventDepth = 1; events.append((offset, number)) }
                    if name == "STANDARD" || name == "DAYLIGHT" { observance = [line] }
                    return true
                }
                if line.name == "END" {
                    let name = line.value.trimmed.uppercased()
                    guard let open = stack.last else {
                        throw ScheduleError(file: file, line: line.line, message: "END:\(name) closes nothing")
                    }
                    if open.name != name, stack.contains(where: { $0.name == name }) {
                        throw ScheduleError(file: file, line: open.line,
                                            message: "BEGIN:\(open.name) is never ended (END:\(name) on line \(line.line) comes first): truncated?")
                    }
                    guard open.name == name else {
                        throw ScheduleError(file: file, line: line.line,
                                            message: "END:\(name) does not close BEGIN:\(open.name) (line \(open.line))")
                    }
                    stack.removeLast()
                    if eventDepth > 0 { eventDepth -= 1 }
                    switch name {
                    case "VTIMEZONE": if let zone, !zone.id.isEmpty { zones[zone.id] = zone }; zone = nil
                    case "STANDARD", "DAYLIGHT": if let o = Self.observance(observance, standard: name == "STANDARD") { zone?.observances.append(o) }
                    default: break
                    }
                    return true
                }
                switch stack.last?.name {
                case "VTIMEZONE":
                    if zone == nil { zone = ICalendarZone(id: "") }
                    if line.name == "TZID" { zone?.id = line.value.trimmed }
                case "STANDARD", "DAYLIGHT": observance.append(line)
                case "VCALENDAR":
                    switch line.name {
                    case "X-WR-CALNAME": draft.title = FieldText.line(ICalendarLine.unescape(line.value))
                    case "X-WR-CALDESC": calendarDescription = FieldText.line(ICalendarLine.unescape(line.value))
                    case "X-WR-TIMEZONE": draft.zoneName = FieldText.line(line.value); draft.zoneLine = line.line
                    case "X-AGENDA-DAY-CHANGE":
                        if let hhmm = ICalendarTime.offset("+" + line.value) { draft.dayChange = hhmm }
                    case "X-AGENDA-FIRST-DAY": draft.conferenceStart = ICalendarTime.dateTime(line.value)?.time
                    case "X-AGENDA-LAST-DAY": draft.conferenceEnd = ICalendarTime.dateTime(line.value)?.time
                    case "X-AGENDA-ROOM": draft.declareRoom(FieldText.line(ICalendarLine.unescape(line.value)))
                    default: break
                    }
                default: break
                }
                return true
            }
            if !checkedFirst {
                throw ScheduleError(file: file, line: 1, message: "not an iCalendar file: expected BEGIN:VCALENDAR")
            }
            if let open = stack.last {
                throw ScheduleError(file: file, line: open.line, message: "BEGIN:\(open.name) is never ended: truncated?")
            }
            if draft.title == nil { draft.title = calendarDescription }
            var lines: [ICalendarLine] = []
            for event in events {
                try eventLines(bytes, from: event, into: &lines)
                try readEvent(lines)
            }
            if let dominant = zoneUse.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })?.key {
                draft.fallbackZone = TimeZones.named(dominant) ?? zones[dominant].flatMap { zone in
                    zone.observances.first(where: \.isStandard).map { TimeZones.fixed($0.offsetTo) }
                }
            }
            return draft.build()
        }

        /// The lines of the VEVENT that starts at `event`: its BEGIN and its own properties,
        /// not those of components inside it (VALARM).
        func eventLines(_ bytes: UnsafeBufferPointer<UInt8>, from event: (offset: Int, line: Int),
                        into lines: inout [ICalendarLine]) throws(ScheduleError) {
            lines.removeAll(keepingCapacity: true)
            var depth = 0
            let file = file
            try ICalendarLine.forEach(in: bytes, from: event.offset, line: event.line) { raw, number, _ throws(ScheduleError) -> Bool in
                guard let line = try ICalendarLine(raw, line: number, file: file) else { return true }
                if line.name == "BEGIN" {
                    depth += 1
                    if depth == 1 { lines.append(line) }
                } else if line.name == "END" {
                    depth -= 1
                } else if depth == 1 {
                    lines.append(line)
                }
                return depth > 0
            }
        }

        static func observance(_ lines: [ICalendarLine], standard: Bool) -> ICalendarZone.Observance? {
            func value(_ name: String) -> String? { lines.first { $0.name == name }?.value }
            guard let start = value("DTSTART").flatMap(ICalendarTime.dateTime)?.time,
                  let to = value("TZOFFSETTO").flatMap(ICalendarTime.offset) else { return nil }
            let from = value("TZOFFSETFROM").flatMap(ICalendarTime.offset) ?? to
            return .init(start: start, offsetTo: to, offsetFrom: from, isStandard: standard,
                         rule: value("RRULE").flatMap(ICalendarZone.yearlyRule))
        }

        mutating func readEvent(_ lines: [ICalendarLine]) throws(ScheduleError) {
            var item = ScheduleDraft.Item()
            item.line = lines.first?.line
            var start: (LocalDateTime, Bool)?, end: LocalDateTime?
            var uid: String?, ownID: String?
            var speakerLine: [String] = []
            // Our own writer's exact parts, which win over the DESCRIPTION composed for people.
            var ownDescription: String?, ownPersons: [String] = []
            for line in lines {
                let text = { ICalendarLine.unescape(line.value) }
                switch line.name {
                case "SUMMARY": item.title = FieldText.line(text()) ?? ""
                case "DESCRIPTION":
                    let description = text()
                    item.description = FieldText.text(description, markdown: false)
                    speakerLine = Self.speakers(description)
                case "LOCATION": item.room = FieldText.line(text())
                case "CATEGORIES": if item.track == nil { item.track = FieldText.line(ICalendarLine.unescapedList(line.value).first) }
                case "URL": item.url = FieldText.line(line.value)
                case "UID": uid = FieldText.line(text())
                case "ATTENDEE", "ORGANIZER": if let name = FieldText.line(line.parameter("CN")) { item.persons.append(name) }
                case "DTSTART": start = try time(line)
                case "DTEND": end = try time(line)?.0
                case "DURATION":
                    if let seconds = ICalendarTime.duration(line.value) { item.duration = seconds }
                    else { draft.warn(.ignoredValue, line: line.line, "cannot read DURATION \"\(line.value)\" (expected like PT1H30M)") }
                case "X-AGENDA-ID": ownID = FieldText.line(text())
                case "X-AGENDA-SUBTITLE": item.subtitle = FieldText.line(text())
                case "X-AGENDA-TYPE": item.type = FieldText.line(text())
                case "X-AGENDA-LANGUAGE": item.language = FieldText.line(text())
                case "X-AGENDA-ABSTRACT": item.abstract = FieldText.text(text(), markdown: false)
                case "X-AGENDA-DO-NOT-RECORD": item.doNotRecord = FieldText.flag(text())
                case "X-AGENDA-DO-NOT-STREAM": item.doNotStream = FieldText.flag(text())
                case "X-AGENDA-DESCRIPTION": ownDescription = text()
                case "X-AGENDA-PERSON": if let name = FieldText.line(text()) { ownPersons.append(name) }
                default: break
                }
            }
            guard let (startTime, isDate) = start else {
                throw ScheduleError(file: file, line: item.line, message: "event \"\(item.title)\" has no DTSTART")
            }
            if let ownDescription {
                item.description = FieldText.text(ownDescription, markdown: false)
                item.persons = ownPersons
            } else if item.persons.isEmpty, !speakerLine.isEmpty {
                item.persons = speakerLine
            }
            item.start = startTime
            item.end = end
            // An all-day event without an end lasts the day (§3.6.1).
            if isDate, end == nil, item.duration == nil { item.duration = 86400 }
            item.id = ownID ?? uid ?? ""
            // Our own writer makes a UID from the id when there is no guid (`SessionKeys.uid`):
            // that reads back as no guid, so the key is decided as it was for the original.
            if let ownID, let uid, Self.isOwnUID(uid, id: ownID, title: item.title, start: startTime) {
                item.guid = nil
            } else {
                item.guid = uid
            }
            try draft.add(item)
        }

        /// `id@host`, `id-start@host` (this version) or `id|title|start` (earlier ones).
        static func isOwnUID(_ uid: String, id: String, title: String, start: LocalDateTime) -> Bool {
            let epoch = start.naiveEpoch - (start.offset ?? 0)
            if uid == "\(id)|\(title)|\(epoch)" { return true }
            guard let at = uid.lastIndex(of: "@") else { return false }
            let local = String(uid[..<at]), safeID = String(id.map { $0 == "|" || $0 == " " || $0 == "@" ? "-" : $0 })
            return local == safeID || local == "\(safeID)-\(epoch)"
        }

        /// The start of `DTSTART`/`DTEND`: UTC, in its TZID, or floating; and whether it is a date.
        mutating func time(_ line: ICalendarLine) throws(ScheduleError) -> (LocalDateTime, Bool)? {
            guard let parsed = ICalendarTime.dateTime(line.value) else {
                throw ScheduleError(file: file, line: line.line,
                                    message: "cannot read \(line.name) \"\(line.value)\" (expected like 20241227T103000 or 20241227)")
            }
            var time = parsed.time
            let isDate = parsed.isDate
            guard !isDate, time.offset == nil, let id = line.parameter("TZID")?.trimmed, !id.isEmpty else { return (time, isDate) }
            let resolution: WallClock.Resolution
            if let zone = TimeZones.named(id) ?? Self.olsonSuffix(id).flatMap(TimeZones.named) {
                resolution = time.resolution(in: zone)
            } else if let zone = zones[id], let resolved = zone.resolution(at: time) {
                resolution = resolved
            } else {
                if warnedZones.insert(id).inserted {
                    draft.mentionsZone = true
                    draft.warn(.unknownTimeZone, line: line.line, "unknown time zone \"\(id)\" and no VTIMEZONE for it; times in it are taken as venue times")
                }
                return (time, isDate)
            }
            time.offset = resolution.offset
            if resolution.inGap {
                draft.warn(.nonexistentTime, line: line.line, "\(line.name) \(line.value.trimmed) does not exist in \(id) "
                    + "(the clocks skip it); read with the offset before the change, as RFC 5545 says")
            }
            zoneUse[id, default: 0] += 1
            return (time, isDate)
        }

        /// `/mozilla.org/20050126_1/Europe/Berlin` → `Europe/Berlin`.
        static func olsonSuffix(_ id: String) -> String? {
            let parts = id.split(separator: "/")
            return parts.count > 2 ? parts.suffix(2).joined(separator: "/") : nil
        }

        /// Names from a first description line `Speaker: A` or `Speakers: A, B`, for files
        /// (like linux.conf.au's) that give speakers only there.
        static func speakers(_ description: String) -> [String] {
            guard description.utf8.starts(with: "Speaker".utf8) else { return [] }
            let first = description.prefix { $0 != "\n" }
            for label in ["Speaker:", "Speakers:"] where first.hasPrefix(label) {
                return first.dropFirst(label.count).split(separator: ",")
                    .compactMap { FieldText.line(String($0)) }
            }
            return []
        }
    }
}
