import Foundation
import Testing
import AgendaCanvas
@testable import AgendaUI
@testable import AgendaModel

/// Issue 17: the moves a newcomer makes in the first five minutes.
private extension AppState {
    var sessionTitles: [String] { rows.compactMap { $0.session.map { schedule.sessions[$0].title } } }
    mutating func press(_ key: Key) { if let action = KeyMap.action(for: .key(key), in: self) { apply(action) } }
    mutating func press(_ text: String) { for c in text { press(.char(c)) } }
    var pickerLabels: [String] { picker.items.map(\.label) }
}

@Suite struct HelpClosingTests {
    @Test(arguments: [Key.char("q"), .escape, .char("?")])
    func closesTheHelpWithoutQuitting(_ key: Key) {
        var state = Fixtures.congress()
        state.press("?")
        #expect(state.overlay == .help)
        state.press(key)
        #expect(state.overlay == .none && !state.shouldQuit)
        state.press("q")
        #expect(state.shouldQuit)
    }
}

@Suite struct PickerTests {
    @Test func slashThenTypingNarrowsToMatchingChoicesUnderTheirHeadings() {
        var state = Fixtures.congress()
        state.press("p")
        state.press("/saal g")
        #expect(state.picker.typing && state.pickerLabels == ["Rooms", "Saal G"])
        state.press(.enter)
        state.press(" ")
        #expect(state.filter.hidden[.room] == ["Saal G"])
        state.press(.escape)  // first Esc drops the query, the second closes
        #expect(state.overlay == .picker && state.picker.query.isEmpty && state.pickerLabels.count > 3)
        state.press(.escape)
        #expect(state.overlay == .none && !state.sessionTitles.contains("开源硬件与教育"))
    }

    @Test func aWhileNarrowedKeepsOnlyThoseShown() {
        var state = Fixtures.congress()
        state.press("p")
        state.press("/saal")
        state.press(.backspace)
        state.press(.backspace)
        state.press("al 2")
        state.press(.enter)
        state.press("a")
        #expect(state.filter.hidden[.room] == ["Saal 1", "Saal G"])
        state.press("a")
        #expect(!state.filter.isActive)
    }

    @Test func homeEndAndGMoveToTheFirstAndLastChoice() {
        var state = Fixtures.congress()
        state.press("p")
        state.press("G")
        #expect(state.picker.cursor == state.picker.items.count - 1)
        state.press("g")
        #expect(state.picker.cursor == 1)  // past the "Rooms" heading
        state.press(.end)
        #expect(state.picker.cursor == state.picker.items.count - 1)
        state.press(.home)
        state.press(.pageDown)
        #expect(state.picker.cursor > 1)
        state.press(.pageUp)
        #expect(state.picker.cursor == 1)
    }

    @Test func xClearsTheFilterAndEveryChangeAsksToBeKept() {
        var state = Fixtures.congress()
        state.press("p")
        state.press(" ")
        state.press(.escape)
        #expect(state.filter.isActive && state.takeEffects() == [.filterChanged])
        #expect(Screen.render(state).text().contains("x show all"))
        state.press("x")
        #expect(!state.filter.isActive && state.takeEffects() == [.filterChanged])
        #expect(state.sessionTitles.count == 6)
    }

    @Test func aKeptFilterIsRestored() {
        var state = Fixtures.congress()
        state.apply(.filterRestored([.room: ["Saal 2"]]))
        #expect(state.filter.isActive && !state.sessionTitles.contains("Rust in Space"))
        #expect(Screen.render(state).text().contains("filtered"))
    }

    @Test func snapshotNarrowedPicker() {
        var state = Fixtures.congress()
        state.press("p")
        state.press("/saal")
        expectSnapshot(Screen.render(state), "picker-narrowed-120x40")
    }
}

@Suite struct WordStartSearchTests {
    private func index(_ titles: [String]) -> SearchIndex {
        let start = Fixtures.date("2024-12-27T10:00:00+01:00")
        return SearchIndex(titles.enumerated().map { i, title in
            Session(id: "\(i)", title: title, start: start, end: start.addingTimeInterval(3600))
        })
    }

    @Test func matchesAtWordStartsOnly() {
        let index = index(["Trust in PGP", "Rust for Rustaceans", "Die Auswahl", "Wahlcomputer", "Web-Rust", "“Rust” quoted",
                           "Über Rüstung", "Привет", "研究Rust"])
        #expect(index.matches(index.fold("rust")) == [1, 4, 5, 6, 8])
        #expect(index.matches(index.fold("wahl")) == [3])
        #expect(index.matches(index.fold("ривет")) == [])
        #expect(index.matches(index.fold("привет")) == [7])
    }

    @Test func typingLetterByLetterFindsWhatOneQueryFinds() {
        let index = index(["Trust in PGP", "Rust for Rustaceans", "trusty rustacean", "Die Auswahl"])
        let query = index.fold("rustacean")
        var hits = index.search(Array(query.prefix(1)))
        for length in 2...query.count { hits = index.search(Array(query.prefix(length)), within: hits) }
        #expect(hits.sessions == [1, 2] && hits == index.search(query))
    }

    @Test func wordsMatchInAnyOrder() {
        let index = index(["Rust for Rustaceans", "Embedded Rust on a Microcontroller", "Microcontrollers"])
        #expect(index.matches(index.fold("micro rust")) == [1])
        #expect(index.matches(index.fold("rust micro")) == [1])
        let typed = index.fold("rust mi")
        var hits = index.search(Array(typed.prefix(1)))
        for length in 2...typed.count { hits = index.search(Array(typed.prefix(length)), within: hits) }
        #expect(hits.sessions == [1])
    }

    @Test func chineseMatchesAnywhere() {
        let index = index(["开源硬件与教育", "Open hardware"])
        #expect(index.matches(index.fold("硬件")) == [0])
    }

    @Test func highlightsOnlyWordStartHits() {
        var folding = SearchFolding()
        #expect(folding.matches(of: folding.fold("rust"), in: "Trust Rust") == [6..<10])
        #expect(folding.matches(of: folding.fold("space rust"), in: "Rust in Space") == [0..<4, 8..<13])
        #expect(folding.matches(of: folding.fold("硬件"), in: "开源硬件") == [2..<4])
    }
}

@Suite struct SearchKeepsYourPlaceTests {
    @Test func leavingTheSearchStaysOnTheChosenSessionAndItsDay() {
        var state = Fixtures.congress()
        state.press("/")
        state.press("kernel")
        state.press(.enter)
        #expect(state.selectedSession?.title == "Kernel Debugging")
        state.press(.escape)
        #expect(state.search.query.isEmpty && state.day == 1 && state.selectedSession?.title == "Kernel Debugging")
    }

    @Test func myAgendaDropsTheSearchAndItsStatusText() {
        var state = Fixtures.congress()
        state.press("/")
        state.press("rust")
        state.press(.enter)
        #expect(Screen.render(state).text().contains("/rust"))
        state.press("F")
        #expect(!Screen.render(state).text().contains("/rust") && !state.search.isActive)
    }

    @Test func theDetailHighlightsTheMatch() {
        var state = Fixtures.congress()
        state.press("/")
        state.press("space")
        state.press(.enter)
        let canvas = Screen.render(state)
        let detail = state.layout.detail
        let roles = (detail.x..<(detail.x + detail.width)).map { canvas[$0, detail.y].role }
        #expect(roles.contains(.match))
    }
}

@Suite struct ContextTests {
    /// Fifty ten-minute talks from 10:00, at 14:10 (talk 25 running).
    private func running(size: Size = Size(width: 120, height: 40)) -> AppState {
        let schedule = Fixtures.manySessions(50).schedule
        var state = AppState(schedule: schedule, size: size, now: Fixtures.date("2024-12-27T14:10:00+01:00"))
        state.apply(.resize(size))
        return state
    }

    @Test func startsWithTheRunningSessionInTheUpperThird() {
        let state = running()
        #expect(state.selectedSession?.title == "Talk number 25")
        let height = state.layout.list.height
        #expect(state.cursor - state.listTop == height / 3)
        #expect(state.listTop + height > state.cursor + 10)  // what comes next is on screen
    }

    @Test func threeRowsStayVisibleAroundTheSelection() {
        var state = Fixtures.manySessions(50)
        let height = state.layout.list.height
        for _ in 0..<40 {
            state.apply(.move(1))
            #expect(state.cursor + 3 < state.listTop + height || state.listTop + height == state.rows.count)
        }
        for _ in 0..<40 {
            state.apply(.move(-1))
            #expect(state.cursor - 3 >= state.listTop || state.listTop == 0)
        }
    }

    @Test func pastSessionsAreDimmedAndMarked() {
        let state = running()
        let canvas = Screen.render(state)
        let list = state.layout.list
        let pastRow = list.y + (24 - state.listTop)   // talk 24 ended at 14:10
        #expect(canvas.text(x: 0, y: pastRow) == "·" && canvas[6, pastRow].role == .dim)
        let nextRow = list.y + (26 - state.listTop)
        #expect(canvas.text(x: 0, y: nextRow) == " " && canvas[6, nextRow].role != .dim)
        expectSnapshot(canvas, "context-running-120x40")
    }
}

@Suite struct NowNextDaysTests {
    @Test func sessionsNotTodaySayTheirDayAndRoomsWithNothingTodayComeLast() {
        var state = Fixtures.congress(now: "2024-12-27T13:30:00+01:00")
        state.apply(.cycleView(-1))  // now & next
        #expect(state.mode == .nowNext)
        let headings = state.rows.compactMap { if case .heading(let n) = $0 { state.labels[n] } else { nil } }
        #expect(headings == ["Saal 2", "Saal G", "Saal 1"])
        #expect(Set(state.sessionTitles).count == state.sessionTitles.count)
        let text = Screen.render(state).text()
        #expect(text.contains("Sat 10:00    Day Two Keynote") && text.contains("Sat 11:30    Kernel Debugging"))
        #expect(text.contains("13:00–14:30  Lightning Talks"))
        expectSnapshot(Screen.render(state), "now-next-days-120x40")
    }

    @Test func aSessionTheFileHoldsTwiceIsListedOnce() {
        let start = Fixtures.date("2024-12-27T10:00:00+01:00")
        let twice = (0..<2).map { Session(id: "\($0)", title: "Same", start: start, end: start.addingTimeInterval(3600), room: "A") }
        let schedule = Schedule(conference: Conference(title: "C", timeZone: TimeZone(identifier: "Europe/Berlin")!), sessions: twice)
        var state = AppState(schedule: schedule, size: Size(width: 120, height: 40), now: start.addingTimeInterval(600))
        state.apply(.cycleView(-1))
        #expect(state.sessionTitles == ["Same"])
    }
}

@Suite struct WidthTests {
    @Test func titlesGetFortyCellsAtOneHundredTwentyColumns() {
        let state = Fixtures.congress()
        let columns = SessionListView.Columns(width: state.layout.list.width, longestRoom: 30, longestTitle: 80,
                                              besideDetail: true)
        // Forty less the space that keeps the track's bar off the time.
        #expect(state.layout.sideBySide && columns.title >= 39)
    }

    @Test func besideTheDetailShortTitlesLeaveTheRoomWhole() {
        // The plenary at 100 columns: one short title; the list takes what it needs to show the
        // room whole, up to three fifths; long titles keep the even split.
        let start = Fixtures.date("2021-10-22T09:00:00+08:00")
        func state(title: String) -> AppState {
            let session = Session(id: "1", title: title, start: start, end: start.addingTimeInterval(3600),
                                  room: "Convention Hall No. 1")
            let schedule = Schedule(conference: Conference(title: "C", timeZone: TimeZone(identifier: "Asia/Shanghai")!),
                                    sessions: [session])
            return AppState(schedule: schedule, size: Size(width: 100, height: 30), now: start.addingTimeInterval(-86400))
        }
        let short = state(title: "Plenary Session")
        #expect(short.layout.sideBySide && short.layout.list.width > 50 && short.layout.list.width <= 60)
        #expect(Screen.render(short).text().contains("Plenary Session  Convention Hall No. 1"))
        let long = state(title: String(repeating: "Long title ", count: 6))
        #expect(long.layout.list.width == 50)
    }

    @Test func timetableColumnsGrowWithTheTerminal() {
        var narrow = Fixtures.manySessions(50, size: Size(width: 120, height: 40))
        narrow.apply(.cycleView(3))
        var wide = Fixtures.manySessions(50, size: Size(width: 200, height: 40))
        wide.apply(.cycleView(3))
        #expect(wide.mode == .timetable)
        #expect(TimetableGrid(wide).columnWidth > TimetableGrid(narrow).columnWidth)
        #expect(TimetableGrid(wide).columnWidth >= "Digitalisierung".count + 2)
    }

    @Test func aURLStartsItsOwnLineAndIsNotBrokenWhereItFits() {
        let start = Fixtures.date("2024-12-27T10:00:00+01:00")
        let url = "https://events.ccc.de/congress/2024/hub/de/event/x-y-z/"
        let session = Session(id: "1", title: "T", start: start, end: start.addingTimeInterval(3600), url: url)
        let schedule = Schedule(conference: Conference(title: "C", timeZone: TimeZone(identifier: "Europe/Berlin")!), sessions: [session])
        let state = AppState(schedule: schedule, size: Size(width: 160, height: 40), now: start)
        #expect(DetailView.textRect(state).width >= url.count && DetailView.textRect(state).width - DetailView.labelWidth < url.count)
        #expect(DetailView.lines(state).contains { $0.text == url && $0.indent == 0 })
    }
}

@Suite struct BothClocksTests {
    @Test func zNamesBothClocksAndKeepsTheTimetableWhereItWas() {
        var state = Fixtures.manySessions(50, size: Size(width: 120, height: 40))
        state = AppState(schedule: state.schedule, size: Size(width: 120, height: 40), now: state.now,
                         localZone: TimeZone(identifier: "Asia/Kolkata")!)  // half an hour off: the grid start moves
        state.apply(.cycleView(3))
        state.apply(.page(1))
        let top = TimetableGrid(state).firstSlot
        let before = TimetableGrid(state).start.addingTimeInterval(Double(top) * TimetableGrid(state).slotSeconds)
        state.apply(.toggleLocalTime)
        let grid = TimetableGrid(state)
        #expect(grid.start.addingTimeInterval(Double(grid.firstSlot) * grid.slotSeconds) == before)
        let header = Screen.render(state).text().split(separator: "\n")[0]
        #expect(header.contains("14:30 Asia/Kolkata · 10:00 Europe/Berlin"))
    }
}
