import Foundation
import Testing
@testable import AgendaCanvas
@testable import AgendaModel
@testable import AgendaUI

/// Big type where it matters (issue 27): EVACUATE and urgent notices in block type, ROOM FULL
/// in block letters on door screens, the room and the current title large, the QR code
/// captioned. Goldens at three sizes; solid cells show as "█".
@Suite struct KioskBigTypeTests {
    static let sizes = [(80, 24), (120, 40), (200, 50)]

    static func state(room: String? = "Room 201", at time: String = "10-22 13:32", size: (Int, Int),
                      notices json: String? = nil, linked: Bool = false) throws -> KioskState {
        var schedule = KioskFixtures.congress
        if linked {
            schedule = Schedule(conference: schedule.conference, sessions: schedule.sessions.map {
                var session = $0
                session.url = "https://example.org/\(session.id)"
                return session
            })
        }
        // A stand-in code: the goldens are about the layout, QRRasterTests about the code.
        let code: QRCodes = .encoder { _ in QRMatrix(width: 21, dark: (0..<441).map { ($0 / 21 + $0 % 21) % 3 == 0 }) }
        var state = KioskState(schedule: schedule, now: KioskFixtures.at(time), size: Size(width: size.0, height: size.1),
                               options: KioskOptions(room: room, burnInShift: false, streamURL: "https://stream.example/201"),
                               qrCodes: code)
        if let json { state.notices = try VenueNotices.read(Data(json.utf8), file: "notices.json", zone: KioskFixtures.zone) }
        return state
    }

    /// Rows of the canvas holding solid cells, as runs: the height of block letters.
    static func tallestBlock(_ canvas: Canvas) -> Int {
        var best = 0, run = 0
        for y in 0..<canvas.size.height {
            let solid = (0..<canvas.size.width).contains { canvas[$0, y].role.isInk }
            run = solid ? run + 1 : 0
            best = max(best, run)
        }
        return best
    }

    @Test(arguments: sizes)
    func evacuate(width: Int, height: Int) throws {
        let state = try Self.state(size: (width, height), notices: #"{"rooms": {"Room 201": {"status": "evacuate"}}}"#)
        let canvas = KioskBoard.render(state)
        expectSnapshot(canvas, "kiosk-evacuate-\(width)x\(height)")
        if width >= 120 { #expect(Self.tallestBlock(canvas) >= 5) }
    }

    @Test(arguments: sizes)
    func urgentNotice(width: Int, height: Int) throws {
        let state = try Self.state(size: (width, height), notices:
            #"{"notices": [{"text": "Hall 2 closed - use the east stairs", "level": "urgent"}]}"#)
        expectSnapshot(KioskBoard.render(state), "kiosk-urgent-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func roomFullDoorScreen(width: Int, height: Int) throws {
        let state = try Self.state(size: (width, height), notices:
            #"{"rooms": {"Room 201": {"status": "full", "note": "Overflow in Room 202"}}}"#, linked: true)
        let canvas = KioskBoard.render(state)
        expectSnapshot(canvas, "kiosk-roomfull-\(width)x\(height)")
        #expect(canvas.text().contains("Watch the stream") || width < 100)
    }

    @Test(arguments: sizes)
    func doorScreen(width: Int, height: Int) throws {
        let canvas = KioskBoard.render(try Self.state(size: (width, height), linked: true))
        expectSnapshot(canvas, "kiosk-door-\(width)x\(height)")
        if width >= 120 { #expect(canvas.text().contains("Talk page")) }
    }

    /// The venue file's extras at the foot of the door screen; with no talk page, the QR code
    /// leads to the room's map.
    @Test(arguments: [(120, 40), (200, 50)])
    func doorScreenWithVenueExtras(width: Int, height: Int) throws {
        let venue = try VenueRooms.read(Data("""
            {"map": "https://map.example/{room}",
             "rooms": {"room 201": {"stream": "https://stream.example/201", "interpretation": "English and Chinese, channel 2",
                                    "dect": "2201", "note": "Step-free entrance via lift B"}}}
            """.utf8), file: "venue.json")
        var state = try Self.state(size: (width, height))
        state = KioskState(schedule: state.schedule, now: state.now, size: state.size,
                           options: KioskOptions(room: "Room 201", burnInShift: false, venue: venue), qrCodes: state.qrCodes)
        let canvas = KioskBoard.render(state)
        expectSnapshot(canvas, "kiosk-door-venue-\(width)x\(height)")
        for text in ["English and Chinese, channel 2", "DECT  2201", "Step-free entrance via lift B", "Map"] {
            #expect(canvas.text().contains(text), "\(text)")
        }
        #expect(state.extras(of: "Room 201")?.map == "https://map.example/Room%20201")
    }

    /// A Chinese notice has no block letters: it stays text, whole.
    @Test func chineseNoticeStaysText() throws {
        let state = try Self.state(size: (120, 40), notices: #"{"notices": [{"text": "二号厅关闭", "level": "urgent"}]}"#)
        #expect(KioskBoard.render(state).text().contains("二号厅关闭"))
    }

    @Test func blockTextTakesTheLargestSizeThatFits() {
        let wide = BlockText.fit("EVACUATE", width: 116, rows: 16, maxLines: 1, halfBlocks: true)
        #expect(wide?.across == 2 && wide?.rows == 7)
        let narrow = BlockText.fit("EVACUATE", width: 76, rows: 9, maxLines: 1, halfBlocks: true)
        #expect(narrow?.across == 1 && narrow?.halves == 2)
        #expect(BlockText.fit("EVACUATE", width: 30, rows: 9, maxLines: 1, halfBlocks: true) == nil)
        #expect(BlockFont.drawable("Café à 5") == "CAFE A 5")
        #expect(BlockFont.drawable("会场") == nil)
    }
}
