import Foundation
import Testing
import AgendaCanvas
import AgendaModel
@testable import AgendaUI

/// The timetable opens where the day is, and sessions back to back stay apart.
@Suite struct TimetablePlacementTests {
    static func timetable(now: String, size: Size) -> AppState {
        var state = Fixtures.congress(size: size, now: now)
        while state.mode != .timetable { state.apply(.cycleView(1)) }
        return state
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 50)])
    func theNowLineOpensInTheUpperThird(size: Size) throws {
        let state = Self.timetable(now: "2024-12-27T14:05:00+01:00", size: size)
        let canvas = Screen.render(state)
        let body = state.layout.list
        let line = try #require((body.y..<(body.y + body.height)).first { y in canvas.roles(row: y).contains(.nowLine) })
        #expect(line - body.y <= body.height / 3 + 1, "\(canvas.text())")
        #expect(line - body.y >= 2, "the hour before now stays in view\n\(canvas.text())")
    }

    @Test func tInTheTimetableBringsTheNowLineBack() throws {
        var state = Self.timetable(now: "2024-12-27T14:05:00+01:00", size: Size(width: 120, height: 24))
        state.apply(.first)
        state.apply(.changeDay(1))
        state.apply(.jumpToNow)
        let canvas = Screen.render(state)
        #expect((0..<24).contains { canvas.roles(row: $0).contains(.nowLine) }, "\(canvas.text())")
    }

    @Test func backToBackSessionsInARoomAreApart() throws {
        let state = Self.timetable(now: "2024-12-27T10:05:00+01:00", size: Size(width: 120, height: 40))
        let grid = TimetableGrid(state)
        let sessions = state.schedule.sessions
        let opening = try #require(sessions.firstIndex { $0.title == "Opening" })
        let cafe = try #require(sessions.firstIndex { $0.title == "Café Ünïcode" })
        let first = try #require(grid.box(of: opening, in: state.schedule))
        let second = try #require(grid.box(of: cafe, in: state.schedule))
        #expect(first.x == second.x)
        #expect(first.y + first.height < second.y, "a row between \(first) and \(second)")
    }
}
