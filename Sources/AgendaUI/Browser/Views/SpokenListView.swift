import AgendaCanvas
import AgendaModel

/// The list in screen-reader mode: each row a sentence read left to right ("> 10:30-11:30
/// Rust in Space, Saal 2, running, starred"), the selected one marked with a plain ">",
/// titles wrapped under themselves instead of cut, no columns to jump between.
enum SpokenListView {
    struct Line {
        let row: Int
        let text: String
        /// Cells before the text: the title's column on a session's later lines.
        let x: Int
        let first: Bool
        /// On the line where a session's title begins: its column, where the cursor goes.
        var titleX: Int? = nil
    }

    /// The lines on screen. Rows take one line or more, so the top row may be later than
    /// `listTop`: as many rows are dropped above as the selected row needs to show whole.
    static func lines(_ state: AppState) -> [Line] {
        let height = state.layout.list.height
        guard height > 0, !state.rows.isEmpty else { return [] }
        var top = min(state.listTop, state.cursor)
        var rows = (top...state.cursor).map { lines(ofRow: $0, state) }
        while rows.count > 1, rows.reduce(0, { $0 + $1.count }) > height {
            rows.removeFirst()
            top += 1
        }
        var shown = rows.flatMap { $0 }
        var next = state.cursor + 1
        while shown.count < height, next < state.rows.count {
            shown += lines(ofRow: next, state)
            next += 1
        }
        return Array(shown.prefix(height))
    }

    /// The row shown on line `line` of the list (0 at its top), for clicks.
    static func row(atLine line: Int, _ state: AppState) -> Int? {
        let shown = lines(state)
        return shown.indices.contains(line) ? shown[line].row : nil
    }

    static func lines(ofRow row: Int, _ state: AppState) -> [Line] {
        let width = state.layout.list.width
        switch state.rows[row] {
        case .heading(let label), .note(let label):
            return wrap(state.labels[label], row: row, x: 1, width: width, state)
        case .gap(let minutes):
            return wrap(state.strings.free(minutes), row: row, x: 2, width: width, state)
        case .session(let index):
            let session = state.schedule.sessions[index]
            let time = state.time
            let when = state.isContinuation(index) ? state.strings.continues
                : state.needsDayInTime(index) ? state.strings.dayAndClock(weekday: time.weekday(session.start), clock: time.clock(session.start))
                : time.clock(session.start) + "-" + time.clock(session.end)
            var words = [state.title(of: session)]
            if let room = session.room, !room.isEmpty { words.append(room) }
            if session.isRunning(at: state.now) { words.append(state.strings.runningWord) }
            if state.favourites.contains(session.key) { words.append(state.strings.starredWord) }
            if state.clashes.contains(index) { words.append(state.strings.clashWord) }
            if state.schedule.isCancelled(index) { words.append(state.strings.cancelledWord) }
            if state.schedule.isNotRecorded(at: index) { words.append(state.strings.notRecordedWord) }
            let titleX = 2 + state.measure.cells(when) + 1
            // Too narrow to wrap beside the time: the title goes under it.
            let x = width - titleX >= 12 ? titleX : 2
            let wrapped = wrap(words.joined(separator: ", "), row: row, x: x, width: width, state)
            if x == titleX {
                return [Line(row: row, text: when + " " + wrapped[0].text, x: 2, first: true, titleX: titleX)]
                    + wrapped.dropFirst()
            }
            return [Line(row: row, text: when, x: 2, first: true)]
                + wrapped.enumerated().map { i, line in Line(row: row, text: line.text, x: 2, first: false, titleX: i == 0 ? 2 : nil) }
        }
    }

    private static func wrap(_ text: String, row: Int, x: Int, width: Int, _ state: AppState) -> [Line] {
        let lines = TextLayout.wrap(text, width: max(1, width - x - 1), measure: state.measure)
        return (lines.isEmpty ? [""] : lines).enumerated().map { Line(row: row, text: $1, x: x, first: $0 == 0) }
    }

    static func draw(_ state: AppState, into canvas: inout Canvas) {
        let rect = state.layout.list
        let measure = state.measure
        for (n, line) in lines(state).enumerated() {
            let y = rect.y + n
            let selected = line.row == state.cursor && state.rows[line.row].session != nil
            let role: Role = selected ? .selected : {
                switch state.rows[line.row] {
                case .heading: .heading
                case .gap, .note: .dim
                case .session: .normal
                }
            }()
            if selected { canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: role) }
            if selected, line.first { canvas.put(">", x: rect.x, y: y, role: role, measure: measure) }
            canvas.put(line.text, x: rect.x + line.x, y: y, limit: rect.width - line.x, role: role, measure: measure)
            // On the title, after the time: a screen reader reads the row from there.
            if selected, let titleX = line.titleX { canvas.cursor = Point(x: rect.x + titleX, y: y) }
        }
    }
}
