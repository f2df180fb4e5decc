import Foundation
import AgendaModel

/// Moving through the timetable: up and down within a room, sideways between rooms.
extension AppState {
    private func columnSessions(_ grid: TimetableGrid, _ column: Int) -> [Int] {
        grid.sessions.filter { grid.column(of: $0) == column }
    }

    /// The session of `candidates` starting nearest to `time`.
    private func nearest(_ candidates: [Int], to time: Date) -> Int? {
        candidates.min { abs(schedule.sessions[$0].start.timeIntervalSince(time)) < abs(schedule.sessions[$1].start.timeIntervalSince(time)) }
    }

    mutating func timetableMove(_ n: Int) {
        let grid = TimetableGrid(self)
        guard let selected, grid.sessions.contains(selected) else { return select(grid.sessions.first) }
        let column = columnSessions(grid, grid.column(of: selected))
        guard let position = column.firstIndex(of: selected) else { return }
        select(column[max(0, min(position + n, column.count - 1))])
    }

    mutating func timetablePage(_ n: Int) {
        let grid = TimetableGrid(self)
        guard let selected, grid.sessions.contains(selected) else { return select(grid.sessions.first) }
        let target = schedule.sessions[selected].start.addingTimeInterval(Double(n * grid.visibleRows) * grid.slotSeconds)
        if let best = nearest(columnSessions(grid, grid.column(of: selected)), to: target) { select(best) }
    }

    mutating func timetableEnd(first: Bool) {
        let grid = TimetableGrid(self)
        let column = selected.map { grid.column(of: $0) } ?? 0
        let sessions = columnSessions(grid, column)
        select(first ? sessions.first : sessions.last)
    }

    /// The nearest session in the next room (empty rooms are passed over).
    mutating func timetableSideways(_ n: Int) {
        let grid = TimetableGrid(self)
        guard let selected, grid.sessions.contains(selected) else { return select(grid.sessions.first) }
        var column = grid.column(of: selected) + n
        while column >= 0, column < grid.rooms.count {
            if let best = nearest(columnSessions(grid, column), to: schedule.sessions[selected].start) {
                return select(best)
            }
            column += n > 0 ? 1 : -1
        }
    }

    mutating func scrollTimetable(by n: Int) {
        let grid = TimetableGrid(self)
        timetable.firstSlot = max(0, min(grid.firstSlot + n, grid.slotCount - grid.visibleRows))
    }

    /// The grid as it first appears (the view chosen, another day, `t`): the now line in the
    /// upper third when the day holds it, else the selected box's start there.
    mutating func placeTimetable() {
        guard showsTimetable else { return }
        let grid = TimetableGrid(self)
        let third = grid.visibleRows / 3
        let nowSlot = grid.slot(of: now)
        if now >= grid.start, nowSlot < grid.slotCount {
            timetable.firstSlot = max(0, min(nowSlot - third, grid.slotCount - grid.visibleRows))
        } else if let selected, grid.sessions.contains(selected) {
            timetable.firstSlot = max(0, min(grid.slots(of: schedule.sessions[selected]).lowerBound - third, grid.slotCount - grid.visibleRows))
        }
        keepSelectionInTimetable()
    }

    /// Scrolls the grid so the selected box's column and first row are on screen.
    mutating func keepSelectionInTimetable() {
        let grid = TimetableGrid(self)
        guard let selected, grid.sessions.contains(selected) else {
            timetable = TimetablePosition(firstColumn: grid.firstColumn, firstSlot: grid.firstSlot)
            return
        }
        var position = TimetablePosition(firstColumn: grid.firstColumn, firstSlot: grid.firstSlot)
        let column = grid.column(of: selected)
        if column < position.firstColumn { position.firstColumn = column }
        if column >= position.firstColumn + grid.visibleColumns { position.firstColumn = column - grid.visibleColumns + 1 }
        let span = grid.slots(of: schedule.sessions[selected])
        if span.lowerBound < position.firstSlot { position.firstSlot = span.lowerBound }
        if span.lowerBound >= position.firstSlot + grid.visibleRows { position.firstSlot = span.lowerBound - grid.visibleRows / 3 }
        position.firstSlot = max(0, min(position.firstSlot, grid.slotCount - grid.visibleRows))
        timetable = position
    }
}
