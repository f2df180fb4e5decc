import Foundation
import Testing
import AgendaCanvas
@testable import AgendaUI
@testable import AgendaModel

/// `--screen-reader` (issue 16): a line read aloud is one thing, marks are words, titles are
/// whole, and the status line says what each key did.
@Suite struct ScreenReaderTests {
    static func reader(_ size: Size, now: String = "2024-12-27T10:40:00+01:00") -> AppState {
        // `.asciiMarks`: as --glyphs auto gives it.
        Fixtures.congress(size: size, now: now, favourites: ["guid-2", "guid-3"],
                          settings: BrowserSettings(glyphs: .asciiMarks, screenReader: true))
    }

    static func lines(_ canvas: Canvas) -> [String] { canvas.text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    @Test(arguments: [Size(width: 120, height: 40), Size(width: 80, height: 24), Size(width: 40, height: 12)])
    func rowsAreSentencesWithTheSelectedOneMarked(size: Size) throws {
        var state = Self.reader(size)
        state.apply(.first)
        state.apply(.move(1))
        let canvas = Screen.render(state)
        let text = canvas.text()
        #expect(!text.contains("│") && !text.contains("|") && !text.contains("…") && !text.contains("~"), "\(text)")
        let cursor = try #require(canvas.cursor)
        let line = Self.lines(canvas)[cursor.y]
        #expect(line.hasPrefix("> "), "\(line)")
        // The selected row, read from the cursor to the next row, holds its title and its marks.
        let row = Self.lines(canvas)[cursor.y...].prefix { $0 == line || $0.hasPrefix("   ") }.joined(separator: " ")
        let words = row.split(separator: " ").joined(separator: " ")
        for word in ["Café Ünïcode", "Saal 1", "running", "starred", "clash"] {
            #expect(words.contains(word), "\(word) missing from \(words)")
        }
        #expect(String(line.dropFirst(cursor.x)).hasPrefix("Café"))
        #expect(Self.lines(canvas).filter { $0.hasPrefix(">") }.count == 1)
    }

    @Test func longTitlesWrapWhole() {
        let title = "A Very Long Title About Accessible Terminal Interfaces for Everyone at the Venue"
        let zone = TimeZone(identifier: "Europe/Berlin")!
        let start = Fixtures.date("2024-12-27T10:00:00+01:00")
        let sessions = [Session(id: "1", title: title, start: start, end: start.addingTimeInterval(1800), room: "Saal 1"),
                        Session(id: "2", title: "Next", start: start.addingTimeInterval(3600), end: start.addingTimeInterval(5400))]
        let state = AppState(schedule: Schedule(conference: Conference(title: "T", timeZone: zone), sessions: sessions),
                             size: Size(width: 50, height: 12), now: start, settings: BrowserSettings(screenReader: true))
        let text = Screen.render(state).text()
        let joined = text.split(separator: "\n").joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(joined.contains(title), "\(text)")
        #expect(!text.contains("…"))
        expectSnapshot(Screen.render(state), "screen-reader-wrapped-50x12")
    }

    @Test func theSelectedRowShowsWholeAtTheBottom() throws {
        var state = Fixtures.manySessions(40, size: Size(width: 40, height: 12), settings: BrowserSettings(screenReader: true))
        for _ in 0..<20 {
            state.apply(.move(1))
            let canvas = Screen.render(state)
            let cursor = try #require(canvas.cursor)
            let title = try #require(state.selectedSession?.title)
            #expect(String(Self.lines(canvas)[cursor.y].dropFirst(cursor.x)).hasPrefix(title), "\(canvas.text())")
        }
    }

    @Test func onePaneAtATime() {
        var state = Self.reader(Size(width: 120, height: 40))
        #expect(!state.layout.sideBySide)
        state.apply(.open)
        #expect(state.detailOpen)
        let canvas = Screen.render(state)
        #expect(canvas.cursor == Point(x: DetailView.textRect(state).x, y: DetailView.textRect(state).y))
        state.apply(.back)
        // Every view stays reachable; in the timetable the cursor is in the selected box.
        state.apply(.cycleView(3))
        #expect(state.showsTimetable)
        let grid = Screen.render(state)
        let cursor = grid.cursor ?? Point(x: 0, y: 0)
        let line = Self.lines(grid)[cursor.y]
        #expect(state.selectedSession?.title == "Café Ünïcode")
        #expect(String(line.dropFirst(cursor.x)).hasPrefix("*! Café Ünïcode"), "\(grid.text())")   // starred, clash
    }

    @Test func theStatusLineSaysWhatEachKeyDid() {
        var state = Self.reader(Size(width: 80, height: 24))
        func status() -> String { String(Self.lines(Screen.render(state)).last ?? "") }
        state.apply(.first)
        state.apply(.toggleFavourite)
        #expect(status().contains("starred"))
        state.apply(.toggleFavourite)
        #expect(status().contains("unstarred"))
        state.apply(.move(1))
        #expect(!status().contains("starred"))   // said once, not forever
        state.apply(.changeDay(1))
        #expect(status().contains("Saturday 28 December 2024"))
        state.apply(.cycleView(1))
        #expect(status().contains("By room"))
        state.apply(.startSearch)
        for c in "rust" { state.apply(.searchType(c)) }
        #expect(status().contains("1 match"))
        state.apply(.searchDone)
        #expect(status().contains("1 match"))
        state.apply(.tick(state.now.addingTimeInterval(60)))
        #expect(status().contains("1 match"))      // the clock does not take it away
        state.apply(.back)
        state.apply(.toggleMyAgenda)
        #expect(status().contains("My agenda"))
    }

    @Test func clicksFindTheRowOfAWrappedLine() throws {
        var state = Self.reader(Size(width: 40, height: 16))
        let lines = SpokenListView.lines(state)
        let target = try #require(lines.lastIndex { $0.first && state.rows[$0.row].session != nil })
        state.apply(.click(x: 5, y: state.layout.list.y + target))
        #expect(state.cursor == lines[target].row)
    }

    /// Help, picker and a scrolled detail: no frame or scroll mark to be read out with each line.
    @Test func overlaysHaveNoFrameAndKeysHaveNames() {
        var state = Self.reader(Size(width: 80, height: 24))
        state.apply(.toggleHelp)
        var text = Screen.render(state).text()
        #expect(!text.contains("|") && !text.contains("+-") && text.contains("Up Down") && !text.contains("^ v"), "\(text)")
        state.apply(.back)
        state.apply(.togglePicker)
        text = Screen.render(state).text()
        #expect(!text.contains("|") && text.contains("[x] Saal 1"), "\(text)")
        state.apply(.back)
        var long = Fixtures.manySessions(3, size: Size(width: 60, height: 16), settings: BrowserSettings(screenReader: true))
        long.apply(.open)
        long.apply(.move(40))
        text = Screen.render(long).text()
        #expect(long.detailTop > 0 && !text.contains("▲") && !text.contains("▼"), "\(text)")
    }

    /// ↓ in a detail that fits the pane still moves the cursor a line, so the next is read.
    @Test func downInADetailMovesTheCursorLineByLine() throws {
        var state = Self.reader(Size(width: 80, height: 24))
        state.apply(.open)
        let top = try #require(Screen.render(state).cursor)
        var lines: [String] = []
        for _ in 0..<4 {
            state.apply(.move(1))
            let canvas = Screen.render(state)
            let cursor = try #require(canvas.cursor)
            lines.append(canvas.text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[cursor.y])
        }
        #expect(state.detailTop == 0, "the detail fits: nothing scrolls")
        let cursor = try #require(Screen.render(state).cursor)
        #expect(cursor.y == top.y + 4)
        #expect(Set(lines).count == 4, "\(lines)")
        // And in the help.
        state.apply(.back)
        state.apply(.toggleHelp)
        let helpTop = try #require(Screen.render(state).cursor)
        state.apply(.move(2))
        #expect(try #require(Screen.render(state).cursor).y == helpTop.y + 2)
    }

    /// Over a screen reader's list, a box takes the whole body: no line reads the list beside it.
    @Test func overlaysClearTheListBesideThem() {
        var state = Self.reader(Size(width: 80, height: 24))
        state.apply(.togglePicker)
        let lines = Screen.render(state).text().split(separator: "\n").dropFirst(3).dropLast(2)
        #expect(!lines.contains { $0.contains("10:") }, "\(lines.joined(separator: "\n"))")
    }

    /// The shown cursor is the caret: no "▏" to be read out, the cursor after the last letter.
    @Test func typingHasTheCursorAsItsCaret() {
        var state = Self.reader(Size(width: 80, height: 24))
        state.apply(.startSearch)
        for c in "rust" { state.apply(.searchType(c)) }
        var canvas = Screen.render(state)
        #expect(canvas.cursor == Point(x: 6, y: 23) && Self.lines(canvas)[23].hasPrefix(" /rust "), "\(canvas.text())")
        state.apply(.back)
        state.apply(.togglePicker)
        state.apply(.pickerFind)
        for c in "saal" { state.apply(.pickerType(c)) }
        canvas = Screen.render(state)
        let cursor = canvas.cursor ?? Point(x: 0, y: 0)
        let line = Self.lines(canvas)[cursor.y]
        #expect(line.contains("/saal - ") && !line.contains("|"), "\(line)")
        #expect(String(line.dropFirst(cursor.x)).hasPrefix(" - type"), "\(line)")
    }

    @Test func snapshots() {
        var state = Self.reader(Size(width: 80, height: 24))
        expectSnapshot(Screen.render(state), "screen-reader-80x24")
        state.apply(.cycleView(1))
        expectSnapshot(Screen.render(state), "screen-reader-by-room-80x24")
    }
}
