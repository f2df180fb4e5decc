import AgendaCanvas
import AgendaModel

/// What the board says when there is no now and no next: it is never empty.
enum KioskMessageView {
    /// Nothing on today: when the programme starts (a countdown before the conference) or goes
    /// on (the next conference day), and with what.
    static func startsLater(_ session: Session, continues: Bool, _ view: KioskView, pen: inout KioskPen) {
        var lines: [(String, Role)] = []
        if continues { lines += [(view.labels.nothingMoreAnywhereToday, .title), ("", .normal)] }
        let day = continues ? view.state.dayNumber(of: session.start) : nil
        lines += view.labels.startsOn(session.start, continues: continues, day: day).map { ($0, .accent) }
        lines.append(("", .normal))
        lines.append((view.title(session), .title))
        if let room = session.room { lines.append((room, .headerAccent)) }
        lines.append((view.labels.startsIn(session.start.timeIntervalSince(view.state.now)), .normal))
        centred(lines, view, pen: &pen)
    }

    /// A door screen after its room's last session of the day: the room's next session.
    static func nothingMoreHere(_ next: Session?, _ view: KioskView, pen: inout KioskPen) {
        guard let next else {
            centred([(view.labels.nothingMoreInRoom, .title)], view, pen: &pen)
            return
        }
        let when = "\(view.labels.shortDay(next.start))  \(view.range(next))"
        centred([(view.labels.nothingMoreToday, .title), ("", .normal), (view.labels.nextHere, .label),
                 (when, .listTime), (view.title(next), .title),
                 (view.labels.startsIn(next.start.timeIntervalSince(view.state.now)), .accent)], view, pen: &pen)
    }

    /// After the programme: the closing line (`--closing`) or a thank-you.
    static func ended(_ view: KioskView, pen: inout KioskPen) {
        let conference = view.state.schedule.conference
        let closing = view.state.options.closing.map { Sanitizer.line($0) } ?? view.labels.thanks
        centred([(view.labels.ended, .title), ("", .normal), (closing, .accent),
                 (conference.title, .normal)], view, pen: &pen)
    }

    /// A door screen for a room this schedule does not have: say so, and which rooms it has.
    static func unknownRooms(_ rooms: [String], _ view: KioskView, pen: inout KioskPen) {
        var lines: [(String, Role)] = rooms.map { (view.labels.notInSchedule($0), .warning) }
        let known = view.state.schedule.rooms.compactMap { $0 }
        lines.append(("", .normal))
        lines.append((view.labels.roomsThere, .label))
        let body = view.layout.body
        // As many names as the body holds; the rest counted.
        let room = max(0, body.height - lines.count)
        let shown = known.count <= room ? known.count : max(0, room - 1)
        lines += known.prefix(shown).map { ($0, .headerAccent) }
        if shown < known.count { lines.append((view.labels.moreLater(known.count - shown), .dim)) }
        centred(lines, view, pen: &pen)
    }

    /// A clock before 2020: nothing the board could say about now would be true.
    static func clockNotSet(_ view: KioskView, pen: inout KioskPen) {
        centred([(view.labels.clockNotSet, .warning)], view, pen: &pen)
    }

    static func centred(_ lines: [(String, Role)], _ view: KioskView, pen: inout KioskPen) {
        let body = view.layout.body
        let top = body.y + max(0, (body.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < body.y + body.height {
            pen.centred(line.0, x: body.x, y: top + i, width: body.width, role: line.1)
        }
    }
}
