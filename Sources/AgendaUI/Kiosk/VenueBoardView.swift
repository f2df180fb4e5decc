import AgendaModel
import Foundation

/// How the venue board lays its rooms out, shared by the page count and the drawing: a block
/// for each room with something on now or within the hour, and one compact "Later" line a page
/// for the rest, so rooms whose next session is hours away take no more than a mention.
struct VenuePlan {
    /// A room with nothing running and nothing starting within this collapses into "Later".
    static let soon: TimeInterval = 3600

    let blocks: [RoomOutlook]
    /// Soonest first; rooms with nothing ahead last.
    let later: [RoomOutlook]
    /// The room's name beside its two rows (wide bodies) or above them (narrow ones).
    let side: Bool
    let perColumn: Int
    let columns: Int
    var perPage: Int { perColumn * columns }
    let pages: Int

    /// `schedule`: a room whose next session moved or was cancelled keeps its block, to say so.
    init(_ rooms: [RoomOutlook], layout: KioskLayout, now: Date, schedule: Schedule) {
        func isSoon(_ outlook: RoomOutlook) -> Bool {
            guard outlook.current == nil, let next = outlook.next else { return outlook.current != nil }
            return next.start.timeIntervalSince(now) <= Self.soon || isMarked(next)
        }
        func isMarked(_ session: Session) -> Bool {
            guard !schedule.changes.isEmpty, let index = schedule.sessions.firstIndex(of: session),
                  let change = schedule.change(at: index) else { return false }
            return change.kind != .new
        }
        blocks = rooms.filter(isSoon)
        later = rooms.filter { !isSoon($0) }.enumerated().sorted { a, b in
            switch (a.element.next?.start, b.element.next?.start) {
            case let (x?, y?) where x != y: return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
        let body = layout.body
        side = body.width >= 60
        // The "Later" line and a blank row above it.
        let height = body.height - (later.isEmpty ? 0 : 2)
        perColumn = max(1, side ? height / 2 : (height + 1) / (KioskLayout.roomBlockHeight + 1))
        columns = layout.venueColumns
        pages = max(1, (blocks.count + perColumn * columns - 1) / (perColumn * columns))
    }
}

/// The whole venue: a block per room with something now or soon (its name, now, next), in
/// columns on wide screens, on pages that turn when they do not all fit; the rest on one
/// "Later" line a page.
enum VenueBoardView {
    static let columnGap = 3

    static func draw(_ rooms: [RoomOutlook], _ view: KioskView, pen: inout KioskPen) {
        let layout = view.layout, body = layout.body
        let plan = VenuePlan(rooms, layout: layout, now: view.state.now, schedule: view.state.schedule)
        let page = view.state.page
        let onPage = Array(plan.blocks.dropFirst(page.index * plan.perPage).prefix(plan.perPage))
        // A second column only when the first is full: rows read better at full width.
        let columns = max(1, min(plan.columns, (onPage.count + plan.perColumn - 1) / plan.perColumn))
        let columnWidth = (body.width - (columns - 1) * columnGap) / columns
        let labelWidth = max(pen.cells(view.labels.now), pen.cells(view.labels.next)) + 2
        // One time column for the page: a range ending the next day ("(+1)") is wider.
        let timeWidth = onPage.flatMap { [$0.current, $0.next].compactMap { $0 } }.map { pen.cells(view.range($0)) }.max() ?? 0
        let names = onPage.map { pen.cells($0.room ?? view.labels.allRooms) }.max() ?? 0
        // Wide enough for a ROOM FULL or EVACUATE mark under the name, when a room has one.
        let marks = onPage.contains { $0.room.flatMap { view.state.status(of: $0) }.map { $0.status != .open } ?? false }
            ? max(pen.cells(view.labels.roomFull), pen.cells(view.labels.evacuate)) + 2 : 0
        let nameWidth = plan.side ? max(marks, min(max(8, names), max(8, columnWidth / 4))) : 0
        for (i, outlook) in onPage.enumerated() {
            let column = i / plan.perColumn, slot = i % plan.perColumn
            let x = body.x + column * (columnWidth + columnGap)
            let name = outlook.room ?? view.labels.allRooms
            let mark = outlook.room.flatMap { view.state.status(of: $0) }.flatMap { status -> String? in
                status.status == .open ? nil : status.status == .full ? view.labels.roomFull : view.labels.evacuate
            }
            var rows = x + 2, y = body.y + slot * (KioskLayout.roomBlockHeight + 1)
            var rowWidth = columnWidth - 2
            if plan.side {
                y = body.y + slot * 2
                let lines = pen.wrap(name, width: nameWidth, maxLines: mark == nil ? 2 : 1)
                for (n, line) in lines.enumerated() { pen.text(line, x: x, y: y + n, width: nameWidth, role: .headerAccent) }
                if let mark { pen.text(" \(mark) ", x: x, y: y + 1, width: nameWidth, role: .urgent) }
                rows = x + nameWidth + 2
                rowWidth = columnWidth - nameWidth - 2
            } else {
                let used = pen.text(name, x: x, y: y, width: columnWidth, role: .headerAccent)
                if let mark { pen.text(" \(mark) ", x: x + used + 2, y: y, width: columnWidth - used - 2, role: .urgent) }
                y += 1
            }
            let geometry = RowGeometry(x: rows - 2, width: rowWidth + 2, labelWidth: labelWidth, timeWidth: timeWidth)
            row(view.labels.now, outlook.current, isNext: false, view, y: y, geometry, pen: &pen)
            row(view.labels.next, outlook.next, isNext: true, view, y: y + 1, geometry, pen: &pen)
        }
        laterLine(plan, page: page.index, view, pen: &pen)
    }

    struct RowGeometry {
        let x: Int, width: Int, labelWidth: Int, timeWidth: Int
    }

    /// `  Now · 正在进行   09:00–12:00  Plenary Session ……  just started`
    private static func row(_ label: String, _ session: Session?, isNext: Bool, _ view: KioskView,
                            y: Int, _ g: RowGeometry, pen: inout KioskPen) {
        guard y < view.layout.body.y + view.layout.body.height else { return }
        pen.text(label, x: g.x + 2, y: y, width: g.labelWidth - 2, role: .label)
        let left = g.x + 2 + g.labelWidth, right = g.x + g.width
        guard let session else {
            pen.text("—", x: left, y: y, width: right - left, role: .dim)
            return
        }
        pen.text(view.range(session), x: left, y: y, width: right - left, role: .listTime)
        let used = min(right - left, g.timeWidth + 2)
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

    /// `Later  Saal 5 16:00 · Stage HUFF Sat 11:00 · Milliways —`: this page's share of the
    /// collapsed rooms, soonest first; what the last page cannot hold is counted.
    private static func laterLine(_ plan: VenuePlan, page: Int, _ view: KioskView, pen: inout KioskPen) {
        guard !plan.later.isEmpty else { return }
        let body = view.layout.body
        let y = body.y + body.height - 1
        let label = view.labels.later
        let x = body.x + pen.text(label, x: body.x, y: y, width: body.width, role: .label) + 2
        let width = body.x + body.width - x
        let separator = "  ·  "
        let entries = plan.later.map { entry($0, view) }
        // Pack the pages before this one to find where its share starts.
        var start = 0
        for p in 0...page {
            var used = 0, count = 0
            while start + count < entries.count {
                let cells = pen.cells(entries[start + count]) + (count > 0 ? pen.cells(separator) : 0)
                guard used + cells <= width || count == 0 else { break }
                used += cells
                count += 1
            }
            if p == page {
                var share = Array(entries[start..<(start + count)])
                let rest = entries.count - start - count
                if page == plan.pages - 1, rest > 0 {
                    // The last page counts what did not fit, in place of its last entries if need be.
                    let more = view.labels.moreLater(rest + 0)
                    while !share.isEmpty, pen.cells((share + [more]).joined(separator: separator)) > width { share.removeLast() }
                    share.append(view.labels.moreLater(entries.count - start - share.count))
                }
                pen.text(share.joined(separator: separator), x: x, y: y, width: width, role: .normal)
                return
            }
            start += count
        }
    }

    /// `Saal 5 16:00`, `Saal 5 Sat 11:00` on another day, `Saal 5 —` with nothing ahead.
    private static func entry(_ outlook: RoomOutlook, _ view: KioskView) -> String {
        let name = outlook.room ?? view.labels.allRooms
        guard let next = outlook.next else { return "\(name) —" }
        let state = view.state
        let sameDay = AgendaUI.sameDay(state.schedule.conferenceDay(of: next.start), state.schedule.conferenceDay(of: state.now))
        return "\(name) " + (sameDay ? "" : view.labels.weekday(next.start) + " ") + view.time.clock(next.start)
    }
}

extension KioskLabels {
    var later: String { pick("Later", "稍后") }
}
