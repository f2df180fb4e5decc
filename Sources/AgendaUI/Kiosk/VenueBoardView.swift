import AgendaModel

/// The whole venue: one block per room (its name, now, next), in columns on wide screens,
/// on pages that turn when they do not all fit.
enum VenueBoardView {
    static func draw(_ rooms: [RoomOutlook], _ view: KioskView, pen: inout KioskPen) {
        let layout = view.layout, body = layout.body
        let page = view.state.page
        let onPage = rooms.dropFirst(page.index * layout.roomsPerPage).prefix(layout.roomsPerPage)
        let columnGap = 3
        // A second column only when the first is full: rows read better at full width.
        let columns = max(1, min(layout.venueColumns, (onPage.count + layout.roomsPerColumn - 1) / layout.roomsPerColumn))
        let columnWidth = (body.width - (columns - 1) * columnGap) / columns
        let labelWidth = max(pen.cells(view.labels.now), pen.cells(view.labels.next)) + 2
        for (i, outlook) in onPage.enumerated() {
            let column = i / layout.roomsPerColumn, slot = i % layout.roomsPerColumn
            let x = body.x + column * (columnWidth + columnGap)
            let y = body.y + slot * (KioskLayout.roomBlockHeight + 1)
            guard y + KioskLayout.roomBlockHeight <= body.y + body.height || slot == 0 else { continue }
            let name = pen.text(outlook.room ?? view.labels.allRooms, x: x, y: y, width: columnWidth, role: .headerAccent)
            if let room = outlook.room, let status = view.state.status(of: room), status.status != .open {
                let mark = status.status == .full ? view.labels.roomFull : view.labels.evacuate
                pen.text(" \(mark) ", x: x + name + 2, y: y, width: columnWidth - name - 2, role: .urgent)
            }
            if outlook.isEmpty {   // nothing now nor within the horizon: the room stays, saying so
                pen.text(view.labels.nothingMoreToday, x: x + 2, y: y + 1, width: columnWidth - 2, role: .dim)
                continue
            }
            row(view.labels.now, outlook.current, isNext: false, view, x: x, y: y + 1,
                width: columnWidth, labelWidth: labelWidth, pen: &pen)
            row(view.labels.next, outlook.next, isNext: true, view, x: x, y: y + 2,
                width: columnWidth, labelWidth: labelWidth, pen: &pen)
        }
    }

    /// `  Now · 正在进行   09:00–12:00  Plenary Session ……  just started`
    private static func row(_ label: String, _ session: Session?, isNext: Bool, _ view: KioskView,
                            x: Int, y: Int, width: Int, labelWidth: Int, pen: inout KioskPen) {
        guard y < view.layout.body.y + view.layout.body.height else { return }
        pen.text(label, x: x + 2, y: y, width: labelWidth - 2, role: .label)
        let left = x + 2 + labelWidth, right = x + width
        guard let session else {
            pen.text("—", x: left, y: y, width: right - left, role: .dim)
            return
        }
        let time = view.range(session) + "  "
        let used = pen.text(time, x: left, y: y, width: right - left, role: .listTime)
        var titleRight = right
        let now = view.state.now, room = (right - left - used) / 2
        // Bilingual marks that do not fit the row fall back to English rather than being cut.
        let english = KioskLabels(language: .en, timeZone: view.state.schedule.timeZone)
        func mark(_ pick: (KioskLabels) -> String) -> String {
            let text = pick(view.labels)
            return pen.cells(text) <= room ? text : pick(english)
        }
        if let change = view.changeMark(session) {
            titleRight = pen.right(mark { _ in change }, right: right, y: y, width: room, role: .warning) - 2
        } else if isNext {
            let when = mark { $0.inTime(session.start.timeIntervalSince(now)) }
            titleRight = pen.right(when, right: right, y: y, width: room, role: .accent) - 2
        } else if view.state.isJustStarted(session) {
            titleRight = pen.right(mark { " \($0.justStarted) " }, right: right, y: y, width: room, role: .badge) - 2
        }
        // Bilingual: "English · 中文" when both fit, else the English title alone.
        var title = view.title(session)
        if let second = view.secondTitle(session), pen.cells(title + " · " + second) <= titleRight - left - used {
            title += " · " + second
        }
        pen.text(title, x: left + used, y: y, width: titleRight - left - used, role: .title)
    }
}
