import AgendaModel

/// One row per session: time range, title, room; the selection highlighted.
enum SessionListView {
    static func draw(_ state: AppState, into canvas: inout Canvas) {
        let rect = state.layout.list
        let measure = state.measure
        let sessions = state.schedule.sessions
        let time = VenueTime(timeZone: state.schedule.timeZone)
        guard !sessions.isEmpty else {
            canvas.put("No sessions in this schedule.", x: rect.x + 1, y: rect.y, limit: rect.width - 2, role: .dim, measure: measure)
            return
        }
        let columns = Columns(width: rect.width, longestRoom: state.longestRoom)
        for row in 0..<rect.height {
            let index = state.listTop + row
            guard index < sessions.count else { break }
            let session = sessions[index]
            let y = rect.y + row
            let selected = index == state.selection
            let active = state.focus == .list || !state.detailVisible
            let base: Role = selected ? (active ? .selected : .selectedInactive) : .normal
            canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: base)
            canvas.put(time.clock(session.start) + "–" + time.clock(session.end), x: rect.x + 1, y: y,
                       role: selected ? base : (session.isRunning(at: state.now) ? .running : .listTime), measure: measure)
            canvas.put(TextLayout.fit(session.title, width: columns.title, measure: measure),
                       x: rect.x + columns.titleX, y: y, role: base, measure: measure)
            if columns.room > 0, let room = session.room {
                canvas.put(TextLayout.fit(room, width: columns.room, measure: measure),
                           x: rect.x + columns.roomX, y: y, role: selected ? base : .listRoom, measure: measure)
            }
        }
    }

    /// Column widths for a list of `width` cells: time (11), title (the rest), room (when it fits,
    /// and no wider than the longest room name).
    struct Columns {
        let titleX = 14
        let title: Int
        let room: Int
        let roomX: Int

        init(width: Int, longestRoom: Int) {
            room = width >= 40 ? min(longestRoom, 28, max(10, width * 3 / 10)) : 0
            roomX = width - 1 - room
            title = max(1, (room > 0 ? roomX - 2 : width - 1) - titleX)
        }
    }
}
