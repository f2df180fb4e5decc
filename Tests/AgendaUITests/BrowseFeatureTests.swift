import Foundation
import Testing
import AgendaCanvas
@testable import AgendaUI
@testable import AgendaModel

private extension AppState {
    var selectedTitle: String? { selectedSession?.title }
    var sessionTitles: [String] { rows.compactMap { $0.session.map { schedule.sessions[$0].title } } }
    mutating func type(_ text: String) { for c in text { apply(.searchType(c)) } }
}

@Suite struct DayTests {
    @Test func opensOnDayOneBeforeTheConference() {
        let state = Fixtures.congress()
        #expect(state.day == 0 && state.selectedTitle == "Opening")
    }

    @Test func opensOnTodayWhileRunning() {
        let state = Fixtures.congress(now: "2024-12-28T10:15:00+01:00")
        #expect(state.day == 1)
    }

    @Test func afterMidnightTalkBelongsToThePreviousDay() {
        let state = Fixtures.congress()
        #expect(state.sessionTitles.last == "Late Night Hacking")
    }

    @Test func bracketsAndArrowsChangeDay() {
        var state = Fixtures.congress()
        state.apply(.changeDay(1))
        #expect(state.day == 1 && state.selectedTitle == "Day Two Keynote")
        state.apply(.changeDay(1))
        #expect(state.day == 1)
        state.apply(.sideways(-1))
        #expect(state.day == 0 && state.selectedTitle == "Opening")
    }

    @Test func clickingADayTabChangesDay() throws {
        var state = Fixtures.congress()
        let tab = try #require(HeaderView.dayTabs(state).first { $0.day == 1 })
        state.apply(.click(x: tab.x + 1, y: 1))
        #expect(state.day == 1)
    }
}

@Suite struct ViewTests {
    @Test func vCyclesThroughTheViews() {
        var state = Fixtures.congress()
        var seen: [ViewMode] = [state.mode]
        for _ in 0..<5 { state.apply(.cycleView(1)); seen.append(state.mode) }
        #expect(seen == [.chronological, .byRoom, .byTrack, .timetable, .nowNext, .chronological])
    }

    @Test func byRoomGroupsUnderHeadingsAndSkipsThem() {
        var state = Fixtures.congress()
        state.apply(.cycleView(1))
        #expect(state.listed.first == .heading("Saal 1"))
        #expect(state.sessionTitles == ["Opening", "Café Ünïcode", "Rust in Space", "Lightning Talks", "开源硬件与教育", "Late Night Hacking"])
        state.apply(.first)
        state.apply(.move(2))
        #expect(state.selectedTitle == "Rust in Space")  // over the "Saal 2" heading
    }

    @Test func byTrackGroups() {
        var state = Fixtures.congress()
        state.apply(.cycleView(2))
        #expect(state.listed.compactMap { if case .heading(let h) = $0 { h } else { nil } } == ["CCC", "Hardware", "Software"])
    }

    @Test func selectionSurvivesAViewChange() {
        var state = Fixtures.congress()
        state.apply(.move(3))
        let title = state.selectedTitle
        state.apply(.cycleView(1))
        #expect(state.selectedTitle == title)
    }

    @Test func nowAndNextPerRoom() {
        var state = Fixtures.congress(now: "2024-12-27T10:45:00+01:00")
        state.apply(.cycleView(-1))
        #expect(state.mode == .nowNext)
        #expect(state.listed == [.heading("Saal 1"), .session(1), .session(6), .heading("Saal 2"), .session(2), .session(4),
                               .heading("Saal G"), .session(3)])
        // The status bar counts session rows only: the cursor on the first session is 1 of 5.
        #expect(state.cursor == 1 && state.sessionPosition == (1, 5))
        for _ in 0..<3 { state.apply(.move(1)) }
        #expect(state.rows[state.cursor] == .session(4) && state.sessionPosition == (4, 5))
        state.apply(.move(1))
        #expect(state.rows[state.cursor] == .session(3) && state.sessionPosition == (5, 5))
    }

    @Test func tJumpsToWhatRunsNow() {
        var state = Fixtures.congress(now: "2024-12-28T11:40:00+01:00")
        state.apply(.changeDay(-1))
        state.apply(.jumpToNow)
        #expect(state.day == 1 && state.selectedTitle == "Kernel Debugging")
    }

    @Test func tPrefersWhatJustStartedOverAnAllDaySession() {
        var state = Fixtures.congress(now: "2024-12-27T11:05:00+01:00")
        state.apply(.jumpToNow)
        #expect(state.selectedTitle == "开源硬件与教育")   // 11:00, not Café Ünïcode from 10:30
        state = Fixtures.congress(now: "2024-12-27T14:00:00+01:00")
        state.apply(.jumpToNow)
        #expect(state.selectedTitle == "Lightning Talks")  // nothing close: the one still running
    }

    @Test func runningSessionIsMarked() {
        let state = Fixtures.congress(now: "2024-12-27T10:10:00+01:00")
        let row = state.layout.list.y
        #expect(Screen.render(state).text(x: 0, y: row) == "▶")
    }
}

@Suite struct SearchTests {
    @Test func filtersAsYouTypeAcrossDays() {
        var state = Fixtures.congress()
        state.apply(.startSearch)
        state.type("ke")
        #expect(state.sessionTitles == ["Day Two Keynote", "Kernel Debugging"])
        #expect(state.listed.first == .heading("Saturday 28 December 2024 · Day 2"))
        #expect(state.search.matches.count == 2)
    }

    @Test func caseAndDiacriticInsensitive() {
        var state = Fixtures.congress()
        state.apply(.startSearch)
        state.type("CAFE UNI")
        #expect(state.sessionTitles == ["Café Ünïcode"])
    }

    @Test func chineseSubstring() {
        var state = Fixtures.congress()
        state.apply(.startSearch)
        state.type("硬件")
        #expect(state.sessionTitles == ["开源硬件与教育"])
    }

    @Test func searchesPersonsRoomsAndAbstracts() {
        for (query, expected) in [("王芳", "开源硬件与教育"), ("frank", "Kernel Debugging"), ("abstract of rust", "Rust in Space")] {
            var state = Fixtures.congress()
            state.apply(.startSearch)
            state.type(query)
            #expect(state.sessionTitles == [expected], "query \(query)")
        }
    }

    @Test func narrowingGivesTheSameAsSearchingAfresh() {
        var typed = Fixtures.congress()
        typed.apply(.startSearch)
        typed.type("in")
        var fresh = Fixtures.congress()
        fresh.apply(.startSearch)
        fresh.type("ix")
        fresh.apply(.searchErase)
        fresh.apply(.searchErase)
        fresh.type("in")
        #expect(typed.search.matches == fresh.search.matches)
    }

    @Test func backspaceWidensEnterKeepsTheMatchEscThenShowsItsDay() {
        var state = Fixtures.congress()
        state.apply(.startSearch)
        state.type("kernel")
        #expect(state.sessionTitles.count == 1)
        for _ in 0..<5 { state.apply(.searchErase) }
        #expect(state.sessionTitles.count > 1)
        let chosen = state.selected
        state.apply(.searchDone)
        state.apply(.back)
        // Enter keeps the match: Esc then leaves the search on it, on that session's day.
        #expect(!state.search.isActive && state.selected == chosen && state.sessionTitles.count > 1)
        #expect(state.day == chosen.flatMap { state.schedule.dayIndex(ofSession: $0) })
    }

    @Test func escWhileTypingReturnsToTheDayViewSelectionAndScroll() {
        var state = Fixtures.congress(size: Size(width: 80, height: 24))
        state.apply(.changeDay(1))
        state.apply(.cycleView(1))
        state.apply(.move(-5))
        let before = (day: state.day, mode: state.mode, selected: state.selected, top: state.listTop, rows: state.rows)
        state.apply(.startSearch)
        state.type("kernel")
        #expect(state.selected != before.selected)
        state.apply(.back)
        #expect(!state.search.isActive)
        #expect(state.day == before.day && state.mode == before.mode && state.selected == before.selected)
        #expect(state.listTop == before.top && state.rows == before.rows)
    }

    @Test func resultsOpenAtTheFirstMatchAtOrAfterWhereYouWere() throws {
        var state = Fixtures.congress()
        state.apply(.changeDay(1))
        state.apply(.move(1))
        #expect(state.selectedSession?.title == "Kernel Debugging")
        state.apply(.startSearch)
        state.type("saal 1")
        // Saal 1 has talks on both days; the first at or after Kernel Debugging is Closing.
        #expect(state.selectedSession?.title == "Closing")
        #expect(state.sessionTitles.first == "Opening")
    }

    @Test func enterKeepsResultsAndNWalksThemWrapping() {
        var state = Fixtures.congress()
        state.apply(.startSearch)
        state.type("o")
        state.apply(.searchDone)
        #expect(!state.search.editing && !state.search.query.isEmpty)
        let first = state.selectedTitle
        state.apply(.nextMatch(1))
        #expect(state.selectedTitle != first)
        state.apply(.nextMatch(-1))
        state.apply(.nextMatch(-1))
        #expect(state.selectedTitle == state.sessionTitles.last)
    }

    @Test func matchesAreHighlighted() {
        var state = Fixtures.congress()
        state.apply(.startSearch)
        state.type("rust")
        let canvas = Screen.render(state)
        let row = state.layout.list.y + state.cursor
        let roles = canvas.roles(row: row)
        let title = SessionListView.Columns.titleStart
        #expect(roles[title..<(title + 4)].allSatisfy { $0 == .match })
        #expect(roles[title + 4] != .match)
        #expect(canvas.text().contains("1 match"))
    }
}

@Suite struct FilterTests {
    @Test func hidingARoomRemovesItsSessionsAndTheHeaderSaysSo() throws {
        var state = Fixtures.congress()
        state.apply(.togglePicker)
        #expect(state.overlay == .picker)
        let saal2 = try #require(state.picker.items.firstIndex { $0.value == "Saal 2" })
        state.apply(.move(saal2 - state.picker.cursor))
        state.apply(.pickerToggle)  // Space toggles in the picker
        state.apply(.back)
        #expect(state.overlay == .none && state.filter.isActive)
        #expect(!state.sessionTitles.contains("Rust in Space"))
        #expect(Screen.render(state).text().contains("filtered"))
    }

    @Test func allOrNoneOfAFacet() {
        var state = Fixtures.congress()
        state.apply(.togglePicker)
        state.apply(.pickerAll)
        #expect(state.sessionTitles.isEmpty && state.listed.first == .note(state.strings.noSessions))
        state.apply(.pickerAll)
        #expect(state.sessionTitles.count == 6)
    }
}

@Suite struct FavouriteTests {
    @Test func starTogglesAndAsksToSave() {
        var state = Fixtures.congress()
        state.apply(.toggleFavourite)
        #expect(state.favourites == ["guid-1"])
        #expect(state.takeEffects() == [.favouriteChanged(key: "guid-1", starred: true)])
        state.apply(.toggleFavourite)
        #expect(state.favourites.isEmpty)
    }

    @Test func clashesAreFlaggedInListDetailAndAgenda() {
        var state = Fixtures.congress(favourites: ["guid-2", "guid-3", "guid-4", "guid-7"])
        #expect(state.clashes == [1, 2, 3])
        let canvas = Screen.render(state)
        #expect(canvas.text(x: 2, y: state.layout.list.y + 1) == "!")
        state.apply(.move(1))
        #expect(Screen.render(state).text().contains("Clash     Rust in Space, 10:30–11:10"))
    }

    @Test func myAgendaListsFavouritesWithGapsAcrossDays() {
        var state = Fixtures.congress(favourites: ["guid-1", "guid-5", "guid-7", "guid-9"])
        state.apply(.toggleMyAgenda)
        #expect(state.listed == [
            .heading("Friday 27 December 2024 · Day 1"), .session(0), .gap(minutes: 150), .session(4),
            .heading("Saturday 28 December 2024 · Day 2"), .session(6), .gap(minutes: 360), .session(8),
        ])
        state.apply(.back)
        #expect(!state.showingMyAgenda)
    }

    @Test func emptyAgendaExplains() {
        var state = Fixtures.congress()
        state.apply(.toggleMyAgenda)
        #expect(state.listed == [.note(state.strings.noFavourites)])
    }

    @Test func remindsOnceBeforeAFavouriteStarts() {
        var state = Fixtures.congress(favourites: ["guid-7"])
        state.apply(.tick(Fixtures.date("2024-12-28T09:50:00+01:00")))
        #expect(state.banner == nil)
        state.apply(.tick(Fixtures.date("2024-12-28T09:56:00+01:00")))
        #expect(state.banner?.text == "⏰ In 4 min: Day Two Keynote · Saal 1")
        #expect(state.takeEffects() == [.bell, .notify(title: "In 4 min: Day Two Keynote", body: "Saal 1")])
        state.apply(.tick(Fixtures.date("2024-12-28T09:57:00+01:00")))
        #expect(state.takeEffects().isEmpty)
        #expect(Screen.render(state).text().contains("In 4 min: Day Two Keynote"))
        state.apply(.tick(Fixtures.date("2024-12-28T10:00:00+01:00")))
        #expect(state.banner == nil)
    }

    @Test func noBellWhenDisabled() {
        var state = Fixtures.congress(favourites: ["guid-7"], settings: BrowserSettings(bell: false))
        state.apply(.tick(Fixtures.date("2024-12-28T09:56:00+01:00")))
        #expect(state.banner != nil && state.takeEffects() == [.notify(title: "In 4 min: Day Two Keynote", body: "Saal 1")])
    }

    @Test func favouritesSurviveAReload() {
        var state = Fixtures.congress(favourites: ["guid-8"])
        var sessions = state.schedule.sessions
        sessions.removeFirst()
        state.apply(.refreshed(Schedule(conference: state.schedule.conference, sessions: sessions)))
        #expect(state.favouriteIndices == [6])
    }
}

@Suite struct TimeZoneTests {
    @Test func zTogglesVenueAndLocalTime() {
        var state = Fixtures.congress()
        #expect(Screen.render(state).text().contains("venue time"))
        #expect(Screen.render(state).text().contains("10:00–10:30"))
        state.apply(.toggleLocalTime)
        let text = Screen.render(state).text()
        #expect(text.contains("20:00 Asia/Tokyo · 12:00 Europe/Berlin") && text.contains("18:00–18:30"))
    }
}

@Suite struct TimetableTests {
    func timetable(size: Size = Size(width: 120, height: 40)) -> AppState {
        var state = Fixtures.congress(size: size)
        state.apply(.cycleView(3))
        #expect(state.showsTimetable)
        return state
    }

    @Test func upAndDownStayInTheRoom() {
        var state = timetable()
        #expect(state.selectedTitle == "Opening")
        state.apply(.move(1))
        #expect(state.selectedTitle == "Café Ünïcode")
        state.apply(.move(1))
        #expect(state.selectedTitle == "Café Ünïcode")
    }

    @Test func sidewaysGoesToTheNearestSessionInTheNextRoom() {
        var state = timetable()
        state.apply(.move(1))
        state.apply(.sideways(1))
        #expect(state.selectedTitle == "Rust in Space")
        state.apply(.sideways(1))
        #expect(state.selectedTitle == "开源硬件与教育")
        #expect(state.day == 0)
    }

    @Test func narrowGridScrollsColumnsToTheSelection() {
        var state = timetable(size: Size(width: 40, height: 24))
        state.apply(.sideways(1))
        state.apply(.sideways(1))
        #expect(state.timetable.firstColumn > 0)
        #expect(Screen.render(state).text().contains("Saal G"))
    }

    @Test func clickOnABoxSelectsIt() throws {
        var state = timetable()
        let grid = TimetableGrid(state)
        let box = try #require(grid.box(of: 2, in: state.schedule))
        state.apply(.click(x: box.x + 2, y: box.y))
        #expect(state.selectedTitle == "Rust in Space")
    }

    @Test func enterOpensTheDetailFullWidth() {
        var state = timetable()
        state.apply(.open)
        #expect(state.detailOpen)
        #expect(Screen.render(state).text().contains("When"))
    }
}

@Suite struct TrackColourViewTests {
    @Test func sessionsOfAColouredTrackCarryItsTint() {
        let base = Fixtures.congress()
        var conference = base.schedule.conference
        conference.trackColours = ["Hardware": "#685B9D", "CCC": "#F9B000"]
        let state = AppState(schedule: Schedule(conference: conference, sessions: base.schedule.sessions),
                             size: Size(width: 120, height: 40), now: base.now)
        #expect(state.tintColours == ["#685B9D", "#F9B000"])
        let canvas = Screen.render(state)
        let firstRow = state.layout.list.y
        #expect(canvas[3, firstRow].role == .trackMark && canvas[3, firstRow].tint == 2)      // Opening: CCC
        #expect(canvas[3, firstRow + 1].tint == 1)                                           // Café: Hardware
        #expect(canvas[3, firstRow + 2].role != .trackMark)                                  // Rust: no colour given
    }
}

@Suite struct SearchHistoryTests {
    @Test func backspaceRestoresEarlierResultsExactly() {
        var state = Fixtures.congress()
        state.apply(.startSearch)
        var seen: [[Int]] = []
        for c in "keyn" { state.apply(.searchType(c)); seen.append(state.search.matches) }
        for expected in seen.dropLast().reversed() {
            state.apply(.searchErase)
            #expect(state.search.matches == expected)
        }
        state.apply(.searchErase)
        #expect(state.search.matches.isEmpty && state.search.query.isEmpty)
        state.type("o")
        var fresh = Fixtures.congress()
        fresh.apply(.startSearch)
        fresh.type("o")
        #expect(state.search.matches == fresh.search.matches)
    }
}

/// A result says why it is listed when its title does not; local time says a row's date.
@Suite struct ResultCueTests {
    @Test func aResultFoundBySpeakerOrTextSaysSo() {
        var state = Fixtures.congress(size: Size(width: 120, height: 40))
        state.apply(.startSearch)
        for c in "frank" { state.apply(.searchType(c)) }
        var text = Screen.render(state).text()
        #expect(text.contains("Kernel Debugging · speaker Frank"), "\(text)")
        state.apply(.back)
        state.apply(.startSearch)
        for c in "abstract" { state.apply(.searchType(c)) }
        text = Screen.render(state).text()
        #expect(text.contains("Opening · in its text"), "\(text)")
        state.apply(.back)
        state.apply(.startSearch)
        for c in "rust" { state.apply(.searchType(c)) }
        text = Screen.render(state).text()
        #expect(text.contains("Rust in Space") && !text.contains("Rust in Space ·"), "the title says why\n\(text)")
    }

    @Test func localTimeSaysTheDayOfARowOnAnotherDate() {
        var state = Fixtures.congress(size: Size(width: 120, height: 40), now: "2024-12-27T10:45:00+01:00")
        state.apply(.toggleLocalTime)   // Tokyo, eight hours ahead
        var text = Screen.render(state).text()
        #expect(text.contains("Sat 09:00") && text.contains("Late Night Hacking"), "\(text)")
        #expect(text.contains("18:00–18:30") && text.contains("Opening"), "same date: the range as before\n\(text)")
        state.apply(.toggleLocalTime)
        text = Screen.render(state).text()
        #expect(!text.contains("Sat 01:00"), "venue time lists after-midnight talks under their night\n\(text)")
    }
}
