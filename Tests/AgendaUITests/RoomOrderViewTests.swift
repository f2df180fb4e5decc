import Foundation
import Testing
import AgendaCanvas
@testable import AgendaModel
@testable import AgendaUI

/// Views list rooms as the publisher ordered them, and keep rooms that hold nothing this day.
@Suite struct RoomOrderViewTests {
    static let zone = TimeZone(identifier: "Europe/Brussels")!
    static let start = ISO8601DateFormatter().date(from: "2025-02-01T10:00:00+01:00")!

    /// Rooms published as Janson, K.1.105, H.2215, AW1.120 (not alphabetical); AW1.120 is empty.
    static func state(size: Size = Size(width: 120, height: 40)) -> AppState {
        var conference = Conference(title: "FOSDEM", timeZone: zone)
        conference.rooms = ["Janson", "K.1.105", "H.2215", "AW1.120"]
        let sessions = [("1", "H.2215"), ("2", "Janson"), ("3", "K.1.105")].enumerated().map { n, pair in
            Session(id: pair.0, title: "Talk \(pair.0)", start: start + Double(n) * 60, end: start + 1800, room: pair.1)
        }
        var state = AppState(schedule: Schedule(conference: conference, sessions: sessions), size: size, now: start)
        state.apply(.resize(size))
        return state
    }

    @Test func timetableColumnsInPublishedOrderWithEmptyRooms() {
        var state = Self.state()
        state.apply(.cycleView(3))
        #expect(TimetableGrid(state).rooms == ["Janson", "K.1.105", "H.2215", "AW1.120"])
        let header = Screen.render(state).text().split(separator: "\n").first { $0.contains("Janson") }
        #expect(header.map { $0.range(of: "Janson")!.lowerBound < $0.range(of: "H.2215")!.lowerBound } == true)
    }

    @Test func byRoomInPublishedOrder() {
        var state = Self.state()
        state.apply(.cycleView(1))
        let text = Screen.render(state).text()
        let janson = text.range(of: "Janson")!.lowerBound, k = text.range(of: "K.1.105")!.lowerBound
        let h = text.range(of: "H.2215")!.lowerBound
        #expect(janson < k && k < h)
    }

    @Test func pickerListsEveryRoomInPublishedOrder() {
        var state = Self.state()
        state.apply(.togglePicker)
        let rooms = state.picker.items.filter { $0.facet == .room && $0.value != nil }.map(\.label)
        #expect(rooms == ["Janson", "K.1.105", "H.2215", "AW1.120"])
    }

    @Test func aRoomHiddenByTheFilterLeavesTheTimetable() {
        var state = Self.state()
        state.apply(.togglePicker)
        let empty = state.picker.items.firstIndex { $0.label == "AW1.120" }!
        state.apply(.move(empty - state.picker.cursor))
        state.apply(.pickerToggle)
        state.apply(.togglePicker)
        state.apply(.cycleView(3))
        #expect(TimetableGrid(state).rooms == ["Janson", "K.1.105", "H.2215"])
    }

    /// Three talks at one time: the all-rooms list has them in the published order, not by name.
    @Test func parallelTalksInTheListInPublishedOrder() {
        var conference = Conference(title: "FOSDEM", timeZone: Self.zone)
        conference.rooms = ["Janson", "K.1.105", "H.2215", "AW1.120"]
        let sessions = ["AW1.120", "H.2215", "Janson", "K.1.105"].map { room in
            Session(id: room, title: "In \(room)", start: Self.start, end: Self.start + 1800, room: room)
        }
        var state = AppState(schedule: Schedule(conference: conference, sessions: sessions),
                             size: Size(width: 120, height: 40), now: Self.start)
        state.apply(.resize(Size(width: 120, height: 40)))
        let titles = state.rows.compactMap { row -> String? in
            if case .session(let index) = row { return state.schedule.sessions[index].title } else { return nil }
        }
        #expect(titles == ["In Janson", "In K.1.105", "In H.2215", "In AW1.120"])
    }
}
