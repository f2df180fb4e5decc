import Foundation
import Testing
@testable import AgendaModel

@Suite struct NowNextTests {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!
    static func at(_ hour: Double, day: Int = 22) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(year: 2021, month: 10, day: day))!.addingTimeInterval(hour * 3600)
    }
    static func session(_ id: String, _ start: Double, _ end: Double, _ room: String?, day: Int = 22) -> Session {
        Session(id: id, title: id, start: at(start, day: day), end: at(end, day: day), room: room)
    }
    static let schedule = Schedule(conference: Conference(title: "T", timeZone: zone), sessions: [
        session("keynote", 9, 10, nil),
        session("a1", 10, 11, "B"), session("a2", 10.5, 11.5, "B"), session("a3", 13, 14, "B"),
        session("a4", 15, 16, "B"), session("b1", 11, 12, "A"),
        session("late", 0.5, 1.5, "A", day: 23),   // after midnight: still the 22nd's conference day
        session("d2", 9, 10, "B", day: 23),
    ])

    @Test func roomsInProgrammeOrderWithNoRoomLast() {
        #expect(Self.schedule.rooms == ["B", "A", nil])
        #expect(Self.schedule.room(named: "b") == "B")
        #expect(Self.schedule.room(named: "C") == nil)
    }

    @Test func overlappingSessionsShowTheOneThatStartedLast() {
        let outlook = Self.schedule.outlook(room: "B", at: Self.at(10.75), horizon: 23 * 3600)
        #expect(outlook.current?.id == "a2")
        #expect(outlook.next?.id == "a3")
        #expect(outlook.later.map(\.id) == ["a4"])
    }

    @Test func laterStopsAtTheConferenceDayAndNextAtTheHorizon() {
        let evening = Self.schedule.outlook(room: "B", at: Self.at(17), horizon: 23 * 3600)
        #expect(evening.current == nil && evening.next?.id == "d2" && evening.later.isEmpty)
        let short = Self.schedule.outlook(room: "B", at: Self.at(17), horizon: 3600)
        #expect(short.isEmpty)
        let night = Self.schedule.outlook(room: "A", at: Self.at(20), horizon: 23 * 3600)
        #expect(night.next?.id == "late" && night.later.isEmpty)
    }

    @Test func sessionsWithoutRoomFormTheirOwnRow() {
        let outlook = Self.schedule.outlook(room: nil, at: Self.at(9.5), horizon: 23 * 3600)
        #expect(outlook.current?.id == "keynote" && outlook.next == nil)
    }

    @Test func firstStartAndEnded() {
        #expect(Self.schedule.firstStart(after: Self.at(0))?.id == "keynote")
        #expect(Self.schedule.firstStart(after: Self.at(0)) { $0.room == "A" }?.id == "b1")
        #expect(!Self.schedule.anyEnded(by: Self.at(9.5)))
        #expect(Self.schedule.anyEnded(by: Self.at(10)))
    }

    @Test func mergingKeepsEverySessionUnderTheFirstConference() {
        let other = Schedule(conference: Conference(title: "Other", timeZone: .gmt),
                             sessions: [Self.session("x", 8, 9, "C")])
        let merged = Schedule.merging([Self.schedule, other])
        #expect(merged?.conference.title == "T")
        #expect(merged?.sessions.count == Self.schedule.sessions.count + 1)
        #expect(merged?.sessions.first?.id == "x")
        #expect(Schedule.merging([]) == nil)
    }
}
