import Foundation
import Testing
@testable import AgendaModel

/// Sessions that start together are in the publisher's room order everywhere (the lists,
/// `agenda list`), not by the rooms' names.
@Suite struct ParallelSessionOrderTests {
    // K.1.105 is listed before H.2215; both hold a 10:00 talk.
    @Test func theFilesRoomOrderBreaksTies() throws {
        let schedule = try PentabarfFixture.schedule()
        #expect(schedule.sessions.map(\.title) == ["Welcome", "Kernel news", "Rust in the kernel", "Closing"])
        let listed = ScheduleListing.text(schedule).split(separator: "\n").map { $0.split(separator: "\t")[2] }
        #expect(listed == ["Janson", "K.1.105", "H.2215", "Janson"])
    }

    @Test func sortingMadeSessionsKeepsTheOrder() throws {
        let read = try PentabarfFixture.schedule()
        let again = Schedule(conference: read.conference, sessions: read.sessions.reversed())
        #expect(again.sessions.map(\.title) == read.sessions.map(\.title))
        // A zone given afterwards re-sorts by the same order.
        #expect(read.assigningZone(TimeZone(identifier: "UTC")!).sessions.map(\.title) == read.sessions.map(\.title))
    }

    @Test func unlistedRoomsFollowByNameAndNoRoomComesLast() {
        let zone = TimeZone(identifier: "UTC")!
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        var conference = Conference(title: "T", timeZone: zone)
        conference.rooms = ["Zulu", "Alpha"]
        let sessions = [nil, "Beta", "Alpha", "Zulu", "Ash"].enumerated().map { n, room in
            Session(id: "\(n)", title: "T\(n)", start: start, end: start + 600, room: room)
        }
        let schedule = Schedule(conference: conference, sessions: sessions)
        #expect(schedule.sessions.map(\.room) == ["Zulu", "Alpha", "Ash", "Beta", nil])
    }

    @Test func aJSONFilesRoomsKeepTheirOrder() throws {
        let json = """
            {"schedule": {"conference": {"title": "T", "time_zone_name": "UTC", "days": [{"date": "2024-01-01", "rooms": {
              "H.1302": [{"id": 1, "title": "In H", "date": "2024-01-01T10:00:00+00:00", "duration": "00:30"}],
              "AW1.120": [{"id": 2, "title": "In AW", "date": "2024-01-01T10:00:00+00:00", "duration": "00:30"}]}}]}}}
            """
        let schedule = try ScheduleLoader.read(Data(json.utf8), file: "s.json")
        #expect(schedule.sessions.map(\.room) == ["H.1302", "AW1.120"])
        let merged = try #require(Schedule.merging([schedule, schedule]))
        #expect(merged.sessions.map(\.room) == ["H.1302", "H.1302", "AW1.120", "AW1.120"])
    }
}
