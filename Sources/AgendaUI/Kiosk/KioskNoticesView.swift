import AgendaModel
import Foundation

/// The notices drawn over the board: urgent ones and evacuations take it whole; ROOM FULL is a
/// banner under the header; info notices a line above the footer.
enum KioskNoticesView {
    static func takeover(_ takeover: KioskTakeover, _ view: KioskView, pen: inout KioskPen) {
        let board = view.layout.board
        for y in 0..<board.height { pen.text(String(repeating: " ", count: board.width), x: 0, y: y, width: board.width, role: .urgent) }
        let width = max(1, board.width - 4), halfBlocks = pen.glyphs.halfBlocks
        // What goes on screen, top to bottom: block type where the font has the letters.
        var parts: [TakeoverPart] = []
        switch takeover {
        case .urgent(let text):
            if let set = BlockText.fit(text, width: width, rows: max(1, board.height - 2), maxLines: 6, halfBlocks: halfBlocks) {
                parts.append(.block(set))
            } else {
                parts += pen.wrap(text, width: width, maxLines: max(1, board.height - 2)).map(TakeoverPart.line)
            }
        case .evacuate(let room, let note):
            let headline = view.labels.evacuateBlock.flatMap {
                BlockText.fit($0, width: width, rows: max(1, board.height * 2 / 5), maxLines: 1, halfBlocks: halfBlocks)
            }
            // The words as text too, with the room: for captures, dumps and the bilingual line.
            let words = ([view.labels.evacuate] + [room].compactMap { $0 }).joined(separator: " · ")
            if let headline { parts += [.block(headline), .line("")] }
            parts += [.line(words), .line("")]
            let text = note ?? view.labels.leaveNow
            let used = parts.reduce(0) { $0 + $1.rows }
            // The note in the largest block type that fits beneath, smaller than the headline.
            if let set = BlockText.fit(text, width: width, rows: max(0, board.height - 2 - used), maxLines: 4,
                                       maxAcross: max(1, (headline?.across ?? 2) - 1),
                                       maxHalves: max(1, (headline?.halves ?? 2) - 1), halfBlocks: halfBlocks) {
                parts.append(.block(set))
            } else {
                parts += pen.wrap(text, width: width, maxLines: max(1, board.height - 1 - used)).map(TakeoverPart.line)
            }
        }
        var y = max(0, (board.height - parts.reduce(0) { $0 + $1.rows }) / 2)
        for part in parts where y < board.height {
            switch part {
            case .line(let line): pen.centred(line, x: 0, y: y, width: board.width, role: .urgent)
            case .block(let set): set.draw(x: 0, y: y, width: board.width, roles: .urgent, pen: &pen)
            }
            y += part.rows
        }
    }

    /// A line of text or a block of block type on a takeover screen.
    enum TakeoverPart {
        case line(String)
        case block(BlockText)

        var rows: Int {
            switch self {
            case .line: 1
            case .block(let set): set.rows
            }
        }
    }

    /// On a door screen for one room, ROOM FULL in block type on a band under the header, its
    /// note beneath; returns the rows the band takes from the body (nil when it did not fit).
    static func roomFullBlock(_ view: KioskView, pen: inout KioskPen) -> Int? {
        guard let rooms = view.state.doorRooms, rooms.count == 1, let entry = view.state.fullRooms.first,
              let words = view.labels.roomFullBlock else { return nil }
        let body = view.layout.body, width = view.layout.board.width
        // The words as text too (for captures, dumps and the bilingual line), then the note.
        let notes = [([view.labels.roomFull] + [entry.status.note].compactMap { $0 }).joined(separator: " · ")]
        guard let set = BlockText.fit(words, width: width - 4, rows: max(0, body.height / 3 - notes.count),
                                      maxLines: 1, maxAcross: 3, halfBlocks: pen.glyphs.halfBlocks),
              set.rows >= 4 else { return nil }
        // From the row under the header's rule: a blank row, the words, the notes, a blank row.
        let top = body.y - (body.y > view.layout.headerHeight ? 1 : 0)
        let height = 1 + set.rows + notes.count + 1
        for y in top..<(top + height) { pen.text(String(repeating: " ", count: width), x: 0, y: y, width: width, role: .urgent) }
        set.draw(x: 0, y: top + 1, width: width, roles: .urgent, pen: &pen)
        for (i, note) in notes.enumerated() {
            pen.centred(note, x: 1, y: top + 1 + set.rows + i, width: width - 2, role: .urgent)
        }
        return top + height + 1 - body.y
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
