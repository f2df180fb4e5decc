import Foundation
import Testing
import AgendaCanvas
@testable import AgendaModel
@testable import AgendaUI

/// The browser on the day read ahead of a large file (`readingRest`), and the whole programme
/// arriving under it (`.wholeFileRead`).
@Suite struct ReadAheadViewTests {
    /// The congress fixture's second day alone, with its first day's tab empty: what
    /// `FrabXMLReadAhead` gives for 28 December.
    static func secondDayAhead(now: String = "2024-12-28T10:10:00+01:00") -> (AppState, whole: Schedule) {
        let whole = Fixtures.congress().schedule
        let second = whole.days[1]
        let day = Schedule(conference: whole.conference, sessions: Array(whole.sessions[second.sessionRange]))
            .withEmptyDays(whole.days.map(\.date))
        var state = AppState(schedule: day, size: Size(width: 120, height: 40), now: Fixtures.date(now),
                             settings: BrowserSettings(readingAhead: true))
        state.apply(.jumpToNow)
        return (state, whole)
    }

    func listed(_ state: AppState) -> [String] {
        state.rows.map { row in
            switch row {
            case .session(let i): state.schedule.sessions[i].title
            case .heading(let n), .note(let n): state.labels[n]
            case .gap: "gap"
            }
        }
    }

    @Test func anEmptyDayIsStillBeingReadNotEmpty() {
        var (state, _) = Self.secondDayAhead()
        #expect(state.day == 1)
        #expect(listed(state) == ["Day Two Keynote", "Kernel Debugging", "Closing"])
        state.apply(.changeDay(-1))
        #expect(listed(state) == [state.strings.stillReading])
        #expect(Screen.render(state).text().contains("Still reading the other days"))
        #expect(!Screen.render(state).text().contains(state.strings.noSessions))
    }

    /// Lists over every day say that they are not whole yet, under what is found so far.
    @Test func searchAndMyAgendaSayTheyAreNotWhole() {
        var (state, _) = Self.secondDayAhead()
        state.apply(.startSearch)
        for c in "kernel" { state.apply(.searchType(c)) }
        #expect(listed(state).last == state.strings.stillReading)
        #expect(listed(state).contains("Kernel Debugging"))
        state.apply(.searchDone)
        state.apply(.toggleMyAgenda)
        #expect(listed(state) == [state.strings.stillReading])
    }

    @Test func theWholeProgrammeKeepsTheDayByDateAndTheSelection() {
        // The day read ahead without the other days' tabs: 28 December is day 0 there, day 1 in the whole.
        let whole = Fixtures.congress().schedule
        let second = Schedule(conference: whole.conference, sessions: Array(whole.sessions[whole.days[1].sessionRange]))
        var state = AppState(schedule: second, size: Size(width: 120, height: 40), now: Fixtures.date("2024-12-28T10:10:00+01:00"),
                             settings: BrowserSettings(readingAhead: true))
        state.apply(.move(1))
        let chosen = state.selectedSession?.title
        state.apply(.wholeFileRead(whole, reopen: false))
        #expect(state.day == 1)
        #expect(state.selectedSession?.title == chosen)
        #expect(!listed(state).contains(state.strings.stillReading))
    }

    /// Untouched, the browser ends where it would have opened on the whole programme.
    @Test func untouchedItOpensAsTheWholeWould() {
        var (state, whole) = Self.secondDayAhead()
        state.apply(.wholeFileRead(whole, reopen: true))
        let opened = AppState(schedule: whole, size: Size(width: 120, height: 40), now: Fixtures.date("2024-12-28T10:10:00+01:00"))
        #expect(state.day == opened.day)
        #expect(state.cursor == opened.cursor)
        #expect(state.selectedSession?.key == opened.selectedSession?.key)
        #expect(Screen.render(state).text() == Screen.render(opened).text())
    }
}
