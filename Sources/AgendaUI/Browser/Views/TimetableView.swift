import Foundation
import AgendaCanvas
import AgendaModel

/// Rooms as columns, time flowing down; each session a box with its title, the selected one
/// highlighted, a line across at the current time.
enum TimetableView {
    static func draw(_ state: AppState, into canvas: inout Canvas) {
        let grid = TimetableGrid(state)
        let measure = state.measure
        let body = grid.body
        guard !grid.sessions.isEmpty else {
            // The list's notes: nothing this day, and where the filter shows sessions.
            for (line, label) in state.labels.prefix(body.height).enumerated() {
                canvas.put(TextLayout.fit(label, width: body.width - 2, measure: measure), x: body.x + 1, y: body.y + line,
                           role: .dim, measure: measure)
            }
            return
        }
        // Room names, with arrows when columns are scrolled out of view.
        for column in 0..<grid.visibleColumns {
            let room = grid.rooms[grid.firstColumn + column]
            let x = body.x + TimetableGrid.gutter + column * grid.columnWidth
            canvas.put(TextLayout.fit(room.isEmpty ? state.strings.noRoom : room, width: grid.columnWidth - 1, measure: measure),
                       x: x, y: body.y, role: .heading, measure: measure)
        }
        if grid.firstColumn > 0 { canvas.put("◀", x: body.x, y: body.y, role: .accent, measure: measure) }
        if grid.firstColumn + grid.visibleColumns < grid.rooms.count {
            canvas.put("▶", x: body.x + body.width - 1, y: body.y, role: .accent, measure: measure)
        }

        // Time down the gutter at every full and half hour; the now line across.
        let time = state.time
        let nowSlot = grid.slot(of: state.now)
        for row in 0..<grid.visibleRows {
            let slot = grid.firstSlot + row
            let y = body.y + 1 + row
            let date = grid.start.addingTimeInterval(Double(slot) * grid.slotSeconds)
            let minute = time.calendar.component(.minute, from: date)
            if slot == nowSlot, state.now >= grid.start {
                canvas.put(String(repeating: "─", count: body.width), x: body.x, y: y, role: .nowLine, measure: measure)
                canvas.put(time.clock(state.now), x: body.x, y: y, role: .running, measure: measure)
            } else if minute % 30 == 0 || grid.slotSeconds >= 1800 {
                canvas.put(time.clock(date), x: body.x, y: y, role: .listTime, measure: measure)
            }
        }

        for index in grid.sessions {
            guard let box = grid.box(of: index, in: state.schedule) else { continue }
            drawBox(index, box: box, grid: grid, state: state, into: &canvas)
        }
    }

    private static func drawBox(_ index: Int, box: Rect, grid: TimetableGrid, state: AppState, into canvas: inout Canvas) {
        let session = state.schedule.sessions[index]
        let measure = state.measure
        let selected = index == state.selected
        let fill: Role = selected ? (state.focus == .list ? .selected : .selectedInactive) : .box
        canvas.fill(box, role: fill)
        if selected { canvas.cursor = Point(x: box.x + 1, y: box.y) }
        let tint = state.tint(of: session)
        for y in box.y..<(box.y + box.height) {
            canvas.put(tint != 0 ? "▌" : "▏", x: box.x, y: y, role: tint != 0 ? .trackMark : (selected ? fill : .border),
                       tint: tint, measure: measure)
        }
        var marks = state.changeMark(index) ?? ""
        if state.favourites.contains(session.key) { marks += "★" }
        if state.clashes.contains(index) { marks += "!" }
        // The title wraps over the box; when the box starts above the view, say so with "↑".
        let clippedTop = grid.slots(of: session).lowerBound < grid.firstSlot
        let text = (clippedTop ? "↑ " : "") + (marks.isEmpty ? "" : marks + " ") + state.title(of: session)
        // One line more than fits tells whether the title was cut short.
        var lines = TextLayout.wrap(text, width: max(1, box.width - 1), measure: measure, maxLines: box.height + 1)
        if lines.count > box.height, box.height > 0 {
            lines = Array(lines.prefix(box.height))
            lines[box.height - 1] = TextLayout.fit(lines[box.height - 1] + " …", width: box.width - 1, measure: measure)
        } else if lines.count < box.height {
            lines.append(state.time.range(session.start, session.end))
        }
        for (row, line) in lines.prefix(box.height).enumerated() {
            canvas.put(line, x: box.x + 1, y: box.y + row, limit: box.width - 1,
                       role: selected ? fill : (row == 0 ? .boxTitle : .box), measure: measure)
        }
    }
}
