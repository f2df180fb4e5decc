import Foundation
import AgendaModel

/// Builds the rows of the list for the current day, view, search, filter and favourites.
extension AppState {
    mutating func rebuildRows(keepSelection: Bool) {
        rows = computeRows()
        if keepSelection, let selected, let row = rows.firstIndex(of: .session(selected)) {
            cursor = row
        } else {
            cursor = rows.firstIndex { $0.session != nil } ?? 0
        }
        selected = rows.indices.contains(cursor) ? rows[cursor].session : nil
        clampScrolling()
    }

    func computeRows() -> [Row] {
        if showingChanges { return changesRows() }
        if showingMyAgenda { return myAgendaRows() }
        if !search.query.isEmpty { return searchRows() }
        switch mode {
        case .chronological, .timetable: return orEmpty(daySessions().map(Row.session), strings.noSessions)
        case .byRoom: return grouped(by: .room, missing: strings.noRoom)
        case .byTrack: return grouped(by: .track, missing: strings.noTrack)
        case .nowNext: return nowNextRows()
        }
    }

    /// The selected day's sessions that the filter admits.
    func daySessions() -> [Int] {
        guard schedule.days.indices.contains(day) else { return [] }
        let range = schedule.days[day].sessionRange
        if !filter.isActive { return Array(range) }
        return range.filter { filter.admits(schedule.sessions[$0]) }
    }

    private func orEmpty(_ rows: [Row], _ note: String) -> [Row] { rows.isEmpty ? [.note(note)] : rows }

    private func grouped(by facet: Filter.Facet, missing: String) -> [Row] {
        var groups: [String: [Int]] = [:]
        for index in daySessions() {
            groups[Filter.value(of: schedule.sessions[index], facet), default: []].append(index)
        }
        var rows: [Row] = []
        for name in groups.keys.sorted(by: { $0.localizedStandardCompare($1) == .orderedAscending }) {
            rows.append(.heading(name.isEmpty ? missing : name))
            rows.append(contentsOf: groups[name]!.map(Row.session))
        }
        return orEmpty(rows, strings.noSessions)
    }

    /// Matches across every day, under a heading per day.
    private func searchRows() -> [Row] {
        var rows: [Row] = []
        var lastDay: Int?
        var dayIndex = 0
        for index in search.matches where filter.admits(schedule.sessions[index]) {
            while dayIndex < schedule.days.count, !schedule.days[dayIndex].sessionRange.contains(index) { dayIndex += 1 }
            if dayIndex != lastDay, dayIndex < schedule.days.count {
                rows.append(.heading(dayTitle(dayIndex)))
                lastDay = dayIndex
            }
            rows.append(.session(index))
        }
        return orEmpty(rows, strings.noMatches)
    }

    /// Favourites in time order, a heading per day, the free time between them.
    private func myAgendaRows() -> [Row] {
        var rows: [Row] = []
        var lastDay: Int?
        var previousEnd: Date?
        for index in favouriteIndices {
            let session = schedule.sessions[index]
            let dayIndex = schedule.dayIndex(ofSession: index)
            if dayIndex != lastDay {
                rows.append(.heading(dayIndex.map(dayTitle) ?? ""))
                lastDay = dayIndex
                previousEnd = nil
            }
            if let previousEnd {
                let minutes = Int(session.start.timeIntervalSince(previousEnd) / 60)
                if minutes >= 5 { rows.append(.gap(minutes: minutes)) }
            }
            rows.append(.session(index))
            previousEnd = max(previousEnd ?? session.end, session.end)
        }
        return orEmpty(rows, strings.noFavourites)
    }

    /// Per room (filter applied), the session running now and the next one to start.
    private func nowNextRows() -> [Row] {
        var current: [String: Int] = [:]
        var upcoming: [String: Int] = [:]
        for (index, session) in schedule.sessions.enumerated() where session.end > now && filter.admits(session) {
            let room = session.room ?? ""
            if session.start <= now {
                if current[room] == nil { current[room] = index }
            } else if upcoming[room] == nil {
                upcoming[room] = index
            }
        }
        var rows: [Row] = []
        let rooms = Set(current.keys).union(upcoming.keys)
        for room in rooms.sorted(by: { $0.localizedStandardCompare($1) == .orderedAscending }) {
            rows.append(.heading(room.isEmpty ? strings.noRoom : room))
            if let index = current[room] { rows.append(.session(index)) }
            if let index = upcoming[room] { rows.append(.session(index)) }
        }
        return orEmpty(rows, strings.nothingNow)
    }

    /// "Friday 27 December 2024 · Day 2" in the UI language.
    func dayTitle(_ index: Int) -> String {
        guard schedule.days.indices.contains(index),
              let date = schedule.conference.calendar.date(from: schedule.days[index].date) else { return "" }
        return DateText(strings: strings, time: VenueTime(timeZone: schedule.timeZone)).long(date) + " · " + strings.day(index + 1)
    }
}
