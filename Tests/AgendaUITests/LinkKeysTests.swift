import Foundation
import Testing
import AgendaCanvas
@testable import AgendaModel
@testable import AgendaUI

/// `o` and `y`: the selected session's web link to the loop as an effect, straight away when
/// there is one, through the numbered chooser when there are several, never another scheme.
@Suite struct LinkKeysTests {
    func press(_ key: Key, _ state: inout AppState) {
        if let action = KeyMap.action(for: .key(key), in: state) { state.apply(action) }
    }

    @Test func oWithSeveralLinksOffersThemAndANumberOpensOne() throws {
        var state = RecordingViewTests.state()
        press(.char("o"), &state)
        #expect(state.overlay == .links && state.effects.isEmpty)
        let screen = Screen.render(state).text()
        #expect(screen.contains("1 Talk page: https://events.example.org"))
        #expect(screen.contains("2 Feedback: https://example.org/1/feedback"))
        #expect(screen.contains("3 Attached: Slides — https://example.org/s.pdf"))
        #expect(state.linkChooser.links.count == 3)   // javascript: is shown in the detail, never offered
        press(.char("2"), &state)
        #expect(state.overlay == .none)
        #expect(state.effects == [.openURL("https://example.org/1/feedback")])
        #expect(Screen.render(state).text().contains("Opening https://example.org/1/feedback"))
    }

    @Test func theChooserAt80x24() {
        var state = RecordingViewTests.state(size: Size(width: 80, height: 24))
        press(.char("o"), &state)
        press(.down, &state)
        expectSnapshot(Screen.render(state), "links-chooser-80x24")
    }

    @Test func yCopiesTheChosenOneAndEscClosesWithoutEffect() {
        var state = RecordingViewTests.state()
        press(.char("y"), &state)
        press(.down, &state)
        press(.down, &state)
        press(.enter, &state)
        #expect(state.effects == [.copyURL("https://example.org/s.pdf")])
        state.effects.removeAll()
        press(.char("o"), &state)
        press(.escape, &state)
        #expect(state.overlay == .none && state.effects.isEmpty)
        // Keys out of range choose nothing.
        press(.char("o"), &state)
        press(.char("9"), &state)
        #expect(state.overlay == .links && state.effects.isEmpty)
    }

    @Test func oneLinkOpensAtOnceNoneSaysSo() {
        var state = RecordingViewTests.state()
        state.apply(.move(1))
        #expect(state.selectedSession?.title == "On the record")
        press(.char("o"), &state)
        #expect(state.overlay == .none && state.effects == [.openURL("https://streaming.example.org/saal2")])
        var bare = Fixtures.congress()
        press(.char("o"), &bare)
        press(.char("y"), &bare)
        #expect(bare.effects.isEmpty && bare.overlay == .none)
        #expect(Screen.render(bare).text().contains("This session has no web link"))
    }

    @Test func onlyWebAddressesAreOffered() {
        let start = Fixtures.date("2024-12-27T10:00:00+01:00")
        var session = Session(id: "1", title: "T", start: start, end: start + 600, room: "R", url: "file:///etc/passwd")
        session.links = [SessionLink(url: "javascript:alert(1)"), SessionLink(url: "https://e.org/a b")]
        var state = AppState(schedule: Schedule(conference: Conference(title: "C", timeZone: .gmt), sessions: [session]),
                             size: Size(width: 100, height: 30), now: start)
        state.apply(.resize(state.size))
        state.apply(.openLink)
        state.apply(.copyLink)
        #expect(state.effects.isEmpty && state.overlay == .none)
    }
}
