import Foundation
import Testing
import AgendaCanvas
@testable import AgendaUI
@testable import AgendaModel

/// The congress fixture's next version: Rust in Space moved to Saal G at 11:30, the keynote
/// renamed, Lightning Talks gone, a new workshop.
enum ChangedCongress {
    static func versions() -> (Schedule, Schedule) {
        let old = Fixtures.congress().schedule
        var sessions = old.sessions.filter { $0.title != "Lightning Talks" }
        for i in sessions.indices {
            if sessions[i].title == "Rust in Space" {
                sessions[i].room = "Saal G"
                sessions[i].start = Fixtures.date("2024-12-27T11:30:00+01:00")
                sessions[i].end = Fixtures.date("2024-12-27T12:10:00+01:00")
            }
            if sessions[i].title == "Day Two Keynote" { sessions[i].title = "Day Two Keynote: Resilience" }
        }
        let start = Fixtures.date("2024-12-27T14:00:00+01:00")
        sessions.append(Session(id: "10", guid: "guid-10", title: "Soldering Workshop", start: start,
                                end: start.addingTimeInterval(3600), room: "Saal 2", persons: ["Grace"]))
        let new = ScheduleChanges.track(previous: old, current: Schedule(conference: old.conference, sessions: sessions))
        return (old, new)
    }

    static func state(size: Size = Size(width: 80, height: 24)) -> AppState {
        var state = Fixtures.congress(size: size)
        state.apply(.refreshed(versions().1))
        return state
    }
}

@Suite struct ChangesViewTests {
    @Test func cListsChangedNewAndCancelledAndEscReturns() {
        var state = ChangedCongress.state()
        state.apply(.toggleChanges)
        #expect(state.showingChanges)
        let titles = state.listed.map { row -> String in
            switch row {
            case .heading(let text): return "# " + text
            case .session(let i): return state.schedule.sessions[i].title
            default: return "?"
            }
        }
        #expect(titles == ["# Changed (2)", "Rust in Space", "Day Two Keynote: Resilience",
                           "# New (1)", "Soldering Workshop", "# Cancelled (1)", "Lightning Talks"])
        #expect(state.selectedSession?.title == "Rust in Space")
        state.apply(.back)
        #expect(!state.showingChanges && state.rows.first == .session(0))
        state.apply(.toggleChanges)
        state.apply(.toggleMyAgenda)
        #expect(!state.showingChanges && state.showingMyAgenda)
    }

    @Test func noChangesSaysSo() {
        var state = Fixtures.congress()
        state.apply(.toggleChanges)
        #expect(state.listed == [.note("No changes since the previous version.")])
    }

    @Test func theDetailSaysWhatChanged() throws {
        var state = ChangedCongress.state()
        let index = try #require(state.schedule.sessions.firstIndex { $0.title == "Rust in Space" })
        #expect(state.changeDescription(index) == "Changed: time (was Fri 27 Dec 2024 10:30), room (was Saal 2)")
        let gone = try #require(state.schedule.sessions.firstIndex { $0.title == "Lightning Talks" })
        #expect(state.changeDescription(gone) == "Cancelled (gone from this version)")
        state.apply(.toggleChanges)
        state.apply(.open)
        #expect(state.detailVisible)
    }

    @Test func aReloadKeepsSelectionSearchAndFavourites() throws {
        var state = Fixtures.congress(favourites: ["guid-7"])
        state.apply(.changeDay(1))
        state.apply(.startSearch)
        for c in "key" { state.apply(.searchType(c)) }
        state.apply(.searchDone)
        #expect(state.search.matches.count == 1)
        let selected = state.selectedSession?.key
        state.apply(.refreshed(ChangedCongress.versions().1))
        #expect(state.search.query == "key" && state.search.matches.count == 1)
        #expect(state.selectedSession?.key == selected && state.selectedSession?.title == "Day Two Keynote: Resilience")
        #expect(state.favourites == ["guid-7"] && state.favouriteIndices.count == 1)
        state.apply(.back)
        #expect(state.day == 1 && state.selectedSession?.key == selected)
    }

    /// `e` says where the file goes first (the loop finds the path); `e` again writes it, any
    /// other key lets it be.
    @Test func eSaysWhereBeforeTheLoopExports() {
        var state = Fixtures.congress(favourites: ["guid-1"])
        state.apply(.exportFavourites)
        #expect(state.takeEffects() == [.proposeExport])
        state.apply(.exportProposed(path: "/home/me/.local/share/agenda/38c3.ics"))
        #expect(state.banner?.text == "Write 1 favourite to /home/me/.local/share/agenda/38c3.ics? e: write · Esc: cancel")
        #expect(Screen.render(state).text().contains("/home/me/.local/share/agenda/38c3.ics"))
        #expect(state.takeEffects().isEmpty)
        state.apply(.exportFavourites)
        #expect(state.takeEffects() == [.exportFavourites] && state.banner == nil && state.exportPending == nil)
        // Esc, or any other key, and nothing is written.
        state.apply(.exportFavourites)
        state.apply(.exportProposed(path: "/x.ics"))
        let day = state.day
        state.apply(.back)
        #expect(state.banner == nil && state.exportPending == nil && state.day == day)
        state.apply(.exportFavourites)
        #expect(state.takeEffects() == [.proposeExport, .proposeExport])
        state.apply(.exportProposed(path: "/x.ics"))
        state.apply(.move(1))
        state.apply(.exportFavourites)
        #expect(state.takeEffects() == [.proposeExport])
        #expect(KeyMap.action(for: .key(.char("e")), in: state) == .exportFavourites)
        #expect(KeyMap.action(for: .key(.char("c")), in: state) == .toggleChanges)
    }

    @Test func snapshots() {
        var state = ChangedCongress.state()
        expectSnapshot(Screen.render(state), "changes-marks-80x24")
        state.apply(.toggleChanges)
        expectSnapshot(Screen.render(state), "changes-view-80x24")
        var wide = ChangedCongress.state(size: Size(width: 120, height: 30))
        wide.apply(.toggleChanges)
        wide.apply(.sourceStale(StaleNote(kind: .offline, asOf: Fixtures.date("2024-12-26T09:42:00+01:00"), cause: "connection refused")))
        expectSnapshot(Screen.render(wide), "changes-detail-offline-120x30")
    }
}
