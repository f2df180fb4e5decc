import AgendaModel

/// What the board says when there is no now and no next: it is never empty.
enum KioskNoticeView {
    /// Before the programme (or a gap of days): when it starts, and with what.
    static func startsLater(_ session: Session, continues: Bool, _ view: KioskView, pen: inout KioskPen) {
        var lines: [(String, Role)] = view.labels.startsOn(session.start, continues: continues).map { ($0, .accent) }
        lines.append(("", .normal))
        lines.append((session.title, .title))
        if let room = session.room { lines.append((room, .headerAccent)) }
        lines.append((view.labels.startsIn(session.start.timeIntervalSince(view.state.now)), .normal))
        centred(lines, view, pen: &pen)
    }

    /// After the programme.
    static func ended(_ view: KioskView, pen: inout KioskPen) {
        let conference = view.state.schedule.conference
        centred([(view.labels.ended, .title), ("", .normal), (view.labels.thanks, .accent),
                 (conference.title, .normal)], view, pen: &pen)
    }

    private static func centred(_ lines: [(String, Role)], _ view: KioskView, pen: inout KioskPen) {
        let body = view.layout.body
        let top = body.y + max(0, (body.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < body.y + body.height {
            pen.centred(line.0, x: body.x, y: top + i, width: body.width, role: line.1)
        }
    }
}
