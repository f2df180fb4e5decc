import Foundation
import Testing
@testable import AgendaCanvas
@testable import AgendaModel
@testable import AgendaUI

/// A venue board that reads at a glance (issue 27): rooms with nothing within `--horizon`
/// collapse into "Later", another day's session carries its day, room names never wrap, and
/// the 38C3 board at Saturday 12:10 fits in four pages at 80×24 and one at 200×50.
@Suite struct KioskBoardHorizonTests {
    static let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/schedules/38c3-schedule.xml")
    static let missing: Comment = "38c3-schedule.xml not found at ../shared/schedules (beside the project)"
    static let saturday = Date(timeIntervalSince1970: 1_735_384_200)   // 2024-12-28T12:10+01:00

    static func board(_ schedule: Schedule, size: (Int, Int), horizon: TimeInterval = 3 * 3600) -> KioskState {
        KioskState(schedule: schedule, now: saturday, size: Size(width: size.0, height: size.1),
                   options: KioskOptions(burnInShift: false, horizon: horizon))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: shared.path), missing))
    func the38C3BoardFitsFourPagesAt80x24AndOneAt200x50() throws {
        let schedule = try ScheduleLoader.load(path: Self.shared.path)
        let small = Self.board(schedule, size: (80, 24))
        #expect(small.page.count <= 4, "\(small.page.count) pages\n\(KioskBoard.render(small).text())")
        #expect(Self.board(schedule, size: (200, 50)).page.count == 1)
    }
}

/// The same rules on the 38C3 excerpt in the repository.
@Suite struct KioskBoardRowsTests {
    static let excerpt = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/schedules/38c3-excerpt.xml")

    static func board(at time: TimeInterval, size: (Int, Int), horizon: TimeInterval = 3 * 3600) throws -> (KioskState, Canvas) {
        let schedule = try ScheduleLoader.load(path: excerpt.path)
        let state = KioskState(schedule: schedule, now: Date(timeIntervalSince1970: time), size: Size(width: size.0, height: size.1),
                               options: KioskOptions(burnInShift: false, horizon: horizon))
        return (state, KioskBoard.render(state))
    }

    /// Friday 2024-12-27 19:20 CET: tomorrow's sessions carry their day; room names stay on one row.
    @Test func anotherDaysSessionSaysItsDayAndNamesDoNotWrap() throws {
        let (state, canvas) = try Self.board(at: 1_735_323_600, size: (120, 40), horizon: 24 * 3600)
        let text = canvas.text()
        #expect(text.contains("Sat "), "\(text)")
        guard case .venue(let rooms) = state.content else { Issue.record("\(state.content)"); return }
        for room in rooms.compactMap(\.room) where room.count > 20 {
            // The name's continuation never starts a row of its own.
            let tail = String(room.suffix(6))
            #expect(!text.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix(tail) }, "\(room)")
        }
    }

    /// A shorter horizon sends more rooms to the Later line.
    @Test func theHorizonDecidesWhatCollapses() throws {
        let (wide, _) = try Self.board(at: 1_735_323_600, size: (120, 40), horizon: 24 * 3600)
        let (narrow, canvas) = try Self.board(at: 1_735_323_600, size: (120, 40), horizon: 60)
        guard case .venue(let rooms) = wide.content else { Issue.record("\(wide.content)"); return }
        let blocks = { (state: KioskState) in
            VenuePlan(rooms, layout: state.layout, now: state.now, schedule: state.schedule, horizon: state.options.horizon).blocks.count
        }
        #expect(blocks(narrow) < blocks(wide))
        #expect(canvas.text().contains("Later"))
    }

    /// "just started" is dim text, not a badge louder than the titles.
    @Test func justStartedIsQuiet() throws {
        let (_, canvas) = try Self.board(at: 1_735_293_720, size: (120, 40))   // 11:02, talks began at 11:00
        let row = (0..<40).first { y in (0..<120).map { canvas.text(x: $0, y: y) }.joined().contains("just started") }
        let y = try #require(row, "\(canvas.text())")
        let roles = Set((0..<120).filter { canvas.text(x: $0, y: y) != " " }.map { canvas[$0, y].role })
        #expect(!roles.contains(.badge) && roles.contains(.dim))
    }
}
