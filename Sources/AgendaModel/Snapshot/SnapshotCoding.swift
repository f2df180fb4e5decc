import Foundation

/// The payload of a `ScheduleSnapshot`: every field of the conference, its sessions and its
/// warnings, in a fixed order. The whole schedule's days are not read back: `Schedule.init`
/// splits them again from the sessions, so that a snapshot cannot hold days that do not tile
/// them. A table of the days (date, sessions, where the first starts) lets one day be read
/// alone, for the first screen (`openingDay`).
enum SnapshotCoding {
    /// Room for the header, then the payload; nil when the format cannot say it exactly.
    /// `checking: false` writes what the reader will refuse (tests of the reader).
    static func encode(_ schedule: Schedule, checking: Bool = true) -> [UInt8]? {
        var w = SnapshotWriter(capacity: capacity(schedule), checking: checking)
        guard write(schedule, &w) else { return nil }
        return w.finish()
    }

    /// The same written to `descriptor` as it is made, room for the header first (left zero);
    /// false when the format cannot say it exactly or a write failed.
    static func encode(_ schedule: Schedule, to descriptor: Int32) -> Bool {
        var w = SnapshotWriter(spill: descriptor)
        return write(schedule, &w) && w.finishSpilling()
    }

    private static func write(_ schedule: Schedule, _ w: inout SnapshotWriter) -> Bool {
        guard conference(schedule.conference, &w) else { return false }
        w.count(schedule.sessions.count)
        w.count(schedule.days.count)
        var places: [Int] = []
        for day in schedule.days {
            guard let number = ConferenceDay.dayNumber(day.date) else { return false }
            w.number(number, in: SnapshotBounds.days)
            w.count(day.sessionRange.lowerBound)
            w.count(day.sessionRange.upperBound)
            places.append(w.bodyPosition)
            w.u32(0)   // where its first session starts: known once the sessions are written
        }
        var starts: [Int] = []
        starts.reserveCapacity(schedule.sessions.count + 1)
        SessionText.readingOnce(schedule.sessions) { _, session in
            starts.append(w.bodyPosition)
            self.session(session, &w)
        }
        starts.append(w.bodyPosition)
        for (day, place) in zip(schedule.days, places) { w.patch(UInt32(starts[day.sessionRange.lowerBound]), at: place) }
        w.count(schedule.warnings.count)
        for warning in schedule.warnings {
            w.u8(kinds.firstIndex(of: warning.kind).map(UInt8.init) ?? 0)
            w.string(warning.file, check: .none)
            w.i64(warning.line.map(Int64.init) ?? -1)
            w.string(warning.message, check: .none)
        }
        return true
    }

    /// The payload alone, as `ScheduleSnapshot.seal` takes it (tests, the fuzz target's seeds).
    static func payload(_ schedule: Schedule, checking: Bool = true) -> [UInt8]? {
        encode(schedule, checking: checking).map { Array($0.dropFirst(ScheduleSnapshot.headerSize)) }
    }

    /// More than the snapshot will take, so that its bytes are never moved to a larger buffer
    /// (at 20,000 sessions that move held 30 MB twice). Capacity never written is never touched,
    /// and memory never touched is not resident.
    private static func capacity(_ schedule: Schedule) -> Int {
        schedule.sessions.reduce(4096 + schedule.warnings.count * 256) { total, s in
            // About the bytes, without making the texts (`SessionText.byteCount`).
            let texts = s.abstractText.byteCount + s.descriptionText.byteCount
            let translations = s.translations.reduce(0) { $0 + 512 + ($1.abstract?.utf8.count ?? 0) + ($1.description?.utf8.count ?? 0) }
            return total + 1024 + texts + s.persons.count * 64 + s.links.count * 256 + translations
        }
    }

    /// The schedule in `payload`, which starts at `base` in `buffer` (the snapshot's bytes,
    /// kept for the long texts that stay in it).
    static func schedule(_ payload: UnsafeRawBufferPointer, in buffer: TextBuffer, at base: Int) -> Schedule? {
        guard var r = SnapshotReader(payload, in: buffer, at: base), let conference = conference(&r),
              let sessionCount = r.count(minimumSize: 60), let table = days(&r, sessions: sessionCount) else { return nil }
        var sessions: [Session] = []
        sessions.reserveCapacity(sessionCount)
        var starts: [Int] = []
        starts.reserveCapacity(sessionCount + 1)
        for _ in 0..<sessionCount {
            starts.append(r.bodyPosition)
            guard let session = session(&r) else { return nil }
            sessions.append(consume session)   // moved, not copied: 20,000 retains and releases of every field
        }
        guard let warningCount = r.count(minimumSize: 17) else { return nil }
        var warnings: [ScheduleWarning] = []
        for _ in 0..<warningCount {
            // Warnings are sanitised where they are printed, as the readers' are.
            guard let kind = r.u8().map(Int.init), kind < kinds.count, let file = r.string(unchecked: true),
                  let line = r.i64(), line >= -1, let message = r.string(unchecked: true) else { return nil }
            warnings.append(ScheduleWarning(kinds[kind], file: file, line: line < 0 ? nil : Int(line), message: message))
        }
        guard r.isAtEnd else { return nil }
        starts.append(r.bodyPosition)
        var schedule = Schedule(conference: conference, sessions: sessions)
        guard Self.table(table, agreesWith: schedule.days, starts: starts) else { return nil }
        schedule.warnings = warnings
        return schedule
    }

    /// One day of the schedule and its sessions alone (today's by the venue clock, else the
    /// first), the other days empty. Nil when the payload is damaged, or the day is not the one
    /// the whole schedule would open on.
    static func openingDay(_ payload: UnsafeRawBufferPointer, in buffer: TextBuffer, at base: Int, now: Date) -> OpeningDay? {
        guard var r = SnapshotReader(payload, in: buffer, at: base), let conference = conference(&r),
              let sessionCount = r.count(minimumSize: 60), let days = days(&r, sessions: sessionCount) else { return nil }
        // Past this many days, adding the others' empty tabs costs more than decoding the whole.
        guard days.count <= 1000 else { return nil }
        let today = DaySpec.today(at: now, in: conference)
        guard let chosen = days.firstIndex(where: { $0.number == today }) ?? days.indices.first,
              r.seek(body: days[chosen].start) else { return nil }
        var sessions: [Session] = []
        sessions.reserveCapacity(days[chosen].sessions.count)
        for _ in days[chosen].sessions {
            guard let session = session(&r) else { return nil }
            sessions.append(consume session)
        }
        let others = days.indices.filter { $0 != chosen }.map { index in
            let (y, m, d) = LocalDateTime.civilFromDays(days[index].number)
            return DateComponents(year: y, month: m, day: d)
        }
        return OpeningDay(Schedule(conference: conference, sessions: sessions), date: days[chosen].number,
                          otherDates: others, today: today, now: now)
    }

    typealias DayEntry = (number: Int, sessions: Range<Int>, start: Int)

    /// The table of days: each one's day number, its sessions, and where the first of them
    /// starts in the body. As the writer makes it: dates in order, sessions tiling them all.
    private static func days(_ r: inout SnapshotReader, sessions: Int) -> [DayEntry]? {
        guard let count = r.count(minimumSize: 20) else { return nil }
        var days: [DayEntry] = []
        for _ in 0..<count {
            guard let number = r.i64(), SnapshotBounds.days.contains(number), let lower = r.u32().map(Int.init),
                  let upper = r.u32().map(Int.init), lower == (days.last?.sessions.upperBound ?? 0), lower <= upper,
                  number > days.last?.number ?? .min, let start = r.u32() else { return nil }
            days.append((Int(number), lower..<upper, Int(start)))
        }
        guard (days.last?.sessions.upperBound ?? 0) == sessions else { return nil }
        return days
    }

    /// The table must say what the sessions say: the days `Schedule.init` split, and where each
    /// day's first session was found (a table that disagrees would open on another day than the whole).
    private static func table(_ table: [DayEntry], agreesWith days: [ConferenceDay], starts: [Int]) -> Bool {
        table.count == days.count && zip(table, days).allSatisfy { entry, day in
            entry.number == ConferenceDay.dayNumber(day.date) && entry.sessions == day.sessionRange
                && entry.start == starts[day.sessionRange.lowerBound]
        }
    }

    private static let kinds: [ScheduleWarning.Kind] = [
        .missingRoom, .duplicateID, .duplicateGUID, .endBeforeStart, .unknownTimeZone, .noTimeZone, .nonexistentTime, .ignoredValue,
    ]

    // MARK: - Conference

    private static func conference(_ c: Conference, _ w: inout SnapshotWriter) -> Bool {
        w.string(c.title)
        w.string(c.shortTitle)
        w.string(c.timeZone.identifier)
        guard date(c.dayChange, &w), optionalDate(c.startDate, &w), optionalDate(c.endDate, &w) else { return false }
        w.string(c.url)
        w.u8((c.floating ? 1 : 0) | (c.zoneFromOffsets ? 2 : 0))
        w.strings(c.rooms)
        pairs(c.roomGuids, &w)
        pairs(c.trackColours, &w)
        pairs(c.titles, &w)
        pairs(c.roomStreams, &w)
        pairs(c.roomRecording, &w)
        return true
    }

    private static func conference(_ r: inout SnapshotReader) -> Conference? {
        guard let title = r.string(), let shortTitle = r.optional(), let zoneName = r.string(),
              let zone = TimeZone(identifier: zoneName), let dayChange = date(&r),
              let startDate = optionalDate(&r), let endDate = optionalDate(&r), let url = r.optional(),
              let flags = r.u8(), flags <= 3, let rooms = r.strings(),
              let roomGuids = pairs(&r), let trackColours = pairs(&r), let titles = pairs(&r),
              let roomStreams = pairs(&r), let roomRecording = pairs(&r) else { return nil }
        var c = Conference(title: title, shortTitle: shortTitle, timeZone: zone, dayChange: dayChange)
        c.startDate = startDate
        c.endDate = endDate
        c.url = url
        c.floating = flags & 1 != 0
        c.zoneFromOffsets = flags & 2 != 0
        c.rooms = rooms
        c.roomGuids = roomGuids
        c.trackColours = trackColours
        c.titles = titles
        c.roomStreams = roomStreams
        c.roomRecording = roomRecording
        return c
    }

    /// Dictionaries as sorted pairs: the same schedule always gives the same bytes.
    private static func pairs(_ values: [String: String], _ w: inout SnapshotWriter) {
        w.count(values.count)
        for (key, value) in values.sorted(by: { $0.key < $1.key }) { w.string(key); w.string(value) }
    }

    private static func pairs(_ r: inout SnapshotReader) -> [String: String]? {
        guard let count = r.count(minimumSize: 8) else { return nil }
        var out: [String: String] = [:]
        for _ in 0..<count {
            guard let key = r.string(), let value = r.string(), out.updateValue(value, forKey: key) == nil else { return nil }
        }
        return out
    }

    // MARK: - Dates (calendar days, the day change)

    /// The components readers set: year, month, day, hour, minute, as a presence mask and values.
    private static var dateFields: [WritableKeyPath<DateComponents, Int?>] { [\.year, \.month, \.day, \.hour, \.minute] }

    private static func date(_ components: DateComponents, _ w: inout SnapshotWriter) -> Bool {
        var mask: UInt8 = 0
        var rebuilt = DateComponents()
        for (bit, field) in dateFields.enumerated() where components[keyPath: field] != nil {
            mask |= 1 << bit
            rebuilt[keyPath: field] = components[keyPath: field]
        }
        // Anything else set (seconds, a calendar, a zone) would be lost: no snapshot then.
        guard rebuilt == components else { return false }
        w.u8(mask)
        for (bit, field) in dateFields.enumerated() where mask & (1 << bit) != 0 {
            w.number(components[keyPath: field]!, in: SnapshotBounds.dateParts[bit])
        }
        return true
    }

    private static func optionalDate(_ components: DateComponents?, _ w: inout SnapshotWriter) -> Bool {
        guard let components else { w.u8(0); return true }
        w.u8(1)
        return date(components, &w)
    }

    private static func date(_ r: inout SnapshotReader) -> DateComponents? {
        guard let mask = r.u8(), mask < 1 << dateFields.count else { return nil }
        var components = DateComponents()
        for (bit, field) in dateFields.enumerated() where mask & (1 << bit) != 0 {
            // Calendar numbers: beyond the years 1–9999, or not a month, day, hour or minute, is damage.
            guard let value = r.i64(), SnapshotBounds.dateParts[bit].contains(value) else { return nil }
            components[keyPath: field] = Int(value)
        }
        return components
    }

    private static func optionalDate(_ r: inout SnapshotReader) -> DateComponents?? {
        guard let present = r.u8(), present <= 1 else { return nil }
        if present == 0 { return .some(nil) }
        guard let components = date(&r) else { return nil }
        return .some(components)
    }

    // MARK: - Sessions

    /// A yes, no or unsaid as one byte: 0 unsaid, 1 no, 2 yes.
    private static func flag(_ value: Bool?) -> UInt8 { value.map { $0 ? 2 : 1 } ?? 0 }

    /// Nil for a byte that is none of those (damage); `.some(nil)` for unsaid.
    private static func flag(_ byte: UInt8) -> Bool?? {
        switch byte {
        case 0: .some(nil)
        case 1: .some(false)
        case 2: .some(true)
        default: nil
        }
    }

    private static func session(_ s: Session, _ w: inout SnapshotWriter) {
        w.string(s.key); w.string(s.id); w.string(s.guid); w.string(s.title); w.string(s.subtitle)
        w.time(s.start); w.time(s.end)
        w.string(s.room); w.string(s.track); w.string(s.type); w.string(s.language)
        w.strings(s.persons)
        w.text(s.abstract); w.text(s.description); w.string(s.url)
        w.count(s.links.count)
        for link in s.links { w.u8(link.kind.rawValue); w.string(link.title); w.string(link.url) }
        w.u8(flag(s.doNotRecord)); w.u8(flag(s.doNotStream))
        w.count(s.translations.count)
        for t in s.translations {
            w.string(t.language); w.string(t.title); w.string(t.subtitle); w.string(t.room)
            w.strings(t.persons)
            w.string(t.abstract, check: .text); w.string(t.description, check: .text)
        }
        w.u8(s.wallClock ? 1 : 0)
    }

    private static func session(_ r: inout SnapshotReader) -> Session? {
        guard let key = r.string(), let id = r.string(), let guid = r.optional(), let title = r.string(),
              let subtitle = r.optional(), let start = r.time(), let end = r.time(), end >= start,
              let room = r.optional(), let track = r.optional(), let type = r.optional(), let language = r.optional(),
              let persons = r.strings(), let abstract = r.text(), let description = r.text(), let url = r.optional(),
              let linkCount = r.count(minimumSize: 9) else { return nil }
        var session = Session(id: id, guid: guid, title: title, subtitle: subtitle,
                              start: Date(timeIntervalSinceReferenceDate: start), end: Date(timeIntervalSinceReferenceDate: end),
                              room: room, track: track, type: type, language: language, persons: persons,
                              url: url, key: key)
        session.abstractText = abstract
        session.descriptionText = description
        for _ in 0..<linkCount {
            guard let kind = r.u8().flatMap(SessionLink.Kind.init(rawValue:)), let title = r.optional(),
                  let url = r.string() else { return nil }
            session.links.append(SessionLink(title: title, url: url, kind: kind))
        }
        guard let doNotRecord = r.u8().flatMap(flag), let doNotStream = r.u8().flatMap(flag) else { return nil }
        session.doNotRecord = doNotRecord
        session.doNotStream = doNotStream
        guard let translationCount = r.count(minimumSize: 28) else { return nil }
        for _ in 0..<translationCount {
            guard let language = r.string(), let title = r.string(), let subtitle = r.optional(), let room = r.optional(),
                  let persons = r.strings(), let abstract = r.optional(multiline: true),
                  let description = r.optional(multiline: true) else { return nil }
            var translation = SessionTranslation(session, language: language)
            translation.title = title; translation.subtitle = subtitle; translation.room = room
            translation.persons = persons; translation.abstract = abstract; translation.description = description
            session.translations.append(translation)
        }
        guard let wallClock = r.u8(), wallClock <= 1 else { return nil }
        session.wallClock = wallClock == 1
        return session
    }
}
