import Foundation
import Testing
@testable import AgendaCanvas
@testable import AgendaUI
@testable import AgendaModel

/// Block type (issue 27): every full cell of the clock, the timer and the QR code is a space on
/// the ink's colour, never "█", which some fonts draw a pixel short.
@Suite struct KioskBlockTests {
    static func timer(at date: Date, size: (Int, Int) = (120, 40)) -> KioskState {
        KioskState(schedule: KioskFixtures.congress, now: date, size: Size(width: size.0, height: size.1),
                   options: KioskOptions(room: "Room 201", burnInShift: false, timer: true))
    }

    static func cells(_ canvas: Canvas, where test: (Cell) -> Bool) -> Set<Int> {
        Set(canvas.cells.indices.filter { test(canvas.cells[$0]) })
    }

    @Test(arguments: [(80, 24), (120, 40), (200, 50)])
    func noScreenDrawsAFullBlockGlyph(width: Int, height: Int) {
        let linked = Schedule(conference: KioskFixtures.congress.conference, sessions: KioskFixtures.congress.sessions.map {
            var session = $0
            session.url = "https://example.org/\(session.id)"
            return session
        })
        let code: QRCodes = .encoder { _ in QRMatrix(width: 21, dark: (0..<441).map { $0 % 3 == 0 || $0 % 7 == 1 }) }
        for state in [KioskFixtures.state(linked, at: "10-22 14:15", room: "Room 201", size: (width, height), qrCodes: code),
                      KioskFixtures.state(at: "10-22 14:15", size: (width, height)),
                      Self.timer(at: KioskFixtures.at("10-22 14:15"), size: (width, height))] {
            let canvas = KioskBoard.render(state)
            #expect(!canvas.text().contains("█"), "\(canvas.text())")
            #expect(canvas.cells.contains { $0.role.isInk }, "\(canvas.text())")
        }
    }

    /// Overtime flashes between two colours, the digits' shapes whole in both: every set pixel
    /// of the time is the same number of solid cells, and nothing else is.
    @Test func overtimeFlashKeepsTheDigits() throws {
        let even = KioskFixtures.at("10-22 15:02"), odd = even.addingTimeInterval(1)
        var perPixel: [Int] = [], roles: [Set<Role>] = []
        for date in [even, odd] {
            let state = Self.timer(at: date)
            let face = try #require(state.timerFace)
            #expect(face.phase == .overtime)
            let pixels = BlockClock.pixels(face.text).joined().filter { $0 }.count
            let ink = KioskBoard.render(state).cells.filter(\.role.isInk)
            #expect(ink.count % pixels == 0)
            perPixel.append(ink.count / pixels)
            roles.append(Set(ink.map(\.role)))
        }
        #expect(perPixel[0] == perPixel[1] && perPixel[0] >= 2)
        #expect(roles == [[.clockInk], [.alarmInk]])
    }
}
