import Foundation
import Testing
import AgendaCanvas
@testable import AgendaUI
@testable import AgendaModel

/// The terminal cursor follows the focus (issue 16): screen readers and braille displays read
/// the line at the cursor, so after every action it must stand on what was chosen.
@Suite struct CursorFocusTests {
    static let sizes = [Size(width: 120, height: 40), Size(width: 80, height: 24), Size(width: 60, height: 16)]

    /// The row of the screen the cursor is on, and the text from the cursor to its end.
    static func atCursor(_ canvas: Canvas) throws -> (line: String, fromCursor: String) {
        let cursor = try #require(canvas.cursor)
        #expect(cursor.x >= 0 && cursor.x < canvas.size.width && cursor.y >= 0 && cursor.y < canvas.size.height)
        let line = canvas.text().split(separator: "\n", omittingEmptySubsequences: false)[cursor.y]
        var cells = ""
        for x in cursor.x..<canvas.size.width where !canvas[x, cursor.y].isContinuation { cells += canvas.text(x: x, y: cursor.y) }
        return (String(line), cells)
    }

    /// The cursor is on the selected session's row, where its title begins.
    static func expectOnSelectedTitle(_ state: AppState, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let title = try #require(state.selectedSession.map { state.title(of: $0) })
        let (_, fromCursor) = try atCursor(Screen.render(state))
        #expect(fromCursor.hasPrefix(String(title.prefix(4))), "cursor at \"\(fromCursor)\", selected \(title)",
                sourceLocation: sourceLocation)
    }

    @Test(arguments: sizes)
    func followsTheSelectionThroughMovesDaysAndViews(size: Size) throws {
        var state = Fixtures.congress(size: size)
        try Self.expectOnSelectedTitle(state)
        let actions: [Action] = [.move(1), .move(2), .last, .first, .changeDay(1), .move(1), .changeDay(-1),
                                 .cycleView(1), .move(3), .cycleView(1), .move(-1), .cycleView(2), .move(1)]
        for action in actions {
            state.apply(action)
            try Self.expectOnSelectedTitle(state)
        }
        #expect(state.mode == .nowNext)
    }

    @Test(arguments: sizes)
    func followsTheSelectionDownALongScrolledList(size: Size) throws {
        var state = Fixtures.manySessions(80, size: size)
        for action: Action in [.move(45), .page(1), .page(-2), .last] {
            state.apply(action)
            let canvas = Screen.render(state)
            try Self.expectOnSelectedTitle(state)
            #expect(canvas.cursor!.y == state.layout.list.y + state.cursor - state.listTop)
        }
    }

    @Test func inTheTimetableStandsInTheSelectedBox() throws {
        var state = Fixtures.congress(size: Size(width: 120, height: 40))
        state.apply(.cycleView(3))
        #expect(state.showsTimetable)
        try Self.expectOnSelectedTitle(state)
        state.apply(.move(1))
        try Self.expectOnSelectedTitle(state)
    }

    @Test(arguments: sizes)
    func standsOnTheDetailsFirstLineWhenItHasTheFocus(size: Size) throws {
        var state = Fixtures.congress(size: size)
        state.apply(.move(1))
        state.apply(.open)
        let canvas = Screen.render(state)
        let detail = DetailView.textRect(state)
        #expect(canvas.cursor == Point(x: detail.x, y: detail.y))
        #expect(try Self.atCursor(canvas).fromCursor.hasPrefix("Café Ünïcode"))
        state.apply(.back)
        try Self.expectOnSelectedTitle(state)
    }

    @Test func standsAtTheEndOfTheSearchText() throws {
        var state = Fixtures.congress(size: Size(width: 80, height: 24))
        state.apply(.startSearch)
        var canvas = Screen.render(state)
        #expect(canvas.cursor == Point(x: 2, y: 23))   // after "/"
        for c in "rust" { state.apply(.searchType(c)) }
        canvas = Screen.render(state)
        #expect(canvas.cursor == Point(x: 6, y: 23))
        #expect(try Self.atCursor(canvas).line.hasPrefix(" /rust"))
        state.apply(.searchDone)
        try Self.expectOnSelectedTitle(state)
        #expect(state.selectedSession?.title == "Rust in Space")
    }

    @Test(arguments: sizes)
    func standsOnThePickersSelectedEntryAndAtTheEndOfItsQuery(size: Size) throws {
        var state = Fixtures.congress(size: size)
        state.apply(.togglePicker)
        state.apply(.move(2))
        var (line, fromCursor) = try Self.atCursor(Screen.render(state))
        let item = state.picker.items[state.picker.cursor]
        #expect(fromCursor.hasPrefix("[x] " + item.label), "\(line)")
        state.apply(.pickerFind)
        for c in "saal" { state.apply(.pickerType(c)) }
        (line, fromCursor) = try Self.atCursor(Screen.render(state))
        #expect(line.contains("/saal") && fromCursor.hasPrefix("▏"), "\(line)")
    }

    @Test func standsOnTheFirstHelpLineShown() throws {
        var state = Fixtures.plenary(60, 12)
        state.apply(.toggleHelp)
        let first = try Self.atCursor(Screen.render(state)).line
        state.apply(.move(2))
        let scrolled = try Self.atCursor(Screen.render(state)).line
        #expect(first != scrolled)
        #expect(HelpView.rows(state).dropFirst(2).first.map { scrolled.contains($0.text.prefix(20)) } == true)
    }

    @Test func withNothingListedStandsOnTheNote() throws {
        var state = Fixtures.congress(size: Size(width: 80, height: 24))
        state.apply(.toggleMyAgenda)
        #expect(state.selected == nil)
        let (line, _) = try Self.atCursor(Screen.render(state))
        #expect(line.contains(state.strings.noFavourites.prefix(10)))
    }

    /// The clock ticking leaves the cursor where it is.
    @Test func aTickDoesNotMoveIt() throws {
        var state = Fixtures.congress(size: Size(width: 100, height: 30))
        state.apply(.move(2))
        let before = Screen.render(state).cursor
        state.apply(.tick(state.now.addingTimeInterval(60)))
        #expect(Screen.render(state).cursor == before)
    }
}
