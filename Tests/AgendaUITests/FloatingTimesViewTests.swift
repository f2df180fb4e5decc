import Foundation
import Testing
import AgendaCanvas
@testable import AgendaModel
@testable import AgendaUI

@Suite struct FloatingTimesViewTests {
    func state() -> AppState {
        var conference = Conference(title: "FOSDEM 2021", timeZone: TimeZone(identifier: "UTC")!)
        conference.floating = true
        let start = ISO8601DateFormatter().date(from: "2021-02-06T10:00:00Z")!
        let schedule = Schedule(conference: conference, sessions: [Session(id: "1", title: "Talk", start: start, end: start + 1800, room: "Janson")])
        var state = AppState(schedule: schedule, size: Size(width: 100, height: 24), now: start)
        state.apply(.resize(state.size))
        return state
    }

    @Test func labelledTimesAsPublished() {
        let text = Screen.render(state()).text()
        #expect(text.contains("times as published"))
        #expect(!text.contains("venue time"))
    }

    @Test func zExplainsInsteadOfConverting() {
        var state = state()
        state.apply(.toggleLocalTime)
        #expect(!state.showLocalTime)
        let text = Screen.render(state).text()
        #expect(text.contains("no time zone"))
        #expect(!text.contains("local time"))
    }
}
