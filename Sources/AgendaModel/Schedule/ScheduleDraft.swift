import Foundation
import Synchronization

/// What a reader collects before the venue zone is known; `build()` makes the `Schedule`.
///
/// Readers fill in sanitised fields (through `FieldText`) and wall-clock times; the zone,
/// the day boundaries and the warnings that need the whole file are decided here, the same
/// way for every format.
struct ScheduleDraft {
    struct Day {
        var date: LocalDateTime?
        var start: LocalDateTime?
        var end: LocalDateTime?
    }

    struct Item {
        var line: Int?
        /// Where in a JSON file, whose line says little (it is often one line).
        var place: JSONPlace?
        var id = ""
        var guid: String?
        var title = ""
        var subtitle: String?
        var room: String?
        var track: String?
        var type: String?
        var language: String?
        var persons: [String] = []
        var abstract: String?
        var description: String?
        /// Instead of `abstract` and `description`: where the reader left them in `foundTexts`,
        /// as written (made readable when read, see `SessionText`).
        var foundAbstract: Range<Int>?
        var foundDescription: Range<Int>?
        var url: String?
        var links: [SessionLink] = []
        var doNotRecord: Bool?
        var doNotStream: Bool?
        /// The start: absolute when it has an offset, else wall-clock time at the venue.
        var start: LocalDateTime?
        var end: LocalDateTime?
        /// Seconds, when the file gives a duration rather than an end.
        var duration: Int?
        /// Set by readers whose sessions have no id (CACIE); else `SessionKeys` decides.
        var key: String?
    }

    let file: String
    var title: String?
    var acronym: String?
    var url: String?
    var trackColours: [String: String] = [:]
    /// The zone the file names (`time_zone_name`, `X-WR-TIMEZONE`), and where.
    var zoneName: String?
    var zoneLine: Int?
    /// A zone the reader found otherwise (an iCalendar file's dominant TZID).
    var fallbackZone: TimeZone?
    /// The file names a zone somewhere, known or not (an iCalendar TZID): not floating.
    var mentionsZone = false
    /// `day_change` as seconds after midnight, when the file says it.
    var dayChange: Int?
    var conferenceStart: LocalDateTime?
    var conferenceEnd: LocalDateTime?
    var days: [Day] = []
    var items: [Item] = []
    /// Long texts as a reader found them, one after the other (`Item.foundAbstract`).
    var foundTexts: [UInt8] = []
    /// Where found texts go instead, a megabyte at a time (`foundTexts` then holds those not
    /// written yet); `foundCount` counts both.
    var spill: TextSpill?
    var foundCount: Int { (spill?.count ?? 0) + foundTexts.count }
    /// The found texts once `spill` was mapped (`finishSpill`).
    private var spilled: TextBuffer?
    var warnings: [ScheduleWarning] = []
    /// Rooms as the file lists them (a room list, or room elements), sessions or not.
    private(set) var declaredRooms: [String] = []
    private var declaredRoomSet: Set<String> = []
    /// Room guid to name, as the file declares them.
    var roomGuids: [String: String] = [:]
    /// Room name to stream id or address, and to its recording policy (c3voc JSON rooms).
    var roomStreams: [String: String] = [:]
    var roomRecording: [String: String] = [:]

    /// Notes a room where the file names it, so the publisher's order is kept.
    mutating func declareRoom(_ name: String?, guid: String? = nil) {
        if let name, !name.isEmpty, let guid, !guid.isEmpty { roomGuids[guid] = name }
        guard let name, !name.isEmpty, declaredRoomSet.insert(name).inserted else { return }
        declaredRooms.append(name)
    }

    /// The declared rooms, then any other session rooms in file order.
    func publishedRooms() -> [String] {
        var rooms = declaredRooms, seen = declaredRoomSet
        for item in items { if let room = item.room, seen.insert(room).inserted { rooms.append(room) } }
        return rooms
    }

    init(file: String) { self.file = file }

    mutating func warn(_ kind: ScheduleWarning.Kind, line: Int?, _ message: String) {
        warnings.append(ScheduleWarning(kind, file: file, line: line, message: message))
    }

    /// After a found text: writes what `foundTexts` holds once it passes a megabyte.
    mutating func foundTextEnded() {
        guard let spill, foundTexts.count >= 1 << 20 else { return }
        spill.append(foundTexts)
        foundTexts.removeAll(keepingCapacity: true)
    }

    /// Writes the last found texts and maps them all, before `build`.
    mutating func finishSpill() throws(ScheduleError) {
        guard let spill else { return }
        spill.append(foundTexts)
        foundTexts = []
        guard let mapped = spill.mapped() else {
            // Seen by `ScheduleSource` only, which then reads the file as a copy, texts in memory.
            throw ScheduleError(file: file, line: nil, message: "its texts could not be written aside")
        }
        spilled = mapped
    }

    func build() -> Schedule {
        var warnings = self.warnings
        let floating = isFloating
        if floating {
            warnings.append(ScheduleWarning(.noTimeZone, file: file, line: nil, message:
                "the file names no time zone and its times have no offsets: they are shown as published, "
                + "not converted; --zone NAME (e.g. Europe/Brussels) says where they are"))
        }
        let zone = venueZone(&warnings)
        let dayChange = self.dayChange ?? derivedDayChange(zone: zone)

        // Times and warnings in file order; then sessions made once, in programme order: sorting
        // made Sessions would copy and release every string of 20,000 of them twice.
        var starts: [Date] = [], ends: [Date] = []
        starts.reserveCapacity(items.count)
        ends.reserveCapacity(items.count)
        var firstOfID: [String: Int] = [:], firstOfGUID: [String: Int] = [:]
        for k in items.indices {
            let start = items[k].start?.date(in: zone) ?? Date(timeIntervalSince1970: 0)
            var end = items[k].end?.date(in: zone) ?? start.addingTimeInterval(TimeInterval(items[k].duration ?? 0))
            var name: String { "\"\(items[k].title)\"" }   // only for a warning
            func located(_ message: String) -> String { items[k].place.map { "at \($0.path): \(message)" } ?? message }
            if let local = items[k].start, local.offset == nil, local.resolution(in: zone).inGap {
                warnings.append(ScheduleWarning(.nonexistentTime, file: file, line: items[k].line, message: located(
                    "session \(name) starts at a time the clocks skip in \(zone.identifier); read with the offset before the change")))
            }
            if end < start {
                warnings.append(ScheduleWarning(.endBeforeStart, file: file, line: items[k].line,
                                                message: located("session \(name) ends before it starts; shown as ending at its start")))
                end = start
            }
            if items[k].room == nil {
                warnings.append(ScheduleWarning(.missingRoom, file: file, line: items[k].line, message: located("session \(name) has no room")))
            }
            if !items[k].id.isEmpty {
                if let first = firstOfID[items[k].id] {
                    warnings.append(ScheduleWarning(.duplicateID, file: file, line: items[k].line,
                                                    message: located("id \"\(items[k].id)\" repeats\(Self.firstSeen(items[first])); both sessions are kept")))
                } else { firstOfID[items[k].id] = k }
            }
            if let guid = items[k].guid {
                if let first = firstOfGUID[guid] {
                    warnings.append(ScheduleWarning(.duplicateGUID, file: file, line: items[k].line,
                                                    message: located("guid \"\(guid)\" repeats\(Self.firstSeen(items[first])); both sessions are kept")))
                } else { firstOfGUID[guid] = k }
            }
            starts.append(start)
            ends.append(end)
        }
        let keys = SessionKeys.assign(guids: items.map(\.guid), ids: items.map(\.id), starts: starts)
        // Session.programmeOrder, on the drafts.
        let published = publishedRooms(), rooms = RoomOrder(published)
        let order = items.indices.sorted { a, b in
            if starts[a] != starts[b] { return starts[a] < starts[b] }
            if items[a].room != items[b].room { return rooms.precedes(items[a].room, items[b].room) }
            return items[a].title < items[b].title
        }
        let found = spilled ?? TextBuffer(found: foundTexts)
        func text(_ range: Range<Int>?) -> SessionText? {
            range.map { SessionText(found: found, offset: $0.lowerBound, length: $0.count) }
        }
        // Fields read in place: a copy of each draft would retain and release all its strings.
        let sessions = order.map { k in
            var session = Session(id: items[k].id, guid: items[k].guid, title: items[k].title, subtitle: items[k].subtitle,
                                  start: starts[k], end: ends[k], room: items[k].room, track: items[k].track, type: items[k].type,
                                  language: items[k].language, persons: items[k].persons, abstract: items[k].abstract,
                                  description: items[k].description, url: items[k].url, key: items[k].key ?? keys[k])
            if let abstract = text(items[k].foundAbstract) { session.abstractText = abstract }
            if let description = text(items[k].foundDescription) { session.descriptionText = description }
            session.links = items[k].links
            session.doNotRecord = items[k].doNotRecord
            session.doNotStream = items[k].doNotStream
            session.wallClock = items[k].start?.offset == nil
            return session
        }

        var conference = Conference(title: title ?? acronym ?? "Schedule", shortTitle: acronym, timeZone: zone,
                                    dayChange: DateComponents(hour: dayChange / 3600, minute: dayChange % 3600 / 60))
        conference.url = url
        conference.floating = floating
        conference.zoneFromOffsets = zoneIsFromOffsets
        conference.trackColours = trackColours
        conference.rooms = published
        conference.roomGuids = roomGuids
        conference.roomStreams = roomStreams
        conference.roomRecording = roomRecording
        conference.startDate = venueDate(conferenceStart, zone) ?? venueDate(days.first?.date, zone)
        conference.endDate = venueDate(conferenceEnd, zone) ?? venueDate(days.last?.date, zone)
        var schedule = Schedule(conference: conference, sessions: sessions)
        if schedule.conference.startDate == nil { schedule.conference.startDate = schedule.days.first?.date }
        if schedule.conference.endDate == nil { schedule.conference.endDate = schedule.days.last?.date }
        schedule.warnings = warnings
        return schedule
    }

    private static func firstSeen(_ first: Item) -> String {
        if let place = first.place { return " (first at \(place.path))" }
        if let line = first.line { return " (first on line \(line))" }
        return ""
    }

    /// No zone named, none found, no offset on any time: the times are as published.
    private var isFloating: Bool {
        zoneName == nil && fallbackZone == nil && !mentionsZone && !items.isEmpty && !items.contains { $0.start?.offset != nil || $0.end?.offset != nil }
    }

    /// No zone named (or none known by that name), no fallback: the zone is an offset the times carry.
    private var zoneIsFromOffsets: Bool {
        zoneName.flatMap(TimeZones.named) == nil && fallbackZone == nil && items.contains { $0.start?.offset != nil }
    }

    /// The named zone, else the reader's fallback, else the offset most times in the file use.
    private func venueZone(_ warnings: inout [ScheduleWarning]) -> TimeZone {
        if let zoneName {
            if let zone = TimeZones.named(zoneName) { return zone }
            warnings.append(ScheduleWarning(.unknownTimeZone, file: file, line: zoneLine,
                                            message: "unknown time zone \"\(zoneName)\"; using the offsets in the file"))
        }
        if let fallbackZone { return fallbackZone }
        var counts: [Int: Int] = [:]
        for item in items { if let offset = item.start?.offset { counts[offset, default: 0] += 1 } }
        if let (offset, _) = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }) {
            return TimeZones.fixed(offset)
        }
        return TimeZones.fixed(0)
    }

    /// Where one conference day hands over to the next, from the file's own day ranges:
    /// after the latest time a day runs past midnight and no later than the earliest time
    /// a day starts; 04:00 when that lies between, as the conventional default.
    private func derivedDayChange(zone: TimeZone) -> Int {
        let conventional = 4 * 3600
        var lower = 0, upper = 86400
        for day in days {
            guard let date = day.date else { continue }
            let dayNumber = LocalDateTime.daysFromCivil(date.year, date.month, date.day)
            if let end = day.end.map({ LocalDateTime($0.date(in: zone), in: zone) }),
               LocalDateTime.daysFromCivil(end.year, end.month, end.day) == dayNumber + 1 {
                var seconds = end.hour * 3600 + end.minute * 60
                if end.minute % 5 == 4 { seconds += 60 }   // "08:59" means the day ends at 09:00
                lower = max(lower, seconds)
            }
            if let start = day.start.map({ LocalDateTime($0.date(in: zone), in: zone) }),
               LocalDateTime.daysFromCivil(start.year, start.month, start.day) == dayNumber {
                upper = min(upper, start.hour * 3600 + start.minute * 60)
            }
        }
        if lower > upper { return lower }
        return min(max(conventional, lower), upper)
    }

    private func venueDate(_ value: LocalDateTime?, _ zone: TimeZone) -> DateComponents? {
        guard let value else { return nil }
        if value.offset == nil { return value.dateComponents }
        return LocalDateTime(value.date(in: zone), in: zone).dateComponents
    }
}

/// Zones by name, cached: Foundation's lookup is slow and files name the same zone often.
enum TimeZones {
    private static let cache = Mutex<[String: TimeZone?]>([:])

    static func named(_ name: String) -> TimeZone? {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        if let hit = cache.withLock({ $0[trimmed] }) { return hit }
        let zone = TimeZone(identifier: trimmed)
        cache.withLock { $0[trimmed] = zone }
        return zone
    }

    static func fixed(_ offset: Int) -> TimeZone {
        TimeZone(secondsFromGMT: offset) ?? TimeZone(identifier: "UTC")!
    }
}

extension ScheduleDraft {
    /// Keeps a track's colour when it is a plain `#RRGGBB` (anything else is ignored, never shown).
    mutating func addTrackColour(name: String?, colour: String?) {
        guard let name = FieldText.line(name), let colour = colour?.trimmingCharacters(in: .whitespaces),
              colour.count == 7, colour.first == "#", colour.dropFirst().allSatisfy(\.isHexDigit) else { return }
        trackColours[name] = colour.uppercased()
    }
}

extension ScheduleDraft {
    /// The most sessions a schedule may hold. The largest real programmes have about a
    /// thousand; this bound keeps memory and time in check for any file under the size limit
    /// (a million tiny sessions fit in 60 MB).
    static let maxSessions = 100_000

    mutating func add(_ item: consuming Item) throws(ScheduleError) {
        guard items.count < Self.maxSessions else {
            throw ScheduleError(file: file, line: item.line, message:
                "more than \(Self.maxSessions) sessions: agenda reads programmes up to that size")
        }
        items.append(item)
    }
}

extension ScheduleDraft.Item {
    /// Adds a link the file gives, sanitised, once per address and kind.
    mutating func addLink(_ url: String?, title: String? = nil, kind: SessionLink.Kind) {
        guard let url = FieldText.line(url) else { return }
        guard !links.contains(where: { $0.url == url && $0.kind == kind }) else { return }
        links.append(SessionLink(title: FieldText.line(title), url: url, kind: kind))
    }
}
