import Foundation
import Testing
@testable import AgendaModel

/// Rooms keep the order the organisers published, and rooms without sessions still exist.
@Suite struct RoomOrderTests {
    static let sharedMissing = "../shared/schedules is absent: the published files are not beside this clone"
    static var haveShared: Bool { FileManager.default.fileExists(atPath: SharedSchedules.directory.path) }

    @Test func xmlRoomsInFileOrderWithEmptyRooms() throws {
        let schedule = try PentabarfFixture.schedule()
        #expect(schedule.conference.rooms == PentabarfFixture.roomOrder)
        #expect(schedule.rooms == PentabarfFixture.roomOrder.map { $0 })
    }

    @Test func c3vocJSONRoomsListOrder() throws {
        let json = """
            {"schedule": {"conference": {"title": "T", "time_zone_name": "UTC",
              "rooms": [{"name": "Zebra"}, {"name": "Main"}, {"name": "Empty"}],
              "days": [{"date": "2024-01-01", "rooms": {
                "Main": [{"id": 1, "title": "A", "date": "2024-01-01T10:00:00+00:00", "duration": "00:30"}],
                "Zebra": [{"id": 2, "title": "B", "date": "2024-01-01T11:00:00+00:00", "duration": "00:30"}]}}]}}}
            """
        let schedule = try ScheduleLoader.read(Data(json.utf8), file: "s.json")
        #expect(schedule.rooms == ["Zebra", "Main", "Empty"])
    }

    @Test func iCalendarFirstAppearance() throws {
        var ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
        for (n, room) in ["Zulu", "Alpha", "Zulu", "Mike"].enumerated() {
            ics += "BEGIN:VEVENT\r\nUID:\(n)\r\nDTSTART:2024010\(n + 1)T100000Z\r\nDTEND:2024010\(n + 1)T110000Z\r\n"
            ics += "SUMMARY:T\(n)\r\nLOCATION:\(room)\r\nEND:VEVENT\r\n"
        }
        ics += "END:VCALENDAR\r\n"
        let schedule = try ScheduleLoader.read(Data(ics.utf8), file: "s.ics")
        #expect(schedule.rooms == ["Zulu", "Alpha", "Mike"])
    }

    @Test func jsonListsTheRooms() throws {
        let json = ScheduleJSONWriter.write(try PentabarfFixture.schedule())
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let conference = try #require(parsed?["conference"] as? [String: Any])
        #expect(conference["rooms"] as? [String] == PentabarfFixture.roomOrder)
    }

    @Test(.enabled(if: haveShared, Comment(rawValue: sharedMissing)))
    func congress38C3ListsItsHallsFirst() throws {
        let schedule = try SharedSchedules.load("38c3-schedule.xml")
        #expect(Array(schedule.rooms.prefix(3)) == ["Saal 1", "Saal GLITCH", "Saal ZIGZAG"])
    }

    @Test(.enabled(if: haveShared, Comment(rawValue: sharedMissing)))
    func fosdemKeepsItsRoomOrder() throws {
        let schedule = try SharedSchedules.load("fosdem-2025.xml")
        #expect(Array(schedule.rooms.prefix(3)) == ["J.1.106", "K.1.105 (La Fontaine)", "K.3.201"])
        #expect(schedule.rooms.count == Set(schedule.rooms).count)
    }

    @Test(.enabled(if: haveShared, Comment(rawValue: sharedMissing)))
    func c3vocJSONKeepsTheDaysRoomOrder() throws {
        let schedule = try SharedSchedules.load("35c3-schedule.json")
        #expect(Array(schedule.rooms.prefix(3)) == ["Adams", "Borg", "Clarke"])
        #expect(schedule.rooms.firstIndex(of: "Kidspace")! < schedule.rooms.firstIndex(of: "ChaosZone")!)
    }
}
