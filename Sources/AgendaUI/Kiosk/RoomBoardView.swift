import AgendaModel
import Foundation

/// A door screen: what is on now (with how far along it is), what comes next (with how soon),
/// then the rest of the day, as far as the screen reaches.
enum RoomBoardView {
    static func draw(_ outlook: RoomOutlook, _ view: KioskView, pen: inout KioskPen) {
        let body = view.layout.body
        var cursor = Cursor(x: body.x, y: body.y, width: body.width, bottom: body.y + body.height)
        let labels = view.labels, now = view.state.now
        let titleLines = body.height >= 14 ? 2 : 1
        // On a door screen with room to spare, the current title in block type across the body.
        var bigTitle: BlockText?
        if view.state.doorRooms != nil, body.height >= 28, let current = outlook.current {
            bigTitle = BlockText.fit(view.title(current), width: body.width, rows: body.height / 3, maxLines: 2,
                                     maxAcross: 2, halfBlocks: pen.glyphs.halfBlocks)
        }
        if let bigTitle {
            cursor.label(labels.now, pen: &pen)
            bigTitle.draw(x: cursor.x, y: cursor.y, width: bigTitle.width, roles: .clock, pen: &pen)
            cursor.skip(bigTitle.rows + 1)
        }
        // The QR code at the bottom right, its caption under it, beside at least 40 columns of text.
        if let (code, caption) = QRCodeView.code(for: outlook.current ?? outlook.next, room: outlook.room, view),
           code.rows + 1 <= cursor.rowsLeft, body.width - code.cells - 2 >= 40 {
            let top = body.y + body.height - code.rows - 1
            QRCodeView.draw(code, x: body.x + body.width - code.cells, y: top, pen: &pen)
            pen.centred(caption, x: body.x + body.width - code.cells, y: top + code.rows, width: code.cells, role: .accent)
            cursor = Cursor(x: body.x, y: cursor.y, width: body.width - code.cells - 2, bottom: body.y + body.height)
        }
        // The room's extras from the venue file at the foot of the text, where there is room.
        let extras = view.state.doorRooms == nil ? [] : view.extrasLines(outlook.room)
        if !extras.isEmpty, cursor.rowsLeft >= extras.count + 8 {
            let top = cursor.bottom - extras.count
            for (i, line) in extras.enumerated() {
                let used = pen.text(line.label, x: cursor.x, y: top + i, width: cursor.width, role: .label)
                pen.text(line.text, x: cursor.x + used + (used > 0 ? 2 : 0), y: top + i,
                         width: cursor.width - used - (used > 0 ? 2 : 0), role: .normal)
            }
            cursor = Cursor(x: cursor.x, y: cursor.y, width: cursor.width, bottom: top - 1)
        }

        if view.state.doorRooms == nil, body.height >= 12 {
            // The header names the conference: say which room this is.
            cursor.line(pen: &pen) { pen, x, y, width in
                pen.text(outlook.room ?? labels.allRooms, x: x, y: y, width: width, role: .headerAccent)
            }
            cursor.gap()
        }
        if bigTitle == nil { cursor.label(labels.now, pen: &pen) }
        if let current = outlook.current {
            if view.state.isJustStarted(current) {
                let labelRow = bigTitle == nil ? cursor.y - 1 : body.y
                pen.right(" \(labels.justStarted) ", right: body.x + body.width, y: labelRow,
                          width: cursor.width / 2, role: .badge)
            }
            cursor.session(current, view, titleLines: titleLines, showTitle: bigTitle == nil, pen: &pen)
            let progress = now.timeIntervalSince(current.start) / max(60, current.duration)
            let left = labels.left(current.end.timeIntervalSince(now))
            cursor.line(pen: &pen) { pen, x, y, width in
                let used = pen.text(view.range(current) + "  ", x: x, y: y, width: width, role: .listTime)
                let barWidth = min(30, (width - used) / 3)
                if barWidth >= 5 {
                    let full = min(barWidth, Int((Double(barWidth) * progress).rounded()))
                    // The done part solid (spaces on ink), the rest shaded.
                    pen.text(String(repeating: " ", count: full), x: x + used, y: y, width: full, role: .clockInk)
                    pen.text(String(repeating: view.glyphs.barEmpty, count: barWidth - full),
                             x: x + used + full, y: y, width: barWidth - full, role: .running)
                    pen.text("  " + left, x: x + used + barWidth, y: y, width: width - used - barWidth, role: .accent)
                } else {
                    pen.text(left, x: x + used, y: y, width: width - used, role: .accent)
                }
            }
        } else {
            cursor.line(pen: &pen) { pen, x, y, width in pen.text(labels.nothingNow, x: x, y: y, width: width, role: .dim) }
        }
        cursor.gap()

        cursor.label(labels.next, pen: &pen)
        if let next = outlook.next {
            cursor.session(next, view, titleLines: titleLines, pen: &pen)
            cursor.line(pen: &pen) { pen, x, y, width in
                // A next session on another day says which.
                let sameDay = view.state.schedule.conferenceDay(of: next.start) == view.state.schedule.conferenceDay(of: now)
                let day = sameDay ? "" : labels.shortDay(next.start) + "  "
                let used = pen.text(day + view.range(next) + "  ", x: x, y: y, width: width, role: .listTime)
                pen.text(labels.startsIn(next.start.timeIntervalSince(now)), x: x + used, y: y, width: width - used, role: .accent)
            }
        } else {
            cursor.line(pen: &pen) { pen, x, y, width in pen.text(labels.nothingMoreToday, x: x, y: y, width: width, role: .dim) }
        }

        guard !outlook.later.isEmpty, cursor.rowsLeft >= 3 else { return }
        cursor.gap()
        cursor.label(labels.laterToday, pen: &pen)
        let shown = outlook.later.count <= cursor.rowsLeft ? outlook.later.count : max(0, cursor.rowsLeft - 1)
        // One time column for all: a range ending the next day ("(+1)") is wider than the rest.
        let timeWidth = outlook.later.prefix(shown).map { pen.cells(view.range($0)) }.max() ?? 0
        for session in outlook.later.prefix(shown) {
            cursor.line(pen: &pen) { pen, x, y, width in
                pen.text(view.range(session), x: x, y: y, width: width, role: .listTime)
                let used = min(width, timeWidth + 2)
                pen.text(view.title(session), x: x + used, y: y, width: width - used, role: .normal)
            }
        }
        if shown < outlook.later.count {
            cursor.line(pen: &pen) { pen, x, y, width in
                pen.text(labels.moreLater(outlook.later.count - shown), x: x, y: y, width: width, role: .dim)
            }
        }
    }
}

extension KioskView {
    /// The door room's extras from the venue file, a labelled line each.
    func extrasLines(_ room: String?) -> [(label: String, text: String)] {
        guard let room, let extras = state.extras(of: room) else { return [] }
        var lines: [(label: String, text: String)] = []
        if let interpretation = extras.interpretation { lines.append((labels.interpretation, interpretation)) }
        if let dect = extras.dect { lines.append((labels.dect, dect)) }
        if let stream = extras.stream { lines.append((labels.stream, stream)) }
        if let map = extras.map { lines.append((labels.map, map)) }
        if let note = extras.note { lines.append(("", note)) }
        return lines
    }
}

/// Rows of the body, top to bottom, never past its end.
struct Cursor {
    let x: Int
    var y: Int
    let width: Int
    let bottom: Int

    var rowsLeft: Int { max(0, bottom - y) }

    mutating func line(pen: inout KioskPen, _ draw: (inout KioskPen, Int, Int, Int) -> Void) {
        guard y < bottom else { return }
        draw(&pen, x, y, width)
        y += 1
    }

    mutating func gap() { if y < bottom { y += 1 } }

    mutating func skip(_ rows: Int) { y = min(bottom, y + rows) }

    mutating func label(_ text: String, pen: inout KioskPen) {
        line(pen: &pen) { pen, x, y, width in pen.text(text, x: x, y: y, width: width, role: .label) }
    }

    /// A session's title (wrapped to `titleLines`) and its speakers or subtitle.
    mutating func session(_ session: Session, _ view: KioskView, titleLines: Int, showTitle: Bool = true, pen: inout KioskPen) {
        if let change = view.changeMark(session) {
            line(pen: &pen) { pen, x, y, width in pen.text(change, x: x, y: y, width: width, role: .warning) }
        }
        for title in showTitle ? pen.wrap(view.title(session), width: width, maxLines: titleLines) : [] {
            line(pen: &pen) { pen, x, y, width in pen.text(title, x: x, y: y, width: width, role: .title) }
        }
        if let second = view.secondTitle(session) {
            line(pen: &pen) { pen, x, y, width in pen.text(second, x: x, y: y, width: width, role: .title) }
        }
        if let byline = view.byline(session) {
            line(pen: &pen) { pen, x, y, width in pen.text(byline, x: x, y: y, width: width, role: .normal) }
        }
        if view.state.schedule.isNotRecorded(session) {
            line(pen: &pen) { pen, x, y, width in pen.text(view.labels.notRecorded, x: x, y: y, width: width, role: .accent) }
        }
    }
}
