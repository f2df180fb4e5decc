import AgendaModel
import Foundation

/// What the board shows, decided from the schedule and the time alone.
public enum KioskContent: Sendable, Equatable {
    /// A door screen: now, next and the rest of the day in one room.
    case room(RoomOutlook)
    /// The venue: every room with something now or within the horizon.
    case venue([RoomOutlook])
    /// Nothing within the horizon: when the programme starts (or resumes after a break of
    /// days), with its first session.
    case startsLater(Session, continues: Bool)
    /// Nothing is left.
    case ended
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

    public var schedule: Schedule
    public var now: Date
    public var size: Size
    public let options: KioskOptions
    public let measure: TextMeasure
    /// When the last reload of the schedule failed (the last good one stays on screen).
    public var updateFailedAt: Date?
    /// Set while a cached copy stands in for an unreachable source.
    public var staleNote: StaleNote?

    public init(schedule: Schedule, now: Date, size: Size, options: KioskOptions,
                measure: TextMeasure = .standard, updateFailedAt: Date? = nil) {
        self.schedule = schedule
        self.now = now
        self.size = size
        self.options = options
        self.measure = measure
        self.updateFailedAt = updateFailedAt
    }

    /// Everything time changes on the board: the minute (clock, countdowns, shift) and the
    /// page turn. The run loop redraws only when this (or the data, or the size) changes.
    public struct Moment: Sendable, Equatable {
        public var minute: Int
        public var turn: Int
    }

    public var moment: Moment {
        let seconds = now.timeIntervalSince1970
        return Moment(minute: Int((seconds / 60).rounded(.down)),
                      turn: Int((seconds / Double(options.pageSeconds)).rounded(.down)))
    }

    var layout: KioskLayout { KioskLayout(screen: size, shifts: options.burnInShift) }

    public var content: KioskContent {
        let include: (Session) -> Bool
        if let room = options.room {
            let outlook = schedule.outlook(room: room, at: now, horizon: Self.horizon)
            if !outlook.isEmpty { return .room(outlook) }
            include = { $0.room == room }
        } else {
            // Every room in the publisher's order; one with nothing ahead says so in its place.
            let rooms = schedule.rooms.map { schedule.outlook(room: $0, at: now, horizon: Self.horizon) }
            if rooms.contains(where: { !$0.isEmpty }) {
                // A venue of one room gets the fuller door-screen board.
                return rooms.count == 1 ? .room(rooms[0]) : .venue(rooms)
            }
            include = { _ in true }
        }
        if let first = schedule.firstStart(after: now, where: include) {
            return .startsLater(first, continues: schedule.anyEnded(by: now, where: include))
        }
        return .ended
    }

    /// The venue page on screen and how many there are (pages turn every `pageSeconds`).
    public var page: (index: Int, count: Int) {
        guard case .venue(let rooms) = content else { return (0, 1) }
        let count = max(1, (rooms.count + layout.roomsPerPage - 1) / layout.roomsPerPage)
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

/// `%` that stays in 0..<n for negative values too (times before 1970 are valid `--now`s).
func positiveModulo(_ value: Int, _ n: Int) -> Int { ((value % n) + n) % n }
