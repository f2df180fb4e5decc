import Foundation
import Testing
import AgendaCanvas
@testable import AgendaModel
@testable import AgendaUI

/// `agenda kiosk --room` names a room as `list --room` does (`NameMatch`).
@Suite struct KioskRoomNameTests {
    @Test func aDoorScreenForTheStartOrAWordOfTheName() {
        let schedule = KioskFixtures.congress
        func state(_ room: String) -> KioskState {
            KioskState(schedule: schedule, now: KioskFixtures.at("10-22 09:30"), size: Size(width: 80, height: 24),
                       options: KioskOptions(rooms: [room]))
        }
        #expect(state("convention").doorRooms == ["Convention Hall No. 1"])
        #expect(state("CONVENTION HALL").unknownRooms.isEmpty)
        #expect(state("302").doorRooms == ["Room 302"])
        // Several rooms fit "room 3": the screen says so rather than pick one.
        #expect(state("room 3").doorRooms == [])
        #expect(state("room 3").content == .unknownRooms(["room 3"]))
    }
}
