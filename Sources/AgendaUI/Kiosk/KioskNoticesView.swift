import AgendaModel
import Foundation

/// The notices drawn over the board: urgent ones and evacuations take it whole; ROOM FULL is a
/// banner under the header; info notices a line above the footer.
enum KioskNoticesView {
    static func takeover(_ takeover: KioskTakeover, _ view: KioskView, pen: inout KioskPen) {
        let board = view.layout.board
        for y in 0..<board.height { pen.text(String(repeating: " ", count: board.width), x: 0, y: y, width: board.width, role: .urgent) }
        var lines: [String]
        switch takeover {
        case .urgent(let text):
            lines = pen.wrap(text, width: max(1, board.width - 4), maxLines: max(1, board.height - 2))
        case .evacuate(let room, let note):
            lines = [view.labels.evacuate, ""]
            if let room { lines.append(room) }
            lines += pen.wrap(note ?? view.labels.leaveNow, width: max(1, board.width - 4), maxLines: max(1, board.height - 5))
        }
        let top = max(0, (board.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < board.height {
            pen.centred(line, x: 0, y: top + i, width: board.width, role: .urgent)
        }
    }

    /// ROOM FULL (and its note) on the row under the header rule.
    static func roomFull(_ view: KioskView, pen: inout KioskPen) {
        let full = view.state.fullRooms
        guard !full.isEmpty, view.layout.body.height > 0 else { return }
        let several = (view.state.doorRooms?.count ?? 0) > 1
        let text = full.map { entry in
            ([several ? "\(view.labels.roomFull): \(entry.room)" : view.labels.roomFull] + [entry.status.note].compactMap { $0 })
                .joined(separator: " · ")
        }.joined(separator: "   ")
        let y = max(view.layout.headerHeight, view.layout.body.y - 1)
        let width = view.layout.board.width
        pen.text(String(repeating: " ", count: width), x: 0, y: y, width: width, role: .urgent)
        pen.centred(text, x: 0, y: y, width: width, role: .urgent)
    }

    /// The info notices across the row above the footer.
    static func line(_ view: KioskView, pen: inout KioskPen) {
        guard let text = view.state.noticeLine, let footer = view.layout.footerRow, footer > view.layout.headerHeight else { return }
        let width = view.layout.board.width
        pen.text(String(repeating: " ", count: width), x: 0, y: footer - 1, width: width, role: .banner)
        pen.centred(text, x: 1, y: footer - 1, width: width - 2, role: .banner)
    }
}
