import AgendaModel

/// Two rows: the conference and the current venue time, then the day of the selected session.
enum HeaderView {
    static func draw(_ state: AppState, into canvas: inout Canvas) {
        let width = canvas.size.width
        let measure = state.measure
        let conference = state.schedule.conference
        let time = VenueTime(timeZone: conference.timeZone)
        canvas.fill(Rect(x: 0, y: 0, width: width, height: 1), role: .header)

        let clock = "\(time.shortDay(state.now))  \(time.clock(state.now)) \(time.offset(state.now))"
        let clockWidth = measure.cells(clock)
        let showClock = width - clockWidth - 2 >= 24
        if showClock { canvas.put(clock, x: width - clockWidth - 1, y: 0, role: .header, measure: measure) }

        var title = conference.title
        if let short = conference.shortTitle, short != title { title = "\(short) · \(title)" }
        let room = width - 2 - (showClock ? clockWidth + 2 : 0)
        canvas.put(TextLayout.fit(title, width: room, measure: measure), x: 1, y: 0, role: .header, measure: measure)

        canvas.put(dayLine(state, time), x: 1, y: 1, limit: width - 2, role: .headerAccent, measure: measure)
    }

    static func dayLine(_ state: AppState, _ time: VenueTime) -> String {
        let schedule = state.schedule
        guard let session = state.selectedSession,
              let dayIndex = schedule.dayIndex(ofSession: state.selection) else { return "No sessions" }
        let day = schedule.days[dayIndex]
        let count = day.sessionRange.count
        let date = schedule.conference.calendar.date(from: day.date) ?? session.start
        return "\(time.longDay(date)) · day \(dayIndex + 1) of \(schedule.days.count) · \(count) session\(count == 1 ? "" : "s")"
    }
}
