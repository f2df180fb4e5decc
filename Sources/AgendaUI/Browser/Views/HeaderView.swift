import Foundation
import AgendaCanvas
import AgendaModel

/// Row 0: the conference and the clock (saying venue or local time).
/// Row 1: the day tabs, and on the right the view and whether a filter is on.
enum HeaderView {
    static func draw(_ state: AppState, into canvas: inout Canvas) {
        let width = canvas.size.width
        let measure = state.measure
        let strings = state.strings
        let conference = state.schedule.conference
        let time = state.time
        canvas.fill(Rect(x: 0, y: 0, width: width, height: 1), role: .header)

        let zoneName = conference.floating ? strings.timesAsPublished
            : state.showLocalTime ? strings.localTime : strings.venueTime
        let date = DayNames(strings: strings, time: time).short(state.now)
        var clock = "\(date)  \(time.clock(state.now)) \(zoneName)"
        if state.showLocalTime, !conference.floating {
            // Both clocks, named: the one the times are shown in first.
            let venue = VenueTime(timeZone: state.schedule.timeZone)
            let both = "\(time.clock(state.now)) \(state.localZone.identifier) · \(venue.clock(state.now)) \(state.schedule.timeZone.identifier)"
            clock = width - measure.cells(date + "  " + both) - 2 >= 24 ? date + "  " + both : both
        }
        let clockWidth = measure.cells(clock)
        let showClock = width - clockWidth - 2 >= 24
        if showClock { canvas.put(clock, x: width - clockWidth - 1, y: 0, role: .header, measure: measure) }
        var title = conference.title(in: strings.language == .zh ? "zh" : nil)
        if let short = conference.displayShortTitle { title = "\(short) · \(title)" }
        let room = width - 2 - (showClock ? clockWidth + 2 : 0)
        canvas.put(TextLayout.fit(title, width: room, measure: measure), x: 1, y: 0, role: .header, measure: measure)

        let status = statusText(state)
        let statusWidth = measure.cells(status)
        canvas.put(status, x: width - statusWidth - 1, y: 1, role: .accent, measure: measure)
        let tabs = dayTabs(state)
        if tabs.count == state.schedule.days.count {
            for tab in tabs {
                canvas.put(" \(tab.label) ", x: tab.x, y: 1, role: tab.day == state.day ? .tabSelected : .tab, measure: measure)
            }
        } else if state.schedule.days.indices.contains(state.day) {
            // Too many days for tabs: one label with arrows.
            let label = "◀ \(state.dayTitle(state.day)) ▶"
            canvas.put(TextLayout.fit(label, width: width - statusWidth - 3, measure: measure), x: 1, y: 1,
                       role: .tabSelected, measure: measure)
        }
    }

    /// "Timetable · filtered" and the like.
    static func statusText(_ state: AppState) -> String {
        let strings = state.strings
        let shown = switch state.list {
        case .changes: state.changesStarredOnly ? strings.starredChangesTitle : strings.changes
        case .myAgenda: strings.myAgenda
        case .results: strings.searchResults
        case .day(let mode): strings.viewName(mode)
        }
        var parts = [shown]
        if let note = state.staleNote { parts.insert(strings.stale(note, clock: state.time.clock(note.asOf)), at: 0) }
        if state.filter.isActive { parts.append(strings.filtered) }
        return parts.joined(separator: " · ")
    }

    struct Tab {
        let day: Int
        let label: String
        let x: Int
        let width: Int
    }

    /// One tab per day when they all fit beside the status text; otherwise none.
    static func dayTabs(_ state: AppState) -> [Tab] {
        var tabs: [Tab] = []
        var x = 1
        let limit = state.size.width - state.measure.cells(statusText(state)) - 2
        for (index, label) in state.dayTabLabels.enumerated() {
            let width = state.measure.cells(label) + 2
            guard x + width <= limit else { return [] }
            tabs.append(Tab(day: index, label: label, x: x, width: width))
            x += width + 1
        }
        return tabs
    }
}
