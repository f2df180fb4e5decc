import Foundation
import Testing
import AgendaCanvas
@testable import AgendaModel
@testable import AgendaUI

/// The start screen and `t` land on today, whatever long session began on an earlier day.
@Suite struct TodayTests {
    static let zone = TimeZone(identifier: "Europe/Berlin")!

    /// A 30-day exhibition opening on 1 June, and one talk at 10:00 and one at 15:00 every day.
    static func month() -> Schedule {
        func at(_ day: Int, _ hour: Int) -> Date {
            ISO8601DateFormatter().date(from: String(format: "2025-06-%02dT%02d:00:00+02:00", day, hour))!
        }
        var sessions = [Session(id: "expo", title: "Exhibition", start: at(1, 9), end: at(30, 18), room: "Hall")]
        for day in 1...30 {
            sessions.append(Session(id: "m\(day)", title: "Morning talk \(day)", start: at(day, 10), end: at(day, 11), room: "Room A"))
            sessions.append(Session(id: "a\(day)", title: "Afternoon talk \(day)", start: at(day, 15), end: at(day, 16), room: "Room A"))
        }
        return Schedule(conference: Conference(title: "A month", timeZone: zone), sessions: sessions)
    }

    func state(at now: String) -> AppState {
        AppState(schedule: Self.month(), size: Size(width: 120, height: 40), now: ISO8601DateFormatter().date(from: now)!)
    }

    @Test func theStartScreenOpensOnTodayNotOnTheDayALongSessionBegan() {
        let state = state(at: "2025-06-15T12:00:00+02:00")
        #expect(state.schedule.days[state.day].date.day == 15)
        #expect(state.selectedSession?.title == "Afternoon talk 15")
    }

    @Test func tComesBackToToday() {
        var state = state(at: "2025-06-15T09:30:00+02:00")
        state.apply(.changeDay(-5))
        state.apply(.jumpToNow)
        #expect(state.schedule.days[state.day].date.day == 15)
        #expect(state.selectedSession?.title == "Morning talk 15")
    }

    @Test func afterTodaysLastSessionTheNextDayIsShown() {
        let state = state(at: "2025-06-15T20:00:00+02:00")
        #expect(state.selectedSession?.title == "Morning talk 16")
    }

    @Test func theDayOfNowFollowsTheVenueClockAndTheDayChange() {
        let schedule = Self.month()
        // 02:00 on the 16th still belongs to the 15th (the day changes at 04:00).
        let night = ISO8601DateFormatter().date(from: "2025-06-16T02:00:00+02:00")!
        #expect(schedule.dayIndex(at: night).map { schedule.days[$0].date.day } == 15)
        #expect(schedule.dayIndex(at: ISO8601DateFormatter().date(from: "2025-07-02T10:00:00+02:00")!) == nil)
    }

    /// A session over three days, as CACIE pages have: on its second day, start and `t` land
    /// on the second day's tab with it selected.
    @Test func aSessionOverSeveralDaysIsFoundOnTodaysTab() throws {
        func at(_ day: Int, _ hour: Int) -> Date {
            ISO8601DateFormatter().date(from: String(format: "2021-10-%02dT%02d:00:00+08:00", day, hour))!
        }
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        let schedule = Schedule(conference: Conference(title: "Expo", timeZone: zone),
                                sessions: [Session(id: "expo", title: "Expo", start: at(21, 9), end: at(23, 17), room: "Hall"),
                                           Session(id: "open", title: "Opening", start: at(21, 9), end: at(21, 10), room: "Hall 2")])
        try #require(schedule.days.count == 3)
        var state = AppState(schedule: schedule, size: Size(width: 120, height: 40), now: at(22, 11))
        #expect(state.schedule.days[state.day].date.day == 22)
        #expect(state.selectedSession?.title == "Expo")
        state.apply(.changeDay(-1))
        state.apply(.jumpToNow)
        #expect(state.schedule.days[state.day].date.day == 22)
        #expect(state.selectedSession?.title == "Expo")
    }
}
