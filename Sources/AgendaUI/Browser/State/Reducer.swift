import Foundation
import AgendaModel

extension AppState {
    /// Applies one action, the user's or a background result's: the only way the state changes.
    /// Pure: the same state and action always give the same state (side effects are queued in
    /// `effects` for the run loop).
    public mutating func apply(_ action: Action) {
        guard screenReader else { return reduce(action) }
        let before = self
        reduce(action)
        announce(action, before: before)
    }

    private mutating func reduce(_ action: Action) {
        switch action {
        case .resize(let newSize):
            size = newSize
            if layout.sideBySide { detailOpen = false }
            clampScrolling()
            return
        case .tick(let date):
            tick(date)
            return
        case .quit:
            shouldQuit = true
            return
        case .redraw:
            effects.append(.redraw)
            return
        case .glyphsLearnt(let glyphs):
            guard glyphs != settings.glyphs else { return }
            settings.glyphs = glyphs
            rebuildRows(keepSelection: true)
            return
        case .wholeFileRead(let whole, let reopen):
            replaceSchedule(whole)
            readingRest = false
            if reopen { showOpening() } else { rebuildRows(keepSelection: true) }
            announceStarredChanges()
            return
        case .refreshed(let newer):
            replaceSchedule(newer)
            staleNote = nil
            announceStarredChanges()
            return
        case .sourceStale(let note):
            staleNote = note
            return
        case .indexReady(let index, let version):
            installSearchIndex(index, version: version)
            return
        case .favouritesChanged(let keys):
            setFavourites(keys)
            return
        case .filterRestored(let hidden):
            restoreFilter(hidden)
            return
        case .friendList(let name, let keys):
            setFriend(name: name, keys: keys)
            return
        case .venueRooms(let rooms):
            venue = rooms
            return
        case .notice(let text, let until):
            notify(text, until: until)
            return
        case .exportProposed(let path):
            exportPending = path
            notify(strings.exportAsk(favouriteIndices.count, path), until: now.addingTimeInterval(30))
            return
        default: break
        }
        // The export's question is answered by the next key: `e` writes, any other lets it be.
        if exportPending != nil {
            exportPending = nil
            banner = nil
            if action == .exportFavourites { effects.append(.exportFavourites); return }
            if action == .back { return }
        }
        switch overlay {
        case .help: return applyInHelp(action)
        case .picker: return applyInPicker(action)
        case .links: return applyInLinks(action)
        case .none: break
        }
        if search.editing, applyWhileSearching(action) { return }

        let detailHasFocus = focus == .detail && detailVisible
        switch action {
        case .move(let n):
            if detailHasFocus { scrollDetail(by: n) } else if showsTimetable { timetableMove(n) } else { moveCursor(by: n) }
        case .page(let n):
            if detailHasFocus { scrollDetail(by: n * max(1, layout.detail.height - 1)) }
            else if showsTimetable { timetablePage(n) }
            else { moveCursor(rows: n * max(1, layout.list.height - 1)) }
        case .first:
            if detailHasFocus { scrollDetail(to: 0) } else if showsTimetable { timetableEnd(first: true) } else { moveCursor(toRow: 0, direction: 1) }
        case .last:
            if detailHasFocus { scrollDetail(to: Int.max / 2) }
            else if showsTimetable { timetableEnd(first: false) }
            else { moveCursor(toRow: rows.count - 1, direction: -1) }
        case .sideways(let n):
            if showsTimetable && !detailHasFocus { timetableSideways(n) } else { changeDay(by: n) }
        case .changeDay(let n): changeDay(by: n)
        case .open:
            guard selected != nil else { return }
            detailOpen = !layout.sideBySide
            focus = .detail
        case .back: back()
        case .switchPane:
            if layout.sideBySide { focus = focus == .list ? .detail : .list }
            else if selected != nil { detailOpen.toggle(); focus = detailOpen ? .detail : .list }
        case .cycleView(let n):
            let all = ViewMode.allCases
            mode = all[(all.firstIndex(of: mode)! + n + all.count) % all.count]
            special = nil
            detailOpen = false
            focus = .list
            rebuildRows(keepSelection: true)
            placeTimetable()
            // The grid and the lists share no layout: the terminal draws the new one whole, so
            // nothing of the old can stay behind where both drew the same cell differently.
            if (mode == .timetable) != (all[(all.firstIndex(of: mode)! - n + all.count) % all.count] == .timetable) {
                effects.append(.redraw)
            }
        case .jumpToNow: jumpToNow()
        case .startSearch:
            // A search already shown is edited again; its origin stays the list before it.
            if search.query.isEmpty {
                search.origin = SearchOrigin(day: day, special: special, selected: selected, listTop: listTop,
                                             detailTop: detailTop, timetable: timetable)
            }
            search.editing = true
            if special == .changes { special = nil; rebuildRows(keepSelection: true) }
            detailOpen = false
            focus = .list
        case .searchType, .searchErase, .searchDone: break
        case .nextMatch(let n):
            if !search.query.isEmpty { moveCursor(by: n, wrapping: true) }
        case .toggleFavourite: toggleFavourite()
        case .toggleMyAgenda:
            special = special == .myAgenda ? nil : .myAgenda
            // My agenda replaces the results: the search (and its status text) goes with them.
            if special == .myAgenda, search.isActive { search = SearchState() }
            detailOpen = false
            focus = .list
            rebuildRows(keepSelection: true)
        case .toggleChanges: toggleChanges()
        case .toggleStarredChanges: toggleStarredChanges()
        case .exportFavourites: effects.append(.proposeExport)
        case .openLink: chooseLinks(copy: false)
        case .copyLink: chooseLinks(copy: true)
        case .chooseLink: break
        case .togglePicker:
            // Its choices would be one day's rooms and tracks: a filter saved from them would
            // not hide the others'.
            if readingRest { notify(strings.stillReading, until: now.addingTimeInterval(5)) } else { openPicker() }
        case .pickerToggle, .pickerAll, .pickerFind, .pickerType, .pickerErase, .pickerDone: break
        case .clearFilter: clearFilter()
        case .toggleLocalTime:
            // A file with no zone has nothing to convert from: say why instead of pretending.
            if schedule.conference.floating { notify(strings.cannotConvert, until: now.addingTimeInterval(30)) }
            else {
                // The same moment stays at the top of the timetable: only the labels change.
                let before = showsTimetable ? TimetableGrid(self) : nil
                showLocalTime.toggle()
                if let before {
                    let after = TimetableGrid(self)
                    let top = before.start.addingTimeInterval(Double(before.firstSlot) * before.slotSeconds)
                    timetable.firstSlot = max(0, after.slot(of: top))
                }
            }
        case .toggleHelp:
            overlay = .help
            helpTop = 0
            helpLine = 0
        case .click(let x, let y): click(x: x, y: y)
        case .wheel(let n, let x, let y): wheel(n, x: x, y: y)
        case .quit, .redraw, .glyphsLearnt, .resize, .tick, .wholeFileRead, .refreshed, .sourceStale, .indexReady,
             .favouritesChanged, .filterRestored, .notice, .exportProposed, .friendList, .venueRooms: break
        }
    }

    /// Esc: close the detail, then leave my agenda, then clear the search.
    private mutating func back() {
        if detailOpen || (focus == .detail && layout.sideBySide) {
            detailOpen = false
            focus = .list
        } else if special != nil {
            special = nil
            rebuildRows(keepSelection: true)
        } else if !search.query.isEmpty {
            clearSearch()
        } else if banner != nil {
            banner = nil
        }
    }

    private mutating func applyInHelp(_ action: Action) {
        switch action {
        case .move(let n): scrollHelp(by: n)
        case .page(let n): scrollHelp(by: n * max(1, HelpView.visibleRows(self) - 1))
        case .first: scrollHelp(by: -Int.max / 2)
        case .last: scrollHelp(by: Int.max / 2)
        case .back, .toggleHelp, .click: overlay = .none
        default: break
        }
    }

    // MARK: - The list

    private func isSessionRow(_ row: Int) -> Bool { rows.indices.contains(row) && rows[row].session != nil }

    /// Moves over `n` session rows (headings and notes are passed over).
    mutating func moveCursor(by n: Int, wrapping: Bool = false) {
        guard n != 0, rows.contains(where: { $0.session != nil }) else { return }
        let step = n > 0 ? 1 : -1
        var row = cursor, remaining = abs(n)
        while remaining > 0 {
            var next = row + step
            if !rows.indices.contains(next) {
                guard wrapping else { break }
                next = step > 0 ? 0 : rows.count - 1
            }
            row = next
            if isSessionRow(row) { remaining -= 1 }
        }
        if isSessionRow(row) { setCursor(row) }
    }

    /// Moves `n` rows (a page), landing on the nearest session row.
    mutating func moveCursor(rows n: Int) {
        moveCursor(toRow: max(0, min(cursor + n, rows.count - 1)), direction: n > 0 ? 1 : -1)
    }

    mutating func moveCursor(toRow target: Int, direction: Int) {
        var row = target
        while rows.indices.contains(row), !isSessionRow(row) { row += direction }
        if !rows.indices.contains(row) {
            row = target
            while rows.indices.contains(row), !isSessionRow(row) { row -= direction }
        }
        if isSessionRow(row) { setCursor(row) }
        // Show the heading above the first session too.
        if direction > 0, target == 0 { listTop = 0 }
    }

    mutating func setCursor(_ row: Int) {
        cursor = row
        select(rows[row].session)
    }

    /// Selects a session the list shows and puts the cursor on its row, so the highlighted row,
    /// the counter and the detail always name the same session. One the list does not show is
    /// not selected.
    mutating func select(_ index: Int?) {
        guard let index, let row = rows.indices.contains(cursor) && rows[cursor] == .session(index)
                ? cursor : rows.firstIndex(of: .session(index)) else { return }
        if index != selected { detailTop = 0; detailLine = 0 }
        cursor = row
        selected = index
        place = index
        clampScrolling()
    }

    mutating func changeDay(by n: Int) {
        let target = max(0, min(day + n, schedule.days.count - 1))
        guard target != day else { return }
        day = target
        if list == .day(mode), mode != .nowNext {
            rebuildRows(keepSelection: false)
            timetable = TimetablePosition()
            placeTimetable()
        }
    }

    /// `t`: today (by the venue clock), and on it the session running now or next; a session
    /// over several days is found on today's tab. Before the conference: its first session;
    /// after it: its last.
    mutating func jumpToNow() {
        if !search.query.isEmpty { clearSearch() }
        special = nil
        let sessions = schedule.sessions
        let today = schedule.dayIndex(at: now)
        func lists(_ day: Int, _ indices: [Int]) -> Int? { indices.contains { admits($0) && sessions[$0].end > now } ? day : nil }
        // Today while its own sessions last; else the day of the next to start; else today
        // while a session from an earlier day runs on; else the last day.
        let next = sessions.indices.first { sessions[$0].start >= now && admits($0) }
        let last = sessions.indices.last(where: admits)
        guard let targetDay = today.flatMap({ lists($0, Array(schedule.days[$0].sessionRange)) })
                ?? next.flatMap(schedule.dayIndex(ofSession:))
                ?? today.flatMap({ lists($0, schedule.days[$0].continuing) })
                ?? last.flatMap(schedule.dayIndex(ofSession:))
        else { return }
        day = targetDay
        rebuildRows(keepSelection: false)
        let continuing = Set(schedule.days[targetDay].continuing)
        let listedOnDay = mode == .nowNext ? nil : Set(schedule.days[targetDay].sessionIndices)
        func onDay(_ index: Int) -> Bool { listedOnDay?.contains(index) ?? true }
        // Something starting about now; else the day's own next session; else one continuing
        // from an earlier day (a month-long exhibition is not "now" while talks run); else the
        // day's last (the conference is over).
        let row = rows.firstIndex { $0.session.map(isCurrent) ?? false }
            ?? rows.firstIndex { $0.session.map { sessions[$0].end > now && !continuing.contains($0) && onDay($0) } ?? false }
            ?? rows.firstIndex { $0.session.map { sessions[$0].end > now && onDay($0) } ?? false }
            ?? rows.lastIndex { $0.session != nil }
        if let row {
            setCursor(row)
            placeCursorInUpperThird()
        }
        timetable = TimetablePosition()
        placeTimetable()
    }

    /// Started in the last half hour or starting within the hour: what "now" means to someone
    /// choosing a talk. An all-day workshop that began at ten is not "now" at two; when
    /// nothing is that close, the first session that has not ended is.
    private func isCurrent(_ index: Int) -> Bool {
        let session = schedule.sessions[index]
        return session.end > now && session.start >= now.addingTimeInterval(-30 * 60)
            && session.start <= now.addingTimeInterval(60 * 60)
    }

    // MARK: - Mouse

    private mutating func click(x: Int, y: Int) {
        if y == 1, let tab = HeaderView.dayTabs(self).first(where: { x >= $0.x && x < $0.x + $0.width }) {
            changeDay(by: tab.day - day)
            return
        }
        let listShown = layout.sideBySide || !detailOpen
        if listShown, layout.list.contains(x: x, y: y) {
            focus = .list
            if showsTimetable {
                if let hit = TimetableGrid(self).session(atX: x, y: y, in: schedule) { select(hit) }
            } else {
                // Rows wrap in screen-reader mode: the line clicked says which row it belongs to.
                let row = screenReader ? SpokenListView.row(atLine: y - layout.list.y, self) : listTop + (y - layout.list.y)
                if let row, isSessionRow(row) { setCursor(row) }
            }
        } else if detailVisible, layout.detail.contains(x: x, y: y) {
            focus = .detail
        }
    }

    private mutating func wheel(_ n: Int, x: Int, y: Int) {
        let listShown = layout.sideBySide || !detailOpen
        if detailVisible, layout.detail.contains(x: x, y: y), !listShown || layout.sideBySide && x >= layout.detail.x {
            scrollDetail(by: n)
        } else if listShown, layout.list.contains(x: x, y: y) {
            if showsTimetable { scrollTimetable(by: n) } else { moveCursor(by: n) }
        }
    }

    // MARK: - Detail, scrolling, time

    /// Scrolls the detail; for a screen reader, moves the line read, the view following it.
    mutating func scrollDetail(by n: Int) {
        guard screenReader else { return scrollDetail(to: detailTop + n) }
        let count = DetailView.lines(self).count, height = DetailView.textRect(self).height
        detailLine = max(0, min(detailLine + max(-count, min(count, n)), count - 1))
        if detailLine < detailTop { detailTop = detailLine }
        if detailLine >= detailTop + height { detailTop = detailLine - height + 1 }
    }

    mutating func scrollDetail(to line: Int) {
        guard !screenReader else { return scrollDetail(by: line - detailLine) }
        detailTop = max(0, min(line, DetailView.maxTop(self)))
    }

    /// Scrolls the help; for a screen reader, moves the line read, the view following it.
    private mutating func scrollHelp(by n: Int) {
        guard screenReader else { return helpTop = max(0, min(helpTop + max(-Int.max / 4, n), HelpView.maxTop(self))) }
        let count = HelpView.rows(self).count, height = HelpView.visibleRows(self)
        helpLine = max(0, min(helpLine + max(-count, min(count, n)), count - 1))
        if helpLine < helpTop { helpTop = helpLine }
        if helpLine >= helpTop + height { helpTop = helpLine - height + 1 }
    }

    /// Keeps the cursor on screen and every offset within its content after any change.
    mutating func clampScrolling() {
        cursor = max(0, min(cursor, rows.count - 1))
        let height = max(1, layout.list.height)
        // Three rows of context above and below the cursor while moving (as `scrolloff` in vim).
        let margin = min(Self.scrollMargin, (height - 1) / 2)
        if cursor - margin < listTop { listTop = cursor - margin }
        // Keep the heading just above the cursor in view (a day or room the session belongs to).
        if cursor > 0, cursor - 1 < listTop, case .heading = rows[cursor - 1] { listTop = cursor - 1 }
        if cursor + margin >= listTop + height { listTop = cursor + margin - height + 1 }
        listTop = max(0, min(listTop, rows.count - height))
        if detailTop > 0 { detailTop = max(0, min(detailTop, DetailView.maxTop(self))) }
        // The help's lines are only laid out when it is scrolled: not on every key.
        if helpTop > 0 { helpTop = max(0, min(helpTop, HelpView.maxTop(self))) }
        if showsTimetable { keepSelectionInTimetable() }
    }

    static let scrollMargin = 3

    /// Puts the cursor's row in the upper third of the list, with what follows it below.
    mutating func placeCursorInUpperThird() {
        listTop = max(0, cursor - max(1, layout.list.height) / 3)
        clampScrolling()
    }

    /// A message in the status line until `until` or the next Esc (a failed save, say).
    mutating func notify(_ text: String, until: Date) {
        banner = Banner(text: text, until: until)
    }

    /// The clock moved on: show it, refresh what depends on "now", raise due reminders.
    mutating func tick(_ date: Date) {
        now = date
        if let banner, banner.until <= now {
            self.banner = nil
            exportPending = nil
        }
        if list == .day(.nowNext) { rebuildRows(keepSelection: true) }
        for index in favouriteIndices {
            let session = schedule.sessions[index]
            let lead = session.start.timeIntervalSince(now)
            guard lead > 0, lead <= reminderLead, !reminded.contains(session.key) else { continue }
            reminded.insert(session.key)
            let minutes = Int((lead / 60).rounded(.up))
            var text = (glyphs.folds ? "" : "⏰ ") + strings.startsIn(minutes, session.title)
            if let room = session.room { text += " · \(room)" }
            banner = Banner(text: text, until: session.start)
            exportPending = nil   // its question is no longer shown
            if bellEnabled { effects.append(.bell) }
            // Reaches a terminal in a background tab or window, where it has notifications.
            effects.append(.notify(title: strings.startsIn(minutes, session.title), body: session.room ?? schedule.conference.title))
        }
    }
}
