import Foundation

/// A conference programme as every reader produces it: venue time zone, sessions in time order.
public struct Schedule: Sendable, Equatable {
    public var conference: Conference
    /// Sorted by start, then room in the publisher's order (`RoomOrder`), then title: the order
    /// every view and listing uses.
    public private(set) var sessions: [Session]
    /// Conference days, each a contiguous run of `sessions`.
    public private(set) var days: [ConferenceDay]
    /// What the reader noticed but could still read (duplicate ids, missing rooms, …), in file order.
    public var warnings: [ScheduleWarning] = []
    /// What changed against the previous version of the source, aligned with `sessions`
    /// (empty when nothing is tracked). Set by `ScheduleChanges.track`.
    public internal(set) var changes: [SessionChange?] = []

    public init(conference: Conference, sessions: [Session]) {
        self.conference = conference
        // Readers hand over sorted sessions: checking costs one comparison each, sorting a copy far more.
        let order = RoomOrder(conference.rooms)
        let sorted = sessions.indices.dropFirst().allSatisfy { i in !Session.programmeOrder(sessions, i, i - 1, order) }
        self.sessions = sorted ? sessions : sessions.sorted { Session.programmeOrder($0, $1, order) }
        let stated = conference.startDate.flatMap { first in conference.endDate.map { (first, $0) } }
        self.days = ConferenceDay.split(self.sessions, calendar: conference.calendar, dayChange: conference.dayChange,
                                        within: stated)
    }

    public var timeZone: TimeZone { conference.timeZone }

    /// The conference day (index into `days`) that holds the session at `index`.
    public func dayIndex(ofSession index: Int) -> Int? {
        days.firstIndex { $0.sessionRange.contains(index) }
    }

    /// The same sessions with an empty day for each of `dates` that has none, in date order.
    public func withEmptyDays(_ dates: [DateComponents]) -> Schedule {
        let number = ConferenceDay.dayNumber
        var copy = self
        for date in dates {
            guard let added = number(date), !copy.days.contains(where: { number($0.date) == added }) else { continue }
            ConferenceDay.insertEmpty(DateComponents(year: date.year, month: date.month, day: date.day),
                                      into: &copy.days, sessionCount: sessions.count)
        }
        return copy
    }
}

public struct Conference: Sendable, Equatable {
    public var title: String
    public var shortTitle: String?
    public var timeZone: TimeZone
    /// Time after midnight until which a session still belongs to the previous conference day.
    public var dayChange: DateComponents
    /// First and last calendar day as the file states them (venue zone), when it does.
    public var startDate: DateComponents? = nil
    public var endDate: DateComponents? = nil
    public var url: String? = nil
    /// The file names no zone and gives no offsets: times are shown as published, read on
    /// `timeZone`'s clock (UTC) only as a stand-in; nothing converts them. See `assigningZone`.
    public var floating = false
    /// The file names no zone but its times carry offsets: `timeZone` is the fixed offset most
    /// of them carry, not a zone with its daylight-saving rules.
    public var zoneFromOffsets = false
    /// Every room in the publisher's order (the file's room list or first appearance), also
    /// rooms without sessions; empty when the reader knows no order (see `Schedule.rooms`).
    public var rooms: [String] = []
    /// Room guids the file gives (frab XML `<room guid>`, c3voc JSON `rooms[].guid`), guid to
    /// name: a screen set up by guid follows its room through a rename.
    public var roomGuids: [String: String] = [:]
    /// The conference's name in other languages, by language (`zh`), from editions merged in.
    public var titles: [String: String] = [:]
    /// Track name to colour (`#RRGGBB`), when the file gives them.
    public var trackColours: [String: String] = [:]
    /// Room name to its stream as c3voc JSON gives it (`rooms[].stream_id`: an id or an address).
    public var roomStreams: [String: String] = [:]
    /// Room name to what c3voc JSON says of recording there (`rooms[].features.recording`,
    /// e.g. `record_by_default`, `recording_forbidden`).
    public var roomRecording: [String: String] = [:]

    public init(title: String, shortTitle: String? = nil, timeZone: TimeZone,
                dayChange: DateComponents = DateComponents(hour: 4, minute: 0)) {
        self.title = title
        self.shortTitle = shortTitle
        self.timeZone = timeZone
        self.dayChange = dayChange
    }

    /// A Gregorian calendar in the venue's zone: the calendar every day and time is read in.
    public var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }
}

public struct Session: Sendable, Equatable, Identifiable {
    /// Stable across versions of the file, for favourites and change tracking; never holds the
    /// title, so a renamed or moved talk keeps its star. Readers set it by `SessionKeys`.
    public var key: String
    public var id: String
    public var guid: String?
    public var title: String
    public var subtitle: String?
    public var start: Date
    public var end: Date
    public var room: String?
    public var track: String?
    public var type: String?
    public var language: String?
    public var persons: [String]
    public var abstract: String? {
        get { abstractText.value }
        set { abstractText = SessionText(newValue) }
    }
    public var description: String? {
        get { descriptionText.value }
        set { descriptionText = SessionText(newValue) }
    }
    /// Where `abstract` and `description` are kept: strings, or bytes of a snapshot (`SessionText`).
    var abstractText: SessionText
    var descriptionText: SessionText
    public var url: String?
    /// Links the file gives with the session (recordings, slides, feedback, attachments, …),
    /// in file order, each with its kind.
    public var links: [SessionLink] = []
    /// What the publisher says about recording and streaming the session: `true` for "will
    /// not be", `false` for "may be", nil when the file does not say (frab XML
    /// `<recording><optout>`, c3voc JSON `do_not_record` and `do_not_stream`).
    public var doNotRecord: Bool?
    public var doNotStream: Bool?
    /// The same session as another edition of the programme wrote it (the Chinese page of
    /// an English one), by language; empty for most files. See `Schedule.mergingEditions`.
    public var translations: [SessionTranslation] = []
    /// The file gave the start as a wall-clock time (no offset): a zone given later
    /// (`--zone`) moves it, while a time with an offset keeps its instant.
    var wallClock = false

    public init(id: String, guid: String? = nil, title: String, subtitle: String? = nil,
                start: Date, end: Date, room: String? = nil, track: String? = nil,
                type: String? = nil, language: String? = nil, persons: [String] = [],
                abstract: String? = nil, description: String? = nil, url: String? = nil, key: String? = nil) {
        self.key = key ?? SessionKeys.standalone(id: id, guid: guid, start: start)
        self.id = id
        self.guid = guid
        self.title = title
        self.subtitle = subtitle
        self.start = start
        self.end = end
        self.room = room
        self.track = track
        self.type = type
        self.language = language
        self.persons = persons
        self.abstractText = SessionText(abstract)
        self.descriptionText = SessionText(description)
        self.url = url
    }

    public var duration: TimeInterval { end.timeIntervalSince(start) }

    public func isRunning(at now: Date) -> Bool { start <= now && now < end }

    static func programmeOrder(_ a: Session, _ b: Session, _ rooms: RoomOrder) -> Bool {
        if a.start != b.start { return a.start < b.start }
        if a.room != b.room { return rooms.precedes(a.room, b.room) }
        return a.title < b.title
    }

    /// The same order for two sessions of an array, read in place (passing them would copy each).
    static func programmeOrder(_ sessions: [Session], _ a: Int, _ b: Int, _ rooms: RoomOrder) -> Bool {
        if sessions[a].start != sessions[b].start { return sessions[a].start < sessions[b].start }
        if sessions[a].room != sessions[b].room { return rooms.precedes(sessions[a].room, sessions[b].room) }
        return sessions[a].title < sessions[b].title
    }
}

/// A link attached to a session: its target, what it is and, when the file names it, a title.
public struct SessionLink: Sendable, Equatable {
    /// Where the file gave it: a link (`<links>`, `links`), an attachment, the recording's video
    /// (`<video_download_url>`), the feedback form (`<feedback_url>`, `feedback_url`), or the
    /// room's stream (a room's `stream_id` when it is an address).
    public enum Kind: UInt8, Sendable, CaseIterable {
        case link, attachment, recording, feedback, stream

        public var name: String {
            switch self {
            case .link: "link"
            case .attachment: "attachment"
            case .recording: "recording"
            case .feedback: "feedback"
            case .stream: "stream"
            }
        }
    }

    public var title: String?
    public var url: String
    public var kind: Kind

    public init(title: String? = nil, url: String, kind: Kind = .link) {
        self.title = title
        self.url = url
        self.kind = kind
    }

    /// An http or https address: the only links agenda opens or marks as hyperlinks.
    public var isWeb: Bool { Self.isWeb(url) }

    /// `http://` or `https://`, a host, and no space or control character anywhere: what may
    /// go into a terminal's hyperlink or an opener's argument.
    public static func isWeb(_ url: String) -> Bool {
        let lower = url.prefix(8).lowercased()
        let rest = lower.hasPrefix("https://") ? url.dropFirst(8) : lower.hasPrefix("http://") ? url.dropFirst(7) : nil
        guard let rest, let first = rest.first, first != "/", url.utf8.count <= 2048 else { return false }
        return url.unicodeScalars.allSatisfy { scalar in
            scalar.value > 0x20 && scalar.value != 0x7F && !(0x80...0x9F).contains(scalar.value)
                && !scalar.properties.isWhitespace && !scalar.properties.isBidiControl
        }
    }
}
