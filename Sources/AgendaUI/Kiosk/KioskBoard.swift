import AgendaCanvas
import AgendaModel

/// Draws the kiosk board for a state: the one entry point the kiosk run loop needs.
public enum KioskBoard {
    public static func render(_ state: KioskState) -> Canvas {
        var canvas = draw(state)
        if state.showsLeaveHint, let hint = state.options.leaveHint {
            let layout = state.layout
            let labels = KioskLabels(language: state.options.ascii ? .en : state.options.language, timeZone: state.schedule.timeZone)
            var pen = KioskPen(canvas: canvas, measure: state.measure, glyphs: KioskGlyphs(state.options),
                               origin: state.shift, board: layout.board)
            LeaveHintView.draw(hint, KioskView(state: state, layout: layout, labels: labels), pen: &pen)
            canvas = pen.canvas
        }
        // What the views draw is ASCII already; this catches labels and the schedule's own
        // punctuation. The console's font draws the half blocks of block pictures one cell wide.
        canvas.foldAmbiguous(state.options.glyphs, keep: state.options.consoleFont ? BlockRoles.paperRoles : [])
        return canvas
    }

    private static func draw(_ state: KioskState) -> Canvas {
        let layout = state.layout
        let glyphs = KioskGlyphs(state.options)
        var pen = KioskPen(canvas: Canvas(size: state.size), measure: state.measure, glyphs: glyphs,
                           origin: state.shift, board: layout.board)
        guard layout.board.width > 0, layout.board.height > 0 else { return pen.canvas }
        // Chinese labels need a UTF-8 terminal with CJK fonts; ASCII mode means neither.
        let labels = KioskLabels(language: state.options.ascii ? .en : state.options.language,
                                 timeZone: state.schedule.timeZone)
        let view = KioskView(state: state, layout: layout, labels: labels)
        let content: KioskContent
        switch state.screen {
        case .takeover(let takeover):
            KioskNoticesView.takeover(takeover, view, pen: &pen)
            return pen.canvas
        case .dark: return blackout(state.size)
        case .timer:
            StageTimerView.draw(view, pen: &pen)
            return pen.canvas
        case .board(let shown): content = shown
        }
        KioskHeaderView.draw(view, pen: &pen)
        // A door screen's ROOM FULL in block type pushes the board down.
        let bigRoomFull = KioskNoticesView.roomFullBlock(view, pen: &pen)
        let body = bigRoomFull.map { view.below($0) } ?? view
        switch content {
        case .room(let outlook): RoomBoardView.draw(outlook, body, pen: &pen)
        case .venue(let rooms): VenueBoardView.draw(rooms, body, pen: &pen)
        case .startsLater(let session, let continues): KioskMessageView.startsLater(session, continues: continues, body, pen: &pen)
        case .nothingMoreHere(let next): KioskMessageView.nothingMoreHere(next, body, pen: &pen)
        case .ended: KioskMessageView.ended(body, pen: &pen)
        case .unknownRooms(let rooms): KioskMessageView.unknownRooms(rooms, body, pen: &pen)
        case .clockNotSet: KioskMessageView.clockNotSet(body, pen: &pen)
        }
        if bigRoomFull == nil { KioskNoticesView.roomFull(view, pen: &pen) }
        KioskNoticesView.line(view, pen: &pen)
        KioskFooterView.draw(view, pen: &pen)
        return pen.canvas
    }
}

extension KioskBoard {
    /// A frame as text for the screen dump (SIGUSR1): solid cells of block type as "█", so
    /// large letters and digits read there as on the screen.
    public static func text(_ canvas: Canvas) -> String {
        (0..<canvas.size.height).map { y in
            var line = (0..<canvas.size.width).map { x in
                canvas[x, y].role.isInk && canvas[x, y].scalar == " " ? "█" : canvas.text(x: x, y: y)
            }.joined()
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    /// Nothing but black, every cell.
    static func blackout(_ size: Size) -> Canvas {
        var canvas = Canvas(size: size)
        for y in 0..<size.height {
            canvas.put(String(repeating: " ", count: size.width), x: 0, y: y, role: .blackout, measure: .standard)
        }
        return canvas
    }
}

extension KioskState {
    /// Outside every `--on` window (venue wall clock): the screen is black.
    public var isQuiet: Bool {
        guard !options.onHours.isEmpty else { return false }
        let parts = schedule.conference.calendar.dateComponents([.hour, .minute], from: now)
        let minute = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
        return !options.onHours.contains { $0.contains(minute: minute) }
    }
}

/// What every kiosk view needs besides the pen: the state, its layout and its words.
struct KioskView {
    let state: KioskState
    let layout: KioskLayout
    let labels: KioskLabels

    var time: VenueTime { labels.time }

    /// The same view with the body starting `rows` further down.
    func below(_ rows: Int) -> KioskView {
        var moved = layout
        let shift = min(rows, moved.body.height)
        moved.body = Rect(x: moved.body.x, y: moved.body.y + shift, width: moved.body.width, height: moved.body.height - shift)
        return KioskView(state: state, layout: moved, labels: labels)
    }
    var glyphs: KioskGlyphs { KioskGlyphs(state.options) }

    /// The title to lead with: the Chinese edition's on a Chinese board, else the session's.
    func title(_ session: Session) -> String {
        session.leadTitle(chinese: state.options.language == .zh)
    }

    /// On a bilingual board, the Chinese edition's title shown under the English one.
    func secondTitle(_ session: Session) -> String? {
        state.options.language == .bilingual ? session.translation("zh")?.title : nil
    }

    /// `09:00–12:00`, with the separator the terminal can show.
    func range(_ session: Session) -> String {
        time.range(session.start, session.end, separator: glyphs.rangeSeparator)
    }

    /// Speakers, else the subtitle: the second line under a title.
    func byline(_ session: Session) -> String? {
        if !session.persons.isEmpty { return session.persons.joined(separator: ", ") }
        return session.subtitle
    }
}
