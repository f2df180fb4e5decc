import Foundation
import Testing
@testable import AgendaModel

@Suite struct UnmatchedFilterTests {
    @Test func nearestNamesFirstForATypo() {
        let rooms = ["Saal 1", "Saal GLITCH", "Saal ZIGZAG", "Stage HUFF"]
        #expect(NearestNames.to("sal 1", among: rooms).first == "Saal 1")
        #expect(NearestNames.to("glitch", among: rooms) == ["Saal GLITCH"])
        #expect(NearestNames.to("Nope", among: rooms).isEmpty)
    }

    @Test func aRoomOrTrackTheScheduleLacksIsNamed() throws {
        let schedule = try PentabarfFixture.schedule()
        #expect(ScheduleQuery(room: "janson").unmatchedNameWarnings(in: schedule).isEmpty)
        let typo = ScheduleQuery(room: "Jansen").unmatchedNameWarnings(in: schedule)
        #expect(typo == ["no room \"Jansen\" in the schedule; nearest: \"Janson\""])
        let none = ScheduleQuery(room: "Nope", track: "Nope").unmatchedNameWarnings(in: schedule)
        #expect(none.count == 2)
        #expect(none[0].hasPrefix("no room \"Nope\" in the schedule; its rooms: \"Janson\", \"K.1.105\""))
        #expect(none[1].hasPrefix("no track \"Nope\""))
    }

    @Test func theDaysThereAre() throws {
        #expect(ScheduleQuery.dayRange(of: try PentabarfFixture.schedule()) == "days 1–2 (2021-02-06 to 2021-02-07)")
        #expect(ScheduleQuery.dayRange(of: BundledSchedule.load()) == "day 1 (2021-10-22)")
    }
}
