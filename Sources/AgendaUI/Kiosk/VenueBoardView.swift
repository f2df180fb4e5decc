import AgendaModel
import Foundation

/// How the venue board lays its rooms out, shared by the page count and the drawing: a block
/// for each room with something on now or within `--horizon`, and one compact "Later" line a page
/// for the rest, so rooms whose next session is hours away take no more than a mention.
struct VenuePlan {
    let blocks: [RoomOutlook]
    /// Soonest first; rooms with nothing ahead last.
    let later: [RoomOutlook]
    /// The room's name beside its rows (wide bodies) or above them (narrow ones).
    let side: Bool
    let columns: Int
    /// Where each block goes, page by page.
    let slots: [[Slot]]
    /// One row a room: the next session's time at the end of the Now row.
    let compact: Bool
    var pages: Int { max(1, slots.count) }

    /// A block on its page: which, in which column, how far down, and which rows it has.
    struct Slot: Equatable {
        let block: Int
        let column: Int
        let y: Int
        let showsNow: Bool
        let showsNext: Bool
        var rows: Int { (showsNow ? 1 : 0) + (showsNext ? 1 : 0) }
    }

    /// `schedule`: a room whose next session moved or was cancelled keeps its block, to say so.
    /// `marked`: rooms with a ROOM FULL or EVACUATE mark, which goes under the name: they keep two rows.
    init(_ rooms: [RoomOutlook], layout: KioskLayout, now: Date, schedule: Schedule, horizon: TimeInterval,
         marked: Set<String> = []) {
        func isSoon(_ outlook: RoomOutlook) -> Bool {
            guard outlook.current == nil, let next = outlook.next else { return outlook.current != nil }
            return next.start.timeIntervalSince(now) <= horizon || isMarked(next)
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
        let height = max(1, body.height - (later.isEmpty ? 0 : 2))
        columns = layout.venueColumns
        // A room shows Now while something runs, and Next unless that is beyond the horizon
        // (tomorrow's session under a running one took a row that read like a second Now).
        let (blocks, side, columns) = (self.blocks, self.side, self.columns)
        func pack(compact: Bool) -> [[Slot]] {
            var pages: [[Slot]] = [], page: [Slot] = [], column = 0, y = 0
            for (index, outlook) in blocks.enumerated() {
                let nextSoon = outlook.next.map { $0.start.timeIntervalSince(now) <= horizon || isMarked($0) } ?? false
                let mark = side && outlook.room.map(marked.contains) == true
                let showsNow = outlook.current != nil || mark
                // Compact: one row a room, a running session's successor as a time at its end.
                let showsNext = !showsNow || (nextSoon && !compact) || mark
                let rows = (showsNow ? 1 : 0) + (showsNext ? 1 : 0)
                // Side by side: the rows alone; narrow: the name above them and a blank row after.
                let blockHeight = side ? rows : 1 + rows + 1
                if y > 0, y + (side ? blockHeight : blockHeight - 1) > height {
                    column += 1
                    y = 0
                    if column == columns {
                        pages.append(page)
                        page = []
                        column = 0
                    }
                }
                page.append(Slot(block: index, column: column, y: y, showsNow: showsNow, showsNext: showsNext))
                y += blockHeight
            }
            if !page.isEmpty { pages.append(page) }
            return pages
        }
        // Narrow boards that need more than a page keep one row a room.
        let full = pack(compact: false)
        let compact = full.count > 1 && body.width < 100
        self.compact = compact
        slots = compact ? pack(compact: true) : full
    }
}

/// The whole venue: a block per room with something now or soon (its name, now, next), in
/// columns on wide screens, on pages that turn when they do not all fit; the rest on one
/// "Later" line a page.
enum VenueBoardView {
    static let columnGap = 3

    static func draw(_ rooms: [RoomOutlook], _ view: KioskView, pen: inout KioskPen) {
        let layout = view.layout, body = layout.body
        let plan = VenuePlan(rooms, layout: layout, now: view.state.now, schedule: view.state.schedule,
                             horizon: view.state.options.horizon, marked: view.state.markedRooms)
        let page = view.state.page
        let slots = page.index < plan.slots.count ? plan.slots[page.index] : []
        let onPage = slots.map { plan.blocks[$0.block] }
        // A second column only when the first is full: rows read better at full width.
        let columns = max(1, min(plan.columns, (slots.map(\.column).max() ?? 0) + 1))
        let columnWidth = (body.width - (columns - 1) * columnGap) / columns
        let labelWidth = max(pen.cells(view.labels.now), pen.cells(view.labels.next)) + 2
        // One time column for the page: a range ending the next day ("(+1)") is wider.
        let timeWidth = onPage.flatMap { [$0.current, $0.next].compactMap { $0 } }.map { session in
            let sameDay = AgendaUI.sameDay(view.state.schedule.conferenceDay(of: session.start),
                                           view.state.schedule.conferenceDay(of: view.state.now))
            return pen.cells((sameDay ? "" : view.labels.weekday(session.start) + " ") + view.range(session))
        }.max() ?? 0
        let names = onPage.map { pen.cells($0.room ?? view.labels.allRooms) }.max() ?? 0
        // Wide enough for a ROOM FULL or EVACUATE mark under the name, when a room has one.
        let marks = onPage.contains { $0.room.flatMap { view.state.status(of: $0) }.map { $0.status != .open } ?? false }
            ? max(pen.cells(view.labels.roomFull), pen.cells(view.labels.evacuate)) + 2 : 0
        let nameWidth = plan.side ? max(marks, min(max(8, names), max(8, columnWidth / 4))) : 0
        for (slot, outlook) in zip(slots, onPage) {
            let x = body.x + slot.column * (columnWidth + columnGap)
            let name = outlook.room ?? view.labels.allRooms
            let mark = outlook.room.flatMap { view.state.status(of: $0) }.flatMap { status -> String? in
                status.status == .open ? nil : status.status == .full ? view.labels.roomFull : view.labels.evacuate
            }
            var rows = x + 2, y = body.y + slot.y
            var rowWidth = columnWidth - 2
            if plan.side {
                // One line, cut if need be: a second would read as part of the Next row.
                pen.text(name, x: x, y: y, width: nameWidth, role: .headerAccent)
                if let mark { pen.text(" \(mark) ", x: x, y: y + 1, width: nameWidth, role: .urgent) }
                rows = x + nameWidth + 2
                rowWidth = columnWidth - nameWidth - 2
            } else {
                let used = pen.text(name, x: x, y: y, width: columnWidth, role: .headerAccent)
                if let mark { pen.text(" \(mark) ", x: x + used + 2, y: y, width: columnWidth - used - 2, role: .urgent) }
                y += 1
            }
            let geometry = RowGeometry(x: rows - 2, width: rowWidth + 2, labelWidth: labelWidth, timeWidth: timeWidth)
            if slot.showsNow {
                let following = plan.compact ? outlook.next : nil
                row(view.labels.now, outlook.current, isNext: false, then: following, view, y: y, geometry, pen: &pen)
            }
            if slot.showsNext {
                row(view.labels.next, outlook.next, isNext: true, view, y: y + (slot.showsNow ? 1 : 0), geometry, pen: &pen)
            }
        }
        laterLine(plan, page: page.index, view, pen: &pen)
    }

    struct RowGeometry {
        let x: Int, width: Int, labelWidth: Int, timeWidth: Int
    }

    /// `  Now · 正在进行   09:00–12:00  Plenary Session ……  just started`
    private static func row(_ label: String, _ session: Session?, isNext: Bool, then following: Session? = nil, _ view: KioskView,
                            y: Int, _ g: RowGeometry, pen: inout KioskPen) {
        guard y < view.layout.body.y + view.layout.body.height else { return }
        pen.text(label, x: g.x + 2, y: y, width: g.labelWidth - 2, role: .label)
        let left = g.x + 2 + g.labelWidth, right = g.x + g.width
        guard let session else {
            pen.text("—", x: left, y: y, width: right - left, role: .dim)
            return
        }
        // A session on another day says which, before its time.
        let sameDay = AgendaUI.sameDay(view.state.schedule.conferenceDay(of: session.start),
                                       view.state.schedule.conferenceDay(of: view.state.now))
        let range = (sameDay ? "" : view.labels.weekday(session.start) + " ") + view.range(session)
        pen.text(range, x: left, y: y, width: right - left, role: .listTime)
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
        } else if let following {
            let sameDay = AgendaUI.sameDay(view.state.schedule.conferenceDay(of: following.start),
                                           view.state.schedule.conferenceDay(of: now))
            let at = (sameDay ? "" : view.labels.weekday(following.start) + " ") + view.time.clock(following.start)
            titleRight = pen.right(mark { $0.nextAt(at) }, right: right, y: y, width: room, role: .accent) - 2
        } else if view.state.isJustStarted(session) {
            // Quieter than the titles: plain dim text, not a coloured badge.
            titleRight = pen.right(mark { $0.justStarted }, right: right, y: y, width: room, role: .dim) - 2
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
    func nextAt(_ time: String) -> String { pick("next \(time)", "下一场 \(time)") }
}
