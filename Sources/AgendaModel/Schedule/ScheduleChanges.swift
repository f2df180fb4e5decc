import Foundation

/// How one session differs from the previous version of its source.
public struct SessionChange: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable { case new, changed, cancelled }

    /// The fields that matter to someone planning their day.
    public struct Fields: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let time = Fields(rawValue: 1)
        public static let room = Fields(rawValue: 2)
        public static let title = Fields(rawValue: 4)
        public static let persons = Fields(rawValue: 8)
        public static let duration = Fields(rawValue: 16)

        public static let all: [(Fields, String)] = [
            (.time, "time"), (.room, "room"), (.title, "title"), (.persons, "persons"), (.duration, "duration"),
        ]
        /// `time, room`: the names in a fixed order.
        public var names: [String] { Self.all.filter { contains($0.0) }.map(\.1) }
    }

    public var kind: Kind
    /// For `.changed`: what differs.
    public var fields: Fields
    /// The version before (for `.changed` and `.cancelled`; a cancelled session is that version).
    public var previous: Session?
    /// For the stand-in a board leaves where a session used to be: where it went.
    public var movedTo: Session?

    public init(kind: Kind, fields: Fields = [], previous: Session? = nil, movedTo: Session? = nil) {
        self.kind = kind
        self.fields = fields
        self.previous = previous
        self.movedTo = movedTo
    }

    /// The fields of `new` that differ from `old`.
    public static func fields(from old: Session, to new: Session) -> Fields {
        var fields: Fields = []
        if old.start != new.start { fields.insert(.time) }
        if (old.room ?? "") != (new.room ?? "") { fields.insert(.room) }
        if old.title != new.title { fields.insert(.title) }
        if old.persons != new.persons { fields.insert(.persons) }
        if old.duration != new.duration { fields.insert(.duration) }
        return fields
    }
}

/// Compares two versions of a schedule, session by `Session.key`.
///
/// Sessions whose key is new are `.new`; those whose key is gone are `.cancelled` and are
/// kept in the schedule (in their old place) until the next version; those whose time, room,
/// title, persons or duration differ are `.changed`. Keys that repeat (merged files) are
/// paired in programme order.
public enum ScheduleChanges {
    /// `current` with the cancelled sessions of `previous` added back and every session marked.
    /// Nil `previous` (the first version seen) marks nothing.
    public static func track(previous: Schedule?, current: Schedule) -> Schedule {
        guard let previous else { return current }
        var old: [String: [Session]] = [:]
        for session in previous.sessions { old[session.key, default: []].append(session) }
        var seen: [String: Int] = [:]
        var marked: [(Session, SessionChange?)] = []
        marked.reserveCapacity(current.sessions.count)
        for session in current.sessions {
            let key = session.key
            let occurrence = seen[key, default: 0]
            seen[key] = occurrence + 1
            guard let before = old[key], occurrence < before.count else {
                marked.append((session, SessionChange(kind: .new)))
                continue
            }
            let fields = SessionChange.fields(from: before[occurrence], to: session)
            marked.append((session, fields.isEmpty ? nil : SessionChange(kind: .changed, fields: fields, previous: before[occurrence])))
        }
        for (key, sessions) in old {
            for gone in sessions.dropFirst(seen[key, default: 0]) {
                marked.append((gone, SessionChange(kind: .cancelled, previous: gone)))
            }
        }
        return assemble(current, marked)
    }

    /// A schedule of `marked` sessions with their marks, in the order `Schedule` keeps.
    static func assemble(_ template: Schedule, _ marked: [(Session, SessionChange?)]) -> Schedule {
        // A stable sort by the schedule's own order keeps each mark beside its session.
        let rooms = RoomOrder(template.conference.rooms)
        let ordered = marked.enumerated().sorted { a, b in
            if Session.programmeOrder(a.element.0, b.element.0, rooms) { return true }
            if Session.programmeOrder(b.element.0, a.element.0, rooms) { return false }
            return a.offset < b.offset
        }.map(\.element)
        var schedule = Schedule(conference: template.conference, sessions: ordered.map(\.0))
        schedule.warnings = template.warnings
        if schedule.sessions == ordered.map(\.0) {
            schedule.changes = ordered.map(\.1)
        } else {
            // Ties sorted differently: find each mark by session.
            var byKey: [String: [SessionChange?]] = [:]
            for (session, change) in ordered { byKey[session.key, default: []].append(change) }
            var used: [String: Int] = [:]
            schedule.changes = schedule.sessions.map { session in
                let n = used[session.key, default: 0]
                used[session.key] = n + 1
                return byKey[session.key].flatMap { n < $0.count ? $0[n] : nil }
            }
        }
        if schedule.changes.allSatisfy({ $0 == nil }) { schedule.changes = [] }
        return schedule
    }
}

extension Schedule {
    /// For venue boards: a stand-in at the old time and room of every session that moved, so
    /// the screen by the old door says where it went (marked cancelled, `movedTo` set). A
    /// cancelled session or stand-in whose slot another session now fills is left out: the
    /// board shows what is on.
    public func withMoveNotices() -> Schedule {
        guard !changes.isEmpty else { return self }
        var marked = sessions.enumerated().map { ($0.element, change(at: $0.offset)) }
        for (index, session) in sessions.enumerated() {
            guard let change = change(at: index), change.kind == .changed, let old = change.previous,
                  !change.fields.isDisjoint(with: [.time, .room]) else { continue }
            marked.append((old, SessionChange(kind: .cancelled, fields: change.fields, previous: old, movedTo: session)))
        }
        let live = marked.filter { $0.1?.kind != .cancelled }.map(\.0)
        marked.removeAll { session, change in
            change?.kind == .cancelled && live.contains { other in
                other.room == session.room && other.start < max(session.end, session.start + 60)
                    && session.start < max(other.end, other.start + 60)
            }
        }
        return ScheduleChanges.assemble(self, marked)
    }

    /// The change mark of the session at `index`, nil when unchanged or not tracked.
    public func change(at index: Int) -> SessionChange? {
        changes.indices.contains(index) ? changes[index] : nil
    }

    /// Indices of the sessions that are new, changed or cancelled.
    public var changedIndices: [Int] {
        changes.indices.filter { changes[$0] != nil }
    }

    /// Whether the session at `index` was taken out of this version (kept only to show it).
    public func isCancelled(_ index: Int) -> Bool { change(at: index)?.kind == .cancelled }

    /// Several schedules as one programme, their change marks kept; an English and a Chinese
    /// edition of the same sessions become one (`mergingEditions`).
    public static func mergingTracked(_ schedules: [Schedule]) -> Schedule? {
        mergingEditions(schedules)
    }

    /// Every session of every schedule, change marks kept: the first one's conference.
    static func concatenatingTracked(_ schedules: [Schedule]) -> Schedule? {
        guard var first = schedules.first else { return nil }
        if schedules.count == 1 { return first }
        first.conference.rooms = Schedule.mergedRooms(schedules)
        first.conference.roomGuids = Schedule.mergedRoomGuids(schedules)
        var marked: [(Session, SessionChange?)] = []
        for schedule in schedules {
            for (index, session) in schedule.sessions.enumerated() { marked.append((session, schedule.change(at: index))) }
        }
        return ScheduleChanges.assemble(first, marked)
    }
}
