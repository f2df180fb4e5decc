import Foundation

/// What a screen at a door or in a hall asks of the programme for one room at one instant.
public struct RoomOutlook: Sendable, Equatable {
    /// The room; nil for sessions that name none (plenaries held "everywhere").
    public var room: String?
    /// The session running now; if several overlap, the one that started last.
    public var current: Session?
    /// The first session that starts after `now`, if it starts within the horizon.
    public var next: Session?
    /// Sessions after `next` on the same conference day as `now`, within the horizon.
    public var later: [Session]

    public var isEmpty: Bool { current == nil && next == nil }
}

extension Schedule {
    /// Rooms in the publisher's order (`Conference.rooms`), then any others in the order their
    /// first session appears; nil (sessions with no room) last.
    public var rooms: [String?] {
        var seen = Set(conference.rooms), ordered: [String?] = conference.rooms, hasNoRoom = false
        for i in sessions.indices {
            guard let room = sessions[i].room else { hasNoRoom = true; continue }
            if seen.insert(room).inserted { ordered.append(room) }
        }
        return hasNoRoom ? ordered + [nil] : ordered
    }

    /// The room of this schedule that `name` means (`NameMatch`): exact, else the only one
    /// alike once case and accents are folded ("cafe" is "Café"), else the only one it begins
    /// or whose words it names.
    public func room(named name: String) -> String? {
        NameMatch(name, among: rooms.compactMap { $0 }).name
    }

    /// Now, next and the rest of the day in `room`, hiding what starts more than `horizon` ahead.
    public func outlook(room: String?, at now: Date, horizon: TimeInterval) -> RoomOutlook {
        let inRoom = sessions.filter { $0.room == room }
        let current = inRoom.filter { $0.isRunning(at: now) }.max { $0.start < $1.start }
        let limit = now.addingTimeInterval(horizon)
        let ahead = inRoom.filter { $0.start > now && $0.start <= limit }
        let today = conferenceDay(of: now)
        let later = ahead.dropFirst().filter { conferenceDay(of: $0.start) == today }
        return RoomOutlook(room: room, current: current, next: ahead.first, later: Array(later))
    }

    /// The conference day an instant belongs to (a 01:00 instant counts to the day before).
    public func conferenceDay(of date: Date) -> DateComponents {
        let shift = TimeInterval((conference.dayChange.hour ?? 0) * 3600 + (conference.dayChange.minute ?? 0) * 60)
        return conference.calendar.dateComponents([.year, .month, .day], from: date.addingTimeInterval(-shift))
    }

    /// The first session (among those `include` accepts) starting after `now`, however far
    /// ahead: what a board says when nothing comes within its horizon.
    public func firstStart(after now: Date, where include: (Session) -> Bool = { _ in true }) -> Session? {
        sessions.first { $0.start > now && include($0) }
    }

    /// Whether any session (among those `include` accepts) has ended by `now`.
    public func anyEnded(by now: Date, where include: (Session) -> Bool = { _ in true }) -> Bool {
        sessions.contains { $0.end <= now && include($0) }
    }

    /// Each schedule's rooms in its order, the first schedule's first.
    static func mergedRooms(_ schedules: [Schedule]) -> [String] {
        var seen = Set<String>(), rooms: [String] = []
        for schedule in schedules {
            for case let room? in schedule.rooms where seen.insert(room).inserted { rooms.append(room) }
        }
        return rooms
    }

    /// Every schedule's room guids; the first schedule's name wins for a guid in several.
    static func mergedRoomGuids(_ schedules: [Schedule]) -> [String: String] {
        schedules.reduce(into: [:]) { guids, schedule in guids.merge(schedule.conference.roomGuids) { first, _ in first } }
    }

    /// One schedule from several (a CACIE page holds one session): the first one's conference,
    /// every session of all of them.
    public static func merging(_ schedules: [Schedule]) -> Schedule? {
        guard let first = schedules.first else { return nil }
        if schedules.count == 1 { return first }
        var conference = first.conference
        conference.rooms = mergedRooms(schedules)
        conference.roomGuids = mergedRoomGuids(schedules)
        return Schedule(conference: conference, sessions: schedules.flatMap(\.sessions))
    }
}
