import Testing
import AgendaCanvas
@testable import AgendaModel
@testable import AgendaUI

/// Golden boards: room and venue, 80×24 and 160×45, English, Chinese and ASCII.
/// Text snapshots carry no colour: they are the monochrome board.
@Suite struct KioskSnapshotTests {
    @Test(arguments: [(80, 24), (160, 45)])
    func roomMode(width: Int, height: Int) {
        let state = KioskFixtures.state(at: "10-22 13:32", room: "Room 201", size: (width, height))
        expectSnapshot(KioskBoard.render(state), "kiosk-room-\(width)x\(height)")
    }

    @Test(arguments: [(80, 24), (160, 45)])
    func venueMode(width: Int, height: Int) {
        let state = KioskFixtures.state(at: "10-22 14:15", size: (width, height))
        expectSnapshot(KioskBoard.render(state), "kiosk-venue-\(width)x\(height)")
    }

    @Test(arguments: [(80, 24), (160, 45)])
    func chineseLabels(width: Int, height: Int) {
        let room = KioskFixtures.state(KioskFixtures.chinese, at: "10-22 13:32", room: "二〇一会议室",
                                       language: .zh, size: (width, height))
        expectSnapshot(KioskBoard.render(room), "kiosk-room-zh-\(width)x\(height)")
        let venue = KioskFixtures.state(KioskFixtures.chinese, at: "10-22 13:40", language: .bilingual, size: (width, height))
        expectSnapshot(KioskBoard.render(venue), "kiosk-venue-bilingual-\(width)x\(height)")
    }

    @Test func bundledPlenaryBeforeItStarts() {
        let state = KioskState(schedule: BundledSchedule.load(), now: KioskFixtures.at("10-22 08:50"),
                               size: Size(width: 80, height: 24), options: KioskOptions(language: .bilingual))
        expectSnapshot(KioskBoard.render(state), "kiosk-plenary-0850-80x24")
    }

    @Test func asciiFallback() {
        let state = KioskFixtures.state(at: "10-22 14:15", room: "Room 201", ascii: true)
        expectSnapshot(KioskBoard.render(state), "kiosk-room-ascii-80x24")
    }

    @Test func smallScreenKeepsNowAndNext() {
        let state = KioskFixtures.state(at: "10-22 14:15", room: "Room 201", size: (40, 12))
        expectSnapshot(KioskBoard.render(state), "kiosk-room-40x12")
    }

    @Test func beforeTheProgramme() {
        expectSnapshot(KioskBoard.render(KioskFixtures.state(at: "10-20 10:00")), "kiosk-before-80x24")
    }
}
