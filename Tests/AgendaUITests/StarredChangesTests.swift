import Foundation
import Testing
import AgendaCanvas
@testable import AgendaModel
@testable import AgendaUI

/// "Your talks changed", on a tracked version of the test congress.
@Suite struct StarredChangesTests {
    static func tracked() -> Schedule {
        let before = Fixtures.congress().schedule
        var sessions = before.sessions.filter { $0.key != "guid-5" }          // Lightning Talks cancelled
        if let i = sessions.firstIndex(where: { $0.key == "guid-3" }) {          // Rust in Space moves room
            sessions[i].room = "Saal G"
        }
        if let i = sessions.firstIndex(where: { $0.key == "guid-8" }) {          // new speaker only: not said
            sessions[i].persons = ["Grace"]
        }
        let after = Schedule(conference: before.conference, sessions: sessions)
        return ScheduleChanges.track(previous: before, current: after)
    }

    @Test func openingSaysWhichOfYourTalksChangedOnce() {
        var state = AppState(schedule: Self.tracked(), size: Size(width: 200, height: 30), now: Fixtures.date("2024-12-26T12:00:00+01:00"),
                             favourites: ["guid-3", "guid-5", "guid-8", "guid-1"])
        state.apply(.resize(state.size))
        #expect(state.banner?.text == "⚠ 2 of your talks changed (C shows them): Rust in Space (room); Lightning Talks (cancelled)")
        #expect(state.takeEffects() == [.bell])
        state.apply(.back)
        #expect(state.banner == nil)
        state.apply(.refreshed(Self.tracked()))
        #expect(state.banner == nil && state.takeEffects().isEmpty)
    }

    @Test func nothingIsSaidWithoutStarsOrInTheKiosk() {
        let state = AppState(schedule: Self.tracked(), size: Size(width: 120, height: 40), now: Fixtures.date("2024-12-26T12:00:00+01:00"),
                             favourites: ["guid-1"])
        #expect(state.banner == nil)
        let kiosk = KioskState(schedule: Self.tracked(), now: Fixtures.date("2024-12-27T10:35:00+01:00"), size: Size(width: 80, height: 24),
                               options: KioskOptions(room: "Saal 1", language: .en, pageSeconds: 10, ascii: false, qr: .talk))
        #expect(!KioskBoard.render(kiosk).text().contains("of your talks"))
    }

    @Test func capitalCNarrowsTheChangesToStarredTalks() {
        var state = AppState(schedule: Self.tracked(), size: Size(width: 120, height: 40), now: Fixtures.date("2024-12-26T12:00:00+01:00"),
                             favourites: ["guid-3"])
        state.apply(.resize(state.size))
        state.apply(.toggleChanges)
        #expect(Set(state.rows.compactMap(\.session).map { state.schedule.sessions[$0].key }) == ["guid-3", "guid-5", "guid-8"])
        state.apply(.toggleStarredChanges)
        #expect(state.rows.compactMap(\.session).map { state.schedule.sessions[$0].key } == ["guid-3"])
        #expect(Screen.render(state).text().contains("Changes to your stars"))
        state.apply(.toggleStarredChanges)
        #expect(state.special == nil && !state.changesStarredOnly)
        var none = AppState(schedule: Self.tracked(), size: Size(width: 120, height: 40), now: Fixtures.date("2024-12-26T12:00:00+01:00"))
        none.apply(.resize(none.size))
        none.apply(.toggleStarredChanges)
        #expect(Screen.render(none).text().contains("None of your starred talks changed."))
    }

    @Test func inChinese() {
        let state = AppState(schedule: Self.tracked(), size: Size(width: 200, height: 30), now: Fixtures.date("2024-12-26T12:00:00+01:00"),
                             strings: .for(.zh), favourites: ["guid-5"])
        #expect(state.banner?.text == "⚠ 你收藏的 1 场有变更（C 查看）：Lightning Talks（已取消）")
    }
}
