import Foundation
import AgendaCanvas
import AgendaModel

/// The geometry of the timetable for one day: rooms as columns, time flowing down in slots.
/// Shared by the view (to draw) and the reducer (to navigate and hit-test clicks).
struct TimetableGrid {
    static let gutter = 6
    static let minimumColumn = 16

    let sessions: [Int]
    let rooms: [String]
    /// Each session's room number (`AppState.rooms`) and each room number's column.
    private let roomNumber: [Int32]
    private let columnOfRoom: [Int]
    let slotSeconds: TimeInterval
    let start: Date
    let slotCount: Int
    let body: Rect
    let columnWidth: Int
    let visibleColumns: Int
    /// Slot rows under the row of room names.
    let visibleRows: Int
    let firstColumn: Int
    let firstSlot: Int
    /// Sessions another in the same room starts right after (in slots).
    private let followed: Set<Int>

    init(_ state: AppState) {
        let schedule = state.schedule
        sessions = state.daySessions()
        // Every room in the publisher's order, also those with nothing this day (they still
        // exist); not those the filter hides, nor "no room" unless a session has none.
        roomNumber = state.rooms.number
        let names = state.rooms.names
        var present = [Bool](repeating: false, count: names.count)
        for index in sessions { present[Int(roomNumber[index])] = true }
        let hidden = state.filter.hidden[.room] ?? []
        var columnOfRoom = [Int](repeating: 0, count: present.count)
        var rooms: [String] = []
        for room in present.indices where present[room] || (!names[room].isEmpty && !hidden.contains(names[room])) {
            columnOfRoom[room] = rooms.count
            rooms.append(state.rooms.names[room])
        }
        self.rooms = rooms
        self.columnOfRoom = columnOfRoom

        // Rows as fine as the shortest session needs, between 5 and 15 minutes.
        let shortest = sessions.map { schedule.sessions[$0].duration }.filter { $0 > 0 }.min() ?? 900
        slotSeconds = TimeInterval(max(5, min(15, Int(shortest / 60) / 5 * 5)) * 60)
        // Sessions continuing from an earlier day start before this one: the grid begins with
        // the day's own first session (or at its day change) and covers one day at most.
        let continuing = schedule.days.indices.contains(state.day) ? Set(schedule.days[state.day].continuing) : []
        let own = sessions.first { !continuing.contains($0) }.map { schedule.sessions[$0].start }
        let first = own ?? (continuing.isEmpty ? nil : Self.dayStart(schedule, state.day)) ?? sessions.first.map { schedule.sessions[$0].start } ?? state.now
        let offset = TimeInterval(state.displayZone.secondsFromGMT(for: first))
        start = Date(timeIntervalSince1970: ((first.timeIntervalSince1970 + offset) / 3600).rounded(.down) * 3600 - offset)
        let end = min(sessions.map { schedule.sessions[$0].end }.max() ?? first, start.addingTimeInterval(86400))
        slotCount = max(1, Int((end.timeIntervalSince(start) / slotSeconds).rounded(.up)))

        body = state.layout.list
        let available = max(1, body.width - Self.gutter)
        // Wider terminals get wider columns (fewer words broken), not only more of them; the
        // room left over is shared out so the grid fills the width.
        let least = max(Self.minimumColumn, min(28, Self.minimumColumn + (available - 100) / 8))
        let fitting = rooms.isEmpty ? available : max(least, min(40, available / rooms.count))
        columnWidth = rooms.isEmpty ? available : max(fitting, available / max(1, min(rooms.count, available / fitting)))
        visibleColumns = max(1, min(rooms.count, available / columnWidth))
        visibleRows = max(1, body.height - 1)
        firstColumn = max(0, min(state.timetable.firstColumn, rooms.count - visibleColumns))
        firstSlot = max(0, min(state.timetable.firstSlot, slotCount - visibleRows))

        var ends: [Int: [Int: Int]] = [:]   // column → end slot → session
        var followed = Set<Int>()
        for index in sessions { ends[columnOfRoom[Int(roomNumber[index])], default: [:]][Self.endSlot(schedule.sessions[index], start, slotSeconds)] = index }
        for index in sessions {
            let first = Int((schedule.sessions[index].start.timeIntervalSince(start) / slotSeconds).rounded(.down))
            if let before = ends[columnOfRoom[Int(roomNumber[index])]]?[first], before != index { followed.insert(before) }
        }
        self.followed = followed
    }

    private static func endSlot(_ session: Session, _ start: Date, _ slotSeconds: TimeInterval) -> Int {
        let first = Int((session.start.timeIntervalSince(start) / slotSeconds).rounded(.down))
        return max(first + 1, Int((session.end.timeIntervalSince(start) / slotSeconds).rounded(.up)))
    }

    /// The moment conference day `day` begins (its date at the day change), in the venue zone.
    static func dayStart(_ schedule: Schedule, _ day: Int) -> Date? {
        var parts = schedule.days[day].date
        parts.hour = schedule.conference.dayChange.hour
        parts.minute = schedule.conference.dayChange.minute
        return schedule.conference.calendar.date(from: parts)
    }

    func slot(of date: Date) -> Int { Int((date.timeIntervalSince(start) / slotSeconds).rounded(.down)) }

    func column(of index: Int) -> Int { columnOfRoom[Int(roomNumber[index])] }

    /// First and one-past-last slot of a session; at least one slot, so a 3-minute talk shows.
    func slots(of session: Session) -> Range<Int> {
        slot(of: session.start)..<Self.endSlot(session, start, slotSeconds)
    }

    /// The session's box on screen, clipped to the visible grid; nil when scrolled out of view.
    /// A box that another in its room follows at once ends a row early, so that back-to-back
    /// sessions do not run together.
    func box(of index: Int, in schedule: Schedule) -> Rect? {
        let column = column(of: index) - firstColumn
        guard column >= 0, column < visibleColumns else { return nil }
        var span = slots(of: schedule.sessions[index])
        if span.count >= 2, followed.contains(index) { span = span.lowerBound..<(span.upperBound - 1) }
        let top = max(span.lowerBound, firstSlot), bottom = min(span.upperBound, firstSlot + visibleRows)
        guard top < bottom else { return nil }
        return Rect(x: body.x + Self.gutter + column * columnWidth, y: body.y + 1 + top - firstSlot,
                    width: columnWidth - 1, height: bottom - top)
    }

    func session(atX x: Int, y: Int, in schedule: Schedule) -> Int? {
        sessions.last { box(of: $0, in: schedule)?.contains(x: x, y: y) ?? false }
    }
}
