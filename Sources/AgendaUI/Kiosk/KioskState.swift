import AgendaCanvas
import AgendaModel
import Foundation

/// How the board gets its QR codes.
public enum QRCodes: Sendable {
    /// None are drawn (tests, `--qr none`).
    case none
    case encoder(@Sendable (String) -> QRMatrix?)
    /// None can be made here: what to install, said on the status line.
    case missing(String)
}

/// What fills the screen, in the order it is decided: a notice over everything, then the
/// quiet hours, then the stage timer, then the schedule's board.
public enum KioskScreen: Sendable, Equatable {
    /// An evacuation or an urgent notice, shown in quiet hours too.
    case takeover(KioskTakeover)
    /// Outside every `--on` window: black.
    case dark
    /// The speaker's stage timer for the one room.
    case timer
    /// The door screen or the venue board, and what it says.
    case board(KioskContent)
}

/// What the board shows, decided from the schedule and the time alone.
public enum KioskContent: Sendable, Equatable {
    /// A door screen: now, next and the rest of the day in one room.
    case room(RoomOutlook)
    /// The venue (or a door screen for several rooms): each room's now and next.
    case venue([RoomOutlook])
    /// Nothing on today: when the programme starts (or goes on, the next conference day), with
    /// its first session.
    case startsLater(Session, continues: Bool)
    /// A door screen after its room's last session of the day: that room's next session,
    /// whatever day it is on; nil when the room has no more (the conference goes on elsewhere).
    case nothingMoreHere(next: Session?)
    /// Nothing is left.
    case ended
    /// A door screen for rooms this schedule does not have (as given).
    case unknownRooms([String])
    /// The clock is clearly unset (before 2020): no now and next from it.
    case clockNotSet
}

/// The whole kiosk as a value: the board is a function of it, so every screen it can show
/// is testable without a terminal. Nothing here reads the clock; the run loop sets `now`.
public struct KioskState: Sendable {
    /// Sessions starting later than this stay hidden unless nothing comes sooner.
    public static let horizon: TimeInterval = 23 * 3600
    /// How long a session carries the "just started" mark.
    public static let justStartedFor: TimeInterval = 5 * 60
    /// Minutes between burn-in shifts.
    public static let shiftMinutes = 5

    public internal(set) var schedule: Schedule
    public internal(set) var now: Date
    /// The board's time when it started (for the hint on how to leave it).
    public let startedAt: Date
    public internal(set) var size: Size
    public internal(set) var options: KioskOptions
    public let measure: TextMeasure
    /// When the last reload of the schedule failed (the last good one stays on screen).
    public internal(set) var updateFailedAt: Date?
    /// Set while a cached copy stands in for an unreachable source.
    public internal(set) var staleNote: StaleNote?
    /// `--notices`: what the organisers tell the screens, and room status.
    public internal(set) var notices = VenueNotices()
    /// When the last reload of the notices failed (the last good ones stay).
    public internal(set) var noticesFailedAt: Date?
    /// Set while the last good notices (room status) are older than the limit: since when.
    public internal(set) var noticesStaleSince: Date?
    /// How QR codes are made here, if they can be.
    public let qrCodes: QRCodes

    public init(schedule: Schedule, now: Date, size: Size, options: KioskOptions,
                measure: TextMeasure = .standard, updateFailedAt: Date? = nil, qrCodes: QRCodes = .none) {
        self.schedule = schedule
        self.now = now
        self.startedAt = now
        self.size = size
        self.options = options
        self.measure = measure
        self.updateFailedAt = updateFailedAt
        self.qrCodes = qrCodes
    }

    /// Makes QR codes (libqrencode in the program), when it can.
    var encodeQR: (@Sendable (String) -> QRMatrix?)? {
        if case .encoder(let encode) = qrCodes { encode } else { nil }
    }

    /// Why door screens show no QR codes (the library is missing), for the status line.
    var qrMissing: String? {
        if case .missing(let why) = qrCodes { why } else { nil }
    }

    /// Everything time changes on the board: the minute (clock, countdowns, shift) and the
    /// page turn. The run loop redraws only when this (or the data, or the size) changes.
    public struct Moment: Sendable, Equatable {
        public var minute: Int
        public var turn: Int
        /// Notices that appeared or went (`from`, `until`).
        public var notices: Int = 0
        /// The stage timer's second (0 on every other board).
        public var second: Int = 0
        /// Whether the hint on how to leave is up.
        public var leaveHint = false
    }

    public var moment: Moment {
        let seconds = now.timeIntervalSince1970
        return Moment(minute: Int((seconds / 60).rounded(.down)),
                      turn: Int((seconds / Double(options.pageSeconds)).rounded(.down)), notices: noticeEpoch,
                      second: options.timer ? Int(seconds.rounded(.down)) : 0, leaveHint: showsLeaveHint)
    }

    var layout: KioskLayout { KioskLayout(screen: size, shifts: options.burnInShift) }

    public var content: KioskContent {
        if clockNotSet { return .clockNotSet }
        guard let door = doorRooms else { return outlookContent(schedule.rooms, door: false) }
        let unknown = unknownRooms
        if !unknown.isEmpty { return .unknownRooms(unknown) }
        return outlookContent(door, door: true)
    }

    /// A time before 2020 means a clock nobody set (a board without a battery-backed clock).
    public var clockNotSet: Bool {
        // 2020-01-01T00:00Z
        now.timeIntervalSince1970 < 1_577_836_800
    }

    /// Now and next in `rooms` while anything there is on today; else what comes next.
    private func outlookContent(_ rooms: [String?], door: Bool) -> KioskContent {
        let outlooks = rooms.map { schedule.outlook(room: $0, at: now, horizon: Self.horizon) }
        let today = schedule.conferenceDay(of: now)
        let onToday = outlooks.contains { outlook in
            outlook.current != nil || outlook.next.map { sameDay(schedule.conferenceDay(of: $0.start), today) } == true
        }
        if onToday {
            // A venue of one room gets the fuller door-screen board.
            return outlooks.count == 1 ? .room(outlooks[0]) : .venue(outlooks)
        }
        let names = Set(rooms)
        let include: (Session) -> Bool = { names.contains($0.room) }
        let next = schedule.firstStart(after: now, where: include)
        let over = schedule.firstStart(after: now) == nil && !schedule.sessions.contains { $0.isRunning(at: now) }
        if door, rooms.count == 1, next == nil || schedule.anyEnded(by: now, where: include) {
            // The room is done for the day: its next session, else nothing more here.
            return over ? .ended : .nothingMoreHere(next: next)
        }
        if let next { return .startsLater(next, continues: schedule.anyEnded(by: now)) }
        return .ended
    }

    /// The conference day (1-based, as `schedule.days` counts them) that `date` falls on.
    public func dayNumber(of date: Date) -> Int? {
        let day = schedule.conferenceDay(of: date)
        return schedule.days.firstIndex { sameDay($0.date, day) }.map { $0 + 1 }
    }

    /// The venue page on screen and how many there are (pages turn every `pageSeconds`).
    public var page: (index: Int, count: Int) {
        guard case .venue(let rooms) = content else { return (0, 1) }
        let count = VenuePlan(rooms, layout: layout, now: now, schedule: schedule, horizon: options.horizon,
                              marked: markedRooms).pages
        return (positiveModulo(moment.turn, count), count)
    }

    /// The board's offset against burn-in: a small square walked one corner every few minutes.
    public var shift: (x: Int, y: Int) {
        guard options.burnInShift, layout.board != size else { return (0, 0) }
        let corners = [(0, 0), (1, 0), (1, 1), (0, 1)]
        return corners[positiveModulo(moment.minute / Self.shiftMinutes, corners.count)]
    }

    /// Whether a running session started so recently that it carries the "just started" mark.
    func isJustStarted(_ session: Session) -> Bool {
        now.timeIntervalSince(session.start) < Self.justStartedFor
    }
}

/// Calendar days compared by their year, month and day alone.
func sameDay(_ a: DateComponents, _ b: DateComponents) -> Bool {
    a.year == b.year && a.month == b.month && a.day == b.day
}

/// `%` that stays in 0..<n for negative values too (times before 1970 are valid `--now`s).
func positiveModulo(_ value: Int, _ n: Int) -> Int { ((value % n) + n) % n }
