import AgendaCanvas
import AgendaModel

/// The rows of the list: sessions (marks, time range, title, room), headings, gaps and notes.
enum SessionListView {
    static func draw(_ state: AppState, into canvas: inout Canvas) {
        let rect = state.layout.list
        let columns = Columns(width: rect.width, longestRoom: state.listShowsRoom ? state.longestRoom : 0,
                              longestTitle: state.listLongestTitle,
                              besideDetail: state.layout.sideBySide && state.size.width >= Layout.wideWidth)
        let rooms = shortRoomNames(state, width: columns.room, rect: rect)
        for screenRow in 0..<rect.height {
            let index = state.listTop + screenRow
            guard index < state.rows.count else { break }
            let y = rect.y + screenRow
            switch state.rows[index] {
            case .heading(let label):
                let text = state.labels[label]
                let used = canvas.put(TextLayout.fit(text, width: rect.width - 2, measure: state.measure),
                                      x: rect.x + 1, y: y, role: .heading, measure: state.measure)
                if used + 3 < rect.width {
                    canvas.put(String(repeating: "─", count: rect.width - used - 3), x: rect.x + used + 2, y: y,
                               role: .border, measure: state.measure)
                }
            case .gap(let minutes):
                canvas.put((state.glyphs.folds ? "~ " : "⋯ ") + state.strings.free(minutes), x: rect.x + columns.timeX, y: y,
                           limit: rect.width - columns.timeX, role: .dim, measure: state.measure)
            case .note(let label):
                canvas.put(TextLayout.fit(state.labels[label], width: rect.width - 2, measure: state.measure),
                           x: rect.x + 1, y: y, role: .dim, measure: state.measure)
            case .session(let sessionIndex):
                drawSession(sessionIndex, selected: index == state.cursor, y: y, rect: rect, columns: columns,
                            rooms: rooms, state: state, into: &canvas)
            }
        }
    }

    private static func drawSession(_ index: Int, selected: Bool, y: Int, rect: Rect, columns: Columns,
                                    rooms: ShortNames, state: AppState, into canvas: inout Canvas) {
        let session = state.schedule.sessions[index]
        let measure = state.measure
        let active = state.focus == .list || !state.detailVisible
        let base: Role = selected ? (active ? .selected : .selectedInactive) : .normal
        func role(_ own: Role) -> Role { selected ? base : own }
        canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: base)

        let running = session.isRunning(at: state.now)
        // Over: dimmed, and marked "·" for terminals (and NO_COLOR) where dim looks like normal.
        let over = session.end <= state.now
        if running { canvas.put("▶", x: rect.x, y: y, role: role(.running), measure: measure) }
        if over { canvas.put("·", x: rect.x, y: y, role: role(.dim), measure: measure) }
        switch state.starred(index) {
        case .mine?: canvas.put("★", x: rect.x + 1, y: y, role: role(.star), measure: measure)
        case .both?: canvas.put(state.friendMark(.both), x: rect.x + 1, y: y, role: role(.star), measure: measure)
        case .theirs?: canvas.put(state.friendMark(.theirs), x: rect.x + 1, y: y, role: role(.accent), measure: measure)
        case nil: break
        }
        // A clash (and a parting from a friend's list) keeps its own colours on the selected row
        // too: it is what must not be missed.
        if state.clashes.contains(index) || state.friend?.apart.contains(index) == true {
            canvas.put("!", x: rect.x + 2, y: y, role: .clash, measure: measure)
        }
        let tint = state.tint(of: session)
        if tint != 0 { canvas.put("▐", x: rect.x + 3, y: y, role: .trackMark, tint: tint, measure: measure) }
        let time = state.time
        let continuation = state.isContinuation(index)
        let when = continuation ? state.strings.continues
            : state.needsDayInTime(index) ? state.strings.dayAndClock(weekday: time.weekday(session.start), clock: time.clock(session.start))
            : time.clock(session.start) + "–" + time.clock(session.end)
        canvas.put(when,
                   x: rect.x + columns.timeX, y: y, role: role(running ? .running : over ? .dim : .listTime), measure: measure)

        // New, changed and cancelled sessions carry a mark before the title; cancelled ones are dimmed.
        var titleX = rect.x + columns.titleX, titleWidth = columns.title
        if continuation {
            // On the days after its first, a session over several days says when it ends.
            let until = state.strings.until(weekday: time.weekday(session.end), clock: time.clock(session.end)) + " · "
            let used = measure.cells(until)
            if used < titleWidth - 4 {
                canvas.put(until, x: titleX, y: y, role: role(.listTime), measure: measure)
                titleX += used
                titleWidth -= used
            }
        }
        if let mark = state.changeMark(index), titleWidth > 4 {
            canvas.put(mark, x: titleX, y: y, role: role(.warning), measure: measure)
            titleX += 2
            titleWidth -= 2
        }
        // The publisher says it will not be recorded: see it live.
        if state.schedule.isNotRecorded(at: index), titleWidth > 4 {
            canvas.put(state.glyphs.folds ? "o" : "⊘", x: titleX, y: y, role: role(.accent), measure: measure)
            titleX += 2
            titleWidth -= 2
        }
        // The cursor stands where the title begins: a screen reader reads from there.
        if selected { canvas.cursor = Point(x: titleX, y: y) }
        // A result whose title does not say why it is listed gets a word on it after the title.
        // A title the query is in needs no cue: its matches are looked for once, for both.
        let whole = state.title(of: session)
        let wholeRanges = state.matchRanges(in: whole)
        let cue = state.list == .results && wholeRanges.isEmpty ? state.matchCue(untitled: index).map { " · " + $0 } : nil
        let cueCells = cue.map(measure.cells) ?? 0
        let titleRoom = cueCells > 0 && titleWidth - cueCells >= 12 ? titleWidth - cueCells : titleWidth
        let title = TextLayout.fit(whole, width: titleRoom, measure: measure)
        let used = drawHighlighted(title, ranges: title == whole ? wholeRanges : state.matchRanges(in: title), x: titleX, y: y,
                                   role: state.schedule.isCancelled(index) || over ? role(.dim) : base, measure: measure, into: &canvas)
        if let cue, titleRoom < titleWidth {
            canvas.put(cue, x: titleX + used, y: y, role: role(.dim), measure: measure)
        }
        if columns.room > 0, let room = state.room(of: session) {
            canvas.put(rooms.label(room) ?? TextLayout.fit(room, width: columns.room, measure: measure),
                       x: rect.x + columns.roomX, y: y, role: role(over ? .dim : .listRoom), measure: measure)
        }
    }

    /// The room names as the column shows them; nothing to work out on a frame where every
    /// name fits (a Chinese edition's names are not among those measured once, so always then).
    private static func shortRoomNames(_ state: AppState, width: Int, rect: Rect) -> ShortNames {
        guard width > 0, state.longestRoom > width || state.strings.language == .zh else {
            return ShortNames([], width: width, measure: state.measure)
        }
        let visible = state.rows[min(state.listTop, state.rows.count)..<min(state.listTop + rect.height, state.rows.count)]
        let shown = Set(visible.compactMap { $0.session.flatMap { state.room(of: state.schedule.sessions[$0]) } })
        return ShortNames(Array(shown.union(state.rooms.names)), width: width, measure: state.measure)
    }

    /// Draws `text` with the scalar ranges in the match role (search hits).
    /// Returns the cells drawn.
    @discardableResult
    static func drawHighlighted(_ text: String, ranges: [Range<Int>], x: Int, y: Int, role: Role,
                                measure: TextMeasure, into canvas: inout Canvas) -> Int {
        guard !ranges.isEmpty else {
            return canvas.put(text, x: x, y: y, role: role, measure: measure)
        }
        let scalars = text.unicodeScalars
        var column = x, offset = 0, position = scalars.startIndex
        for range in ranges where range.lowerBound >= offset {
            guard let from = scalars.index(position, offsetBy: range.lowerBound - offset, limitedBy: scalars.endIndex),
                  let to = scalars.index(from, offsetBy: range.count, limitedBy: scalars.endIndex) else { break }
            column += canvas.put(Substring(scalars[position..<from]), x: column, y: y, role: role, measure: measure)
            column += canvas.put(Substring(scalars[from..<to]), x: column, y: y, role: .match, measure: measure)
            position = to
            offset = range.upperBound
        }
        column += canvas.put(Substring(scalars[position...]), x: column, y: y, role: role, measure: measure)
        return column - x
    }

    /// Column positions for a list of `width` cells: marks (3), the track's bar, a space, time
    /// (11), title, room when it fits.
    struct Columns {
        let timeX = 5
        static let titleStart = 18
        let titleX = titleStart
        let title: Int
        let room: Int
        let roomX: Int

        init(width: Int, longestRoom: Int, longestTitle: Int, besideDetail: Bool = false) {
            // Narrow lists (beside the detail, which names the room anyway) give the title more,
            // but the room gets whatever the longest title does not need.
            let share = besideDetail ? width / 6 : width >= 60 ? width * 3 / 10 : width / 5
            let spare = width - 1 - titleX - 2 - longestTitle
            room = width >= 44 ? min(longestRoom, 28, max(8, share, spare)) : 0
            roomX = width - 1 - room
            title = max(1, (room > 0 ? roomX - 2 : width - 1) - titleX)
        }

        /// The list width at which the longest title and the longest room (up to 28 cells) both fit.
        static func widthShowingWhole(longestTitle: Int, longestRoom: Int) -> Int {
            titleStart + longestTitle + 2 + min(longestRoom, 28) + 1
        }
    }
}
