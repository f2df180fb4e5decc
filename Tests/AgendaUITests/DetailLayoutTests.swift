import Foundation
import Testing
import AgendaCanvas
@testable import AgendaUI
@testable import AgendaModel

/// The detail's layout is kept between frames while its session stays selected: whatever
/// else it shows must still change on the frame it changes.
@Suite struct DetailLayoutTests {
    /// The whole detail, as scrolling to its end lays it out (and keeps it).
    private func detail(_ state: AppState) -> String {
        DetailView.lines(state).map { ($0.label ?? "") + " " + $0.text }.joined(separator: "\n")
    }

    /// A state at the first day's "Café Ünïcode", its detail drawn once (and so kept).
    private func shown(size: Size = Size(width: 120, height: 40)) -> AppState {
        var state = Fixtures.congress(size: size)
        while let selected = state.selected, state.schedule.sessions[selected].id != "2" { state.apply(.move(1)) }
        _ = Screen.render(state)
        return state
    }

    @Test func keptWhileNothingItShowsChanges() {
        let layout = DetailLayout()
        let key = DetailLayout.Key(Fixtures.congress(), session: 1)
        var made: [Int] = []
        func lines(_ key: DetailLayout.Key, _ limit: Int) -> [DetailView.Line] {
            layout.lines(for: key, limit: limit) { made.append($0); return [DetailView.Line(text: "x", role: .normal)] }
        }
        _ = lines(key, 10)
        _ = lines(key, 10)
        _ = lines(key, 5)            // lines made for a taller pane serve a shorter one
        #expect(made == [10])
        _ = lines(key, .max)         // the whole, for scrolling to its end
        _ = lines(key, 10)
        #expect(made == [10, .max])
        var other = key
        other.session = 2
        _ = lines(other, 10)
        #expect(made == [10, .max, 10])
    }

    @Test func aSearchKeepingTheSelectionKeepsTheLayout() {
        var state = shown()
        let key = DetailLayout.Key(state, session: state.selected!)
        state.apply(.startSearch)
        state.apply(.searchType("c"))
        #expect(state.schedule.sessions[state.selected!].id == "2")
        #expect(DetailLayout.Key(state, session: state.selected!) == key)
    }

    @Test func starringShowsAtOnce() {
        var state = shown()
        #expect(!detail(state).contains(state.strings.starred))
        state.apply(.toggleFavourite)
        #expect(detail(state).contains(state.strings.starred))
        state.apply(.favouritesChanged([]))
        #expect(!detail(state).contains(state.strings.starred))
    }

    @Test func aFriendsStarShowsAtOnce() {
        var state = shown()
        let key = state.schedule.sessions[state.selected!].key
        state.apply(.friendList(name: "Ada", keys: [key]))
        #expect(detail(state).contains(state.strings.friendStarred("Ada")))
        state.apply(.glyphsLearnt(.ascii))
        #expect(detail(state).contains("+ " + state.strings.friendStarred("Ada")))
    }

    @Test func localTimeShowsAtOnce() {
        var state = shown()
        #expect(!detail(state).contains("Asia/Tokyo"))
        state.apply(.toggleLocalTime)
        #expect(detail(state).contains("Asia/Tokyo"))
    }

    @Test func aNarrowerPaneWrapsAgain() {
        var state = shown()
        let wide = DetailView.lines(state).map(\.text)
        state.apply(.resize(Size(width: 90, height: 40)))
        let fresh = shown(size: Size(width: 90, height: 40))
        #expect(DetailView.lines(state).map(\.text) == DetailView.lines(fresh).map(\.text))
        #expect(DetailView.lines(state).map(\.text) != wide)
    }

    @Test func aNewerScheduleShowsItsText() {
        var state = shown()
        #expect(!detail(state).contains("Now with a new abstract."))
        let sessions = state.schedule.sessions.map { session in
            var session = session
            if session.id == "2" { session.abstract = "Now with a new abstract." }
            return session
        }
        state.apply(.refreshed(Schedule(conference: state.schedule.conference, sessions: sessions)))
        #expect(state.schedule.sessions[state.selected!].id == "2")
        #expect(detail(state).contains("Now with a new abstract."))
    }

    @Test func aVenueRoomNoteShowsAtOnce() {
        var state = shown()
        #expect(!detail(state).contains("Step-free entrance at the back"))
        let venue = VenueRooms(entries: [.init(key: "Saal 1", line: 1, extras: .init(note: "Step-free entrance at the back"))])
        state.apply(.venueRooms(venue))
        #expect(detail(state).contains("Step-free entrance at the back"))
    }

    @Test func aPaneDrawnFromTheWholeLayoutDrawsAsFromItsPage() {
        let state = shown()
        _ = DetailView.maxTop(state)   // keeps the whole layout
        #expect(Screen.render(state).text() == Screen.render(shown()).text())
    }
}
