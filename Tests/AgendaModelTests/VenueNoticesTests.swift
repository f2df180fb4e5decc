import Foundation
import Testing
@testable import AgendaModel

/// Several keys of a notices file naming one room: the most severe status is the room's, the
/// same whatever order the file or the parsed entries give them in, and `validate` says so.
@Suite struct VenueNoticesTests {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!
    static let hall = "Convention Hall No. 1"
    static let schedule = Schedule(conference: Conference(title: "T", timeZone: zone), sessions: [
        Session(id: "p", title: "Plenary", start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 3600), room: hall),
        Session(id: "c", title: "Coffee", start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 3600), room: "Café Süd"),
    ])

    /// A notices file of `rooms` (key and status), one member a line from line 2.
    static func notices(_ rooms: [(String, String)]) throws -> VenueNotices {
        let members = rooms.map { "  \"\($0.0)\": {\"status\": \"\($0.1)\", \"note\": \"\($0.1) note\"}" }
        let text = "{\"rooms\": {\n" + members.joined(separator: ",\n") + "\n}}\n"
        return try VenueNotices.read(Data(text.utf8), file: "notices.json", zone: zone)
    }

    static func status(_ notices: VenueNotices, of room: String) -> VenueNotices.RoomStatus? {
        notices.status { schedule.room(named: $0) == room }
    }

    @Test func theMostSevereStatusWinsInEitherOrder() throws {
        let spellings = [Self.hall, "CONVENTION HALL NO. 1"]
        // The same keys with their statuses swapped, and in both orders: a pick by position
        // (a dictionary's first match) is wrong in one of them.
        for keys in [spellings, spellings.reversed()] {
            for statuses in [["open", "evacuate"], ["evacuate", "open"]] {
                let read = try Self.notices(Array(zip(keys, statuses)))
                #expect(read.rooms.count == 2)
                for entries in [read.rooms, read.rooms.reversed()] {
                    let notices = VenueNotices(rooms: entries)
                    let status = try #require(Self.status(notices, of: Self.hall))
                    #expect(status.status == .evacuate && status.note == "evacuate note", "\(keys) \(statuses)")
                }
            }
        }
        // Full outranks open; open alone is open.
        #expect(Self.status(try Self.notices([(Self.hall, "open"), ("convention hall no. 1", "full")]), of: Self.hall)?.status == .full)
        #expect(Self.status(try Self.notices([(Self.hall, "open")]), of: Self.hall)?.status == .open)
        #expect(Self.status(try Self.notices([("Hall 9", "evacuate")]), of: Self.hall) == nil)
    }

    /// One key given twice: both are kept, and the more severe wins.
    @Test func theSameKeyTwiceKeepsBoth() throws {
        for statuses in [["full", "open"], ["open", "full"]] {
            let read = try Self.notices([(Self.hall, statuses[0]), (Self.hall, statuses[1])])
            #expect(read.rooms.map(\.line) == [2, 3])
            #expect(Self.status(read, of: Self.hall)?.status == .full)
        }
    }

    /// Among equally severe entries the first in the file gives the note, held in any order.
    @Test func amongEqualsTheFirstInTheFileGivesTheNote() {
        let first = VenueNotices.RoomEntry(key: "CONVENTION HALL NO. 1", line: 3, status: .init(status: .full, note: "first"))
        let second = VenueNotices.RoomEntry(key: Self.hall, line: 7, status: .init(status: .full, note: "second"))
        #expect(Self.status(VenueNotices(rooms: [first, second]), of: Self.hall)?.note == "first")
        #expect(Self.status(VenueNotices(rooms: [second, first]), of: Self.hall)?.note == "first")
    }

    @Test func roomNamesMatchWithCaseAndAccentsFolded() {
        #expect(Self.schedule.room(named: "cafe sud") == "Café Süd")
        #expect(Self.schedule.room(named: "CAFÉ SÜD") == "Café Süd")
        #expect(Self.schedule.room(named: "convention hall no. 1") == Self.hall)
        // Two rooms alike once folded: neither is meant.
        let twins = Schedule(conference: Self.schedule.conference, sessions: Self.schedule.sessions + [
            Session(id: "x", title: "X", start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 60), room: "Cafe Sud"),
        ])
        #expect(twins.room(named: "cafe sud") == nil)
        #expect(twins.room(named: "Cafe Sud") == "Cafe Sud")
    }

    static func warnings(_ notices: VenueNotices, guids: [String: String] = [:]) -> [String] {
        notices.roomWarnings(file: "notices.json", roomNames: schedule.rooms.compactMap { $0 }) { key in
            guids[key] ?? schedule.room(named: key)
        }
    }

    @Test func validateWarnsWithTheLineWhenTwoKeysNameOneRoom() throws {
        let read = try Self.notices([(Self.hall, "open"), ("CONVENTION HALL NO. 1", "evacuate"), ("Hall 2", "open")])
        let warnings = Self.warnings(read)
        #expect(warnings.contains("notices.json:3: warning: room \"CONVENTION HALL NO. 1\" names the same room as "
                                  + "\"Convention Hall No. 1\" (line 2): the most severe status, evacuate, is shown"), "\(warnings)")
        // A name and the room's guid.
        let byGuid = try Self.notices([("f00d-1", "full"), ("Café Süd", "open")])
        #expect(Self.warnings(byGuid, guids: ["f00d-1": "Café Süd"])
                == ["notices.json:3: warning: room \"Café Süd\" names the same room as \"f00d-1\" (line 2): the most severe status, full, is shown"])
        // With no schedule, keys alike once folded are one room.
        let alone = read.roomWarnings(file: "notices.json", roomNames: []) { _ in nil }
        #expect(alone.count == 1 && alone[0].hasPrefix("notices.json:3: warning: room \"CONVENTION HALL NO. 1\" names the same room"))
        #expect(Self.warnings(try Self.notices([(Self.hall, "open"), ("Café Süd", "full")])).isEmpty)
    }

    @Test func validateSuggestsTheNearestRoomForAnUnknownKey() throws {
        let text = """
            {"notices": [{"text": "Hi", "rooms": ["Convension Hall No. 1"]}],
             "rooms": {"*": {"status": "open"},
                       "Cafe Sued": {"status": "full"}}}
            """
        let read = try VenueNotices.read(Data(text.utf8), file: "notices.json", zone: Self.zone)
        #expect(Self.warnings(read) == [
            "notices.json:3: warning: room \"Cafe Sued\" is not in the schedule; nearest: \"Café Süd\"",
            "notices.json:1: warning: room \"Convension Hall No. 1\" is not in the schedule; nearest: \"Convention Hall No. 1\"",
        ])
    }
}
