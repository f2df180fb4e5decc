import Foundation
import AgendaModel

/// Builds the rows of the list for the current day, view, search, filter and favourites.
extension AppState {
    mutating func rebuildRows(keepSelection: Bool) {
        let list = computeRows()
        rows = list.rows
        labels = list.labels
        labelRows = list.labelRows
        // Measured for a day's list (on a day or view change), not per key of a search.
        listLongestTitle = self.list == .day(mode) ? longestTitle(in: rows) : longestTitle
        // The first session row, or the selected session's row when it is still listed, or
        // the row nearest in time to where you were.
        let first = rows.indices.first { $0 >= labelRows.count || labelRows[$0] != $0 } ?? 0
        let kept = keepSelection ? (selected ?? place).flatMap { rows.firstIndex(of: .session($0)) ?? nearestRow(to: $0) } : nil
        cursor = kept ?? first
        let now = rows.indices.contains(cursor) ? rows[cursor].session : nil
        if now != selected { detailTop = 0; detailLine = 0 }
        selected = now
        if let now { place = now }
        clampScrolling()
    }

    /// The first session row starting at or after session `index` (the last row when none does).
    func nearestRow(to index: Int) -> Int? {
        let sessions = schedule.sessions
        guard sessions.indices.contains(index) else { return nil }
        let start = sessions[index].start
        return rows.firstIndex { $0.session.map { sessions[$0].start >= start } ?? false } ?? rows.lastIndex { $0.session != nil }
    }

    /// Cells of the longest title the rows show (the schedule's longest for very long lists,
    /// not worth measuring per key), so the room column gets what these titles do not need.
    private func longestTitle(in rows: [Row]) -> Int {
        guard rows.count <= 2000 else { return longestTitle }
        let chinese = strings.language == .zh
        var longest = 0
        for row in rows {
            guard let index = row.session else { continue }
            let title = schedule.sessions[index].leadTitle(chinese: chinese)
            // A character takes at least a byte for each of its cells: a shorter title cannot be longer.
            if title.utf8.count > longest { longest = max(longest, measure.cells(title)) }
        }
        return longest
    }

    /// The cursor's place among the session rows (1-based; 0 on a label) and how many there are.
    public var sessionPosition: (position: Int, total: Int) {
        let total = rows.count - labelRows.count
        guard rows.indices.contains(cursor), rows[cursor].session != nil else { return (0, total) }
        var low = 0, high = labelRows.count   // binary search: how many labels precede the cursor
        while low < high {
            let mid = (low + high) / 2
            if labelRows[mid] < cursor { low = mid + 1 } else { high = mid }
        }
        return (cursor - low + 1, total)
    }

    func computeRows() -> RowList {
        var rowList = rowsForView()
        guard readingRest else { return rowList }
        // Before the other days are read, "nothing here" is not known, and lists over every
        // day (search, my agenda, changes) are not whole.
        let listsSessions = rowList.rows.contains { $0.session != nil }
        if !listsSessions { rowList = RowList() }
        if !listsSessions || list != .day(mode) { rowList.note(strings.stillReading) }
        return rowList
    }

    private func rowsForView() -> RowList {
        switch list {
        case .changes: changesRows()
        case .myAgenda: myAgendaRows()
        case .results: searchRows()
        case .day(.chronological), .day(.timetable): orEmptyDay(RowList(rows: daySessions().map(Row.session)))
        case .day(.byRoom): grouped(by: rooms, missing: strings.noRoom)
        case .day(.byTrack): grouped(by: tracks, missing: strings.noTrack)
        case .day(.nowNext): nowNextRows()
        }
    }

    /// Whether the session at `index` is listed on the selected day as continuing from an earlier one.
    func isContinuation(_ index: Int) -> Bool {
        schedule.days.indices.contains(day) && !schedule.days[day].continuing.isEmpty
            && schedule.days[day].continuing.contains(index) && list == .day(mode)
    }

    /// The selected day's sessions that the filter admits.
    func daySessions() -> [Int] {
        guard schedule.days.indices.contains(day) else { return [] }
        let indices = schedule.days[day].sessionIndices
        if !filter.isActive { return indices }
        return indices.filter(admits)
    }

    private func grouped(by facet: FacetIndex, missing: String) -> RowList {
        var groups = [[Int]](repeating: [], count: facet.names.count)
        for index in daySessions() { groups[Int(facet.number[index])].append(index) }
        var list = RowList()
        for (n, group) in groups.enumerated() where !group.isEmpty {
            list.heading(facet.names[n].isEmpty ? missing : facet.names[n])
            list.rows.append(contentsOf: group.map(Row.session))
        }
        return orEmptyDay(list)
    }

    /// `list`, or what an empty day says: nothing here, and when the filter emptied it, on
    /// which days it shows sessions.
    func orEmptyDay(_ list: RowList) -> RowList {
        guard list.rows.isEmpty else { return list }
        var empty = list
        empty.note(strings.noSessions)
        if filter.isActive {
            let days = schedule.days.indices.filter { $0 != day && schedule.days[$0].sessionIndices.contains(where: admits) }
            empty.note(strings.filteredElsewhere(days.map { dayTabLabels[$0] }))
        }
        return empty
    }

    /// Matches across every day, under a heading per day.
    private func searchRows() -> RowList {
        let matches = filter.isActive ? search.matches.filter(admits) : search.matches
        // Matches are in session order and a day holds consecutive sessions: each day's
        // matches are one slice, found by binary search.
        var slices: [(day: Int, matches: Range<Int>)] = []
        var from = 0
        for (day, range) in schedule.days.map(\.sessionRange).enumerated() where from < matches.count {
            let to = matches[from...].partition(below: range.upperBound)
            if from < to { slices.append((day, from..<to)) }
            from = to
        }
        guard !slices.isEmpty else { return RowList().orNote(strings.noMatches) }
        // A first letter matches thousands: their rows are written straight into place.
        var labelRows: [Int] = []
        labelRows.reserveCapacity(slices.count)
        let count = slices.reduce(0) { $0 + 1 + $1.matches.count }
        let rows = [Row](unsafeUninitializedCapacity: count) { out, written in
            for (label, slice) in slices.enumerated() {
                labelRows.append(written)
                out.initializeElement(at: written, to: .heading(label))
                written += 1
                for index in matches[slice.matches] {
                    out.initializeElement(at: written, to: .session(index))
                    written += 1
                }
            }
        }
        return RowList(rows: rows, labels: slices.map { dayTitle($0.day) }, labelRows: labelRows)
    }

    /// Favourites in time order, a heading per day, the free time between them.
    private func myAgendaRows() -> RowList {
        var list = RowList()
        var lastDay: Int?
        var previousEnd: Date?
        for index in favouriteIndices {
            let session = schedule.sessions[index]
            let dayIndex = schedule.dayIndex(ofSession: index)
            if dayIndex != lastDay {
                list.heading(dayIndex.map(dayTitle) ?? "")
                lastDay = dayIndex
                previousEnd = nil
            }
            if let previousEnd {
                let minutes = Int(session.start.timeIntervalSince(previousEnd) / 60)
                if minutes >= 5 { list.gap(minutes: minutes) }
            }
            list.rows.append(.session(index))
            previousEnd = max(previousEnd ?? session.end, session.end)
        }
        return list.orNote(strings.noFavourites)
    }

    /// Per room (filter applied), the session running now and the next one to start. Rooms
    /// with something left today come first; a session listed once, even when the file
    /// holds it twice (same title and start).
    private func nowNextRows() -> RowList {
        var current = [Int?](repeating: nil, count: rooms.names.count)
        var upcoming = [Int?](repeating: nil, count: rooms.names.count)
        let sessions = schedule.sessions
        for index in sessions.indices where sessions[index].end > now && admits(index) {
            let room = Int(rooms.number[index])
            if sessions[index].start <= now {
                if current[room] == nil { current[room] = index }
            } else if upcoming[room] == nil {
                if let running = current[room], sessions[running].title == sessions[index].title,
                   sessions[running].start == sessions[index].start { continue }
                upcoming[room] = index
            }
        }
        let today = todayIndex
        func hasToday(_ room: Int) -> Bool {
            [current[room], upcoming[room]].contains { $0.map { schedule.dayIndex(ofSession: $0) == today } ?? false }
        }
        let listed = rooms.names.indices.filter { current[$0] != nil || upcoming[$0] != nil }
        var list = RowList()
        for room in listed.filter(hasToday) + listed.filter({ !hasToday($0) }) {
            list.heading(rooms.names[room].isEmpty ? strings.noRoom : rooms.names[room])
            if let index = current[room] { list.rows.append(.session(index)) }
            if let index = upcoming[room] { list.rows.append(.session(index)) }
        }
        return list.orNote(strings.nothingNow)
    }

    /// Today's conference day by the venue clock (nil when today is none).
    var todayIndex: Int? { DaySpec.today.dayIndex(in: schedule, now: now) }

    /// A session says which day it starts ("Sun 11:00") in now & next when that is not today,
    /// and in local time (`z`) when the local date is not the date of the day it is listed under.
    func needsDayInTime(_ index: Int) -> Bool {
        if list == .day(.nowNext) { return schedule.dayIndex(ofSession: index) != todayIndex }
        guard showLocalTime, let listed = list == .day(mode) ? day : schedule.dayIndex(ofSession: index),
              schedule.days.indices.contains(listed) else { return false }
        let date = schedule.days[listed].date, local = time.parts(schedule.sessions[index].start)
        return local.day != date.day || local.month != date.month
    }

    /// "Friday 27 December 2024 · Day 2" in the UI language.
    func dayTitle(_ index: Int) -> String { dayTitles.indices.contains(index) ? dayTitles[index] : "" }

    /// Every day's title and tab label, worked out once per schedule: formatting dates is slow
    /// enough to show in a keystroke.
    static func dayLabels(_ schedule: Schedule, _ strings: Strings) -> (titles: [String], tabs: [String]) {
        let text = DayNames(strings: strings, time: VenueTime(timeZone: schedule.timeZone))
        let dates = schedule.days.map { schedule.conference.calendar.date(from: $0.date) }
        let titles = dates.enumerated().map { index, date in date.map { text.long($0) + " · " + strings.day(index + 1) } ?? "" }
        // A single day's tab gives its full date.
        let tabs = dates.map { date in dates.count == 1 ? text.long(date ?? Date()) : text.tab(date ?? Date()) }
        return (titles, tabs)
    }
}

extension ArraySlice<Int> {
    /// The index of the first element not below `bound`, in a slice sorted ascending.
    func partition(below bound: Int) -> Int {
        var low = startIndex, high = endIndex
        while low < high {
            let mid = (low + high) / 2
            if self[mid] < bound { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
