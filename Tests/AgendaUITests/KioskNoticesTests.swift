import Foundation
import Testing
@testable import AgendaModel
@testable import AgendaUI

/// A door screen whose room several keys of the notices file name: the most severe status
/// shows, whichever key comes first (a pick by a dictionary's order showed EVACUATE in half
/// the runs).
@Suite struct KioskNoticesTests {
    static func notices(_ rooms: [(String, String)]) throws -> VenueNotices {
        let members = rooms.map { "\"\($0.0)\": {\"status\": \"\($0.1)\"}" }
        let text = "{\"rooms\": {" + members.joined(separator: ", ") + "}}"
        return try VenueNotices.read(Data(text.utf8), file: "notices.json", zone: KioskFixtures.zone)
    }

    static func door(_ schedule: Schedule = KioskFixtures.congress, room: String, _ notices: VenueNotices) -> KioskState {
        var state = KioskFixtures.state(schedule, at: "10-22 10:00", room: room)
        state.notices = notices
        return state
    }

    /// The same two keys with their statuses swapped, in both orders: evacuate every time.
    @Test func twoSpellingsOfTheRoomEvacuateWhicheverComesFirst() throws {
        let hall = "Convention Hall No. 1"
        for keys in [[hall, "CONVENTION HALL NO. 1"], ["CONVENTION HALL NO. 1", hall]] {
            for statuses in [["open", "evacuate"], ["evacuate", "open"]] {
                let state = Self.door(room: hall, try Self.notices(Array(zip(keys, statuses))))
                #expect(state.takeover == .evacuate(room: hall, note: nil), "\(keys) \(statuses)")
                #expect(state.status(of: hall)?.status == .evacuate)
            }
        }
    }

    /// A room's name and its guid: full wins over open, either way round.
    @Test func aNameAndTheRoomsGuidCombine() throws {
        var schedule = KioskFixtures.congress
        schedule.conference.roomGuids = ["f00d": "Room 202"]
        for pair in [[("F00D", "full"), ("room 202", "open")], [("F00D", "open"), ("room 202", "full")],
                     [("room 202", "full"), ("f00d", "open")], [("room 202", "open"), ("f00d", "full")]] {
            let state = Self.door(schedule, room: "Room 202", try Self.notices(pair))
            #expect(state.status(of: "Room 202")?.status == .full, "\(pair)")
            #expect(state.fullRooms.map(\.room) == ["Room 202"])
        }
    }

    @Test func aRoomNamedWithoutItsAccentsIsThatRoom() throws {
        let congress = KioskFixtures.congress
        let schedule = Schedule(conference: congress.conference, sessions: congress.sessions.map { session in
            var session = session
            if session.room == "Room 201" { session.room = "Salle Étoile" }
            return session
        })
        let state = Self.door(schedule, room: "salle etoile", try Self.notices([("SALLE ETOILE", "evacuate")]))
        #expect(state.doorRooms == ["Salle Étoile"])
        #expect(state.takeover == .evacuate(room: "Salle Étoile", note: nil))
    }
}
