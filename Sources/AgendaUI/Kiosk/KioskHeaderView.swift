import AgendaCanvas
import AgendaModel
import Foundation

/// The conference (or the room, on a door screen), the date and the clock, large where the
/// screen allows, then a rule.
enum KioskHeaderView {
    static func draw(_ view: KioskView, pen: inout KioskPen) {
        let layout = view.layout, state = view.state
        let width = layout.board.width
        let clock = state.clockNotSet ? "--:--" : view.time.clock(state.now)
        let lines = textLines(view)
        let textRows = layout.headerHeight - (layout.board.height >= 6 ? 1 : 0)

        if layout.clockScale > 0 {
            let clockWidth = BlockClock.width(clock, scale: layout.clockScale)
            let clockX = max(0, width - 1 - clockWidth)
            BlockClock.draw(clock, scale: layout.clockScale, x: clockX, y: 0, roles: .clock, pen: &pen)
            // A door screen's room in block type when it fits beside the clock, the rest on one line.
            if let rooms = state.doorRooms, !rooms.isEmpty,
               let set = BlockText.fit(rooms.joined(separator: " "), width: clockX - 4, rows: textRows - 1, maxLines: 1,
                                       halfBlocks: pen.glyphs.halfBlocks) {
                set.draw(x: 1, y: 0, width: set.width, roles: .clock, pen: &pen)
                let rest = lines.dropFirst().map(\.text).joined(separator: " · ")
                pen.text(rest, x: 1, y: textRows - 1, width: clockX - 3, role: .accent)
                if layout.board.height >= 6 { pen.rule(x: 0, y: layout.headerHeight - 1, width: width, role: .border) }
                return
            }
            // Text lines sit in the middle rows beside the clock.
            let top = max(0, (textRows - lines.count) / 2)
            for (i, line) in lines.enumerated() where top + i < textRows {
                pen.text(line.text, x: 1, y: top + i, width: clockX - 3, role: line.role)
            }
        } else {
            let clockX = pen.right(clock, right: width - 1, y: 0, width: width - 2, role: .clock)
            pen.text(lines[0].text, x: 1, y: 0, width: clockX - 3, role: lines[0].role)
            if textRows >= 2, let date = lines.last { pen.text(date.text, x: 1, y: 1, width: width - 2, role: date.role) }
        }
        if layout.board.height >= 6 { pen.rule(x: 0, y: layout.headerHeight - 1, width: width, role: .border) }
    }

    /// Room(s) (door screen) or conference first, then the conference's full name, then the
    /// conference day and the date.
    static func textLines(_ view: KioskView) -> [(text: String, role: Role)] {
        let state = view.state, conference = state.schedule.conference
        let short = displayName(conference)
        var lines: [(String, Role)] = []
        if let rooms = state.doorRooms, !rooms.isEmpty {
            lines.append((rooms.joined(separator: " · "), .title))
            lines.append((short, .accent))
        } else {
            lines.append((short, .title))
            if conference.title.caseInsensitiveCompare(short) != .orderedSame { lines.append((conference.title, .normal)) }
        }
        if state.clockNotSet { return lines }
        let date = view.labels.date(state.now)
        lines.append((state.dayNumber(of: state.now).map { view.labels.day($0) + " · " + date } ?? date, .accent))
        return lines
    }

    /// The name to lead with: the acronym as the file writes it (`CACIE 2021`), unless it is a
    /// lower-case slug (`38c3`, `fosdem-2025`), where the title (`38C3`) reads better.
    static func displayName(_ conference: Conference) -> String {
        conference.displayShortTitle ?? conference.title
    }
}
