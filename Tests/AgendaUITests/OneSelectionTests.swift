import Foundation
import Testing
import AgendaCanvas
import AgendaModel
@testable import AgendaUI

/// The list's highlighted row, the counter and the detail name one session, whatever happened.
@Suite struct OneSelectionTests {
    /// Every action a key of the browser's table makes (mouse aside), each more than once so
    /// that ends of lists and days are reached.
    static let keyActions: [Action] = KeyMap.table(.browser).lines.flatMap { line in
        line.parts.flatMap { part -> [Action] in
            if case .keys(let pairs) = part { return pairs.map(\.1) } else { return [] }
        }
    }.filter { $0 != .quit && $0 != .togglePicker && $0 != .toggleHelp && $0 != .startSearch }

    static func expectOneSelection(_ state: AppState, after action: Action, sourceLocation: SourceLocation = #_sourceLocation) {
        let listed = state.rows.indices.contains(state.cursor) ? state.rows[state.cursor].session : nil
        let anySession = state.rows.contains { $0.session != nil }
        if anySession {
            #expect(listed != nil, "cursor on a label after \(action)", sourceLocation: sourceLocation)
        }
        #expect(state.selected == listed, "selected \(String(describing: state.selected)) but the row shows \(String(describing: listed)) after \(action) in \(state.list)",
                sourceLocation: sourceLocation)
        let (position, total) = state.sessionPosition
        if let listed {
            let sessionRows = state.rows.indices.filter { state.rows[$0].session != nil }
            #expect(sessionRows.firstIndex(of: state.cursor).map { $0 + 1 } == position && total == sessionRows.count,
                    "counter \(position)/\(total) after \(action)", sourceLocation: sourceLocation)
            // What the detail draws is the selected session's.
            let canvas = Screen.render(state)
            if state.detailVisible, !state.layout.isTooSmall, state.overlay == .none {
                let title = state.schedule.sessions[listed].title
                let words = title.split(separator: " ").prefix(1).map(String.init)
                #expect(words.allSatisfy { canvas.text().contains($0) }, "detail lacks \(title) after \(action)", sourceLocation: sourceLocation)
            }
        }
    }

    static func walk(_ start: AppState) {
        var state = start
        expectOneSelection(state, after: .redraw)
        for action in keyActions + keyActions.reversed() {
            for _ in 0..<3 {
                state.apply(action)
                expectOneSelection(state, after: action)
            }
        }
    }

    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]
    static let nows = ["2024-12-26T12:00:00+01:00", "2024-12-27T10:45:00+01:00", "2025-01-05T12:00:00+01:00"]

    @Test(arguments: sizes, nows) func everyKeyInEveryView(size: Size, now: String) {
        for views in 0..<ViewMode.allCases.count {
            var state = Fixtures.congress(size: size, now: now, favourites: ["guid-2", "guid-3", "guid-7"])
            state.apply(.cycleView(views))
            Self.walk(state)
            var agenda = state
            agenda.apply(.toggleMyAgenda)
            Self.walk(agenda)
            var searching = state
            searching.apply(.startSearch)
            for c in "in" { searching.apply(.searchType(c)) }
            Self.expectOneSelection(searching, after: .searchType("n"))
            searching.apply(.searchDone)
            Self.walk(searching)
        }
    }

    @Test func afterTheConferenceTStarsTheSessionTheDetailShows() throws {
        var state = Fixtures.congress(size: Size(width: 120, height: 40), now: "2025-01-05T12:00:00+01:00")
        state.apply(.jumpToNow)
        Self.expectOneSelection(state, after: .jumpToNow)
        // The conference is over: its last session, on its last day.
        let last = try #require(state.schedule.sessions.indices.last)
        #expect(state.selected == last)
        #expect(state.day == state.schedule.dayIndex(ofSession: last))
        state.apply(.toggleFavourite)
        #expect(state.favourites == [state.schedule.sessions[last].key])
    }

    @Test func aFilterThatHidesTheSelectionLeavesOneSelection() {
        var state = Fixtures.congress(size: Size(width: 120, height: 40), now: "2024-12-27T10:45:00+01:00")
        state.apply(.togglePicker)
        for _ in 0..<6 {
            state.apply(.pickerToggle)
            Self.expectOneSelection(state, after: .pickerToggle)
            state.apply(.move(1))
        }
        state.apply(.clearFilter)
        Self.expectOneSelection(state, after: .clearFilter)
    }

    @Test func aNewVersionOfTheFileLeavesOneSelection() {
        var state = Fixtures.congress(size: Size(width: 120, height: 40), now: "2024-12-27T10:45:00+01:00")
        state.apply(.move(2))
        let kept = state.schedule.sessions.filter { $0.key != state.selectedSession?.key }
        state.apply(.refreshed(Schedule(conference: state.schedule.conference, sessions: kept)))
        Self.expectOneSelection(state, after: .refreshed(state.schedule))
        state.apply(.wholeFileRead(Fixtures.congress().schedule, reopen: false))
        Self.expectOneSelection(state, after: .wholeFileRead(state.schedule, reopen: false))
    }
}
