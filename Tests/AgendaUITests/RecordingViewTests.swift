import Foundation
import Testing
import AgendaCanvas
@testable import AgendaModel
@testable import AgendaUI

/// Sessions the publisher will not record are marked in the list, said in the detail and on
/// the door screen; the detail lists every link whole, each piece a hyperlink to the whole.
@Suite struct RecordingViewTests {
    static let longURL = "https://events.example.org/congress/2024/hub/en/event/a-rather-long-slug-that-cannot-fit-anywhere/"

    static func state(language: Strings.Language = .en, size: Size = Size(width: 120, height: 40),
                      settings: BrowserSettings = BrowserSettings()) -> AppState {
        let zone = TimeZone(identifier: "Europe/Berlin")!
        let start = Fixtures.date("2024-12-27T10:00:00+01:00")
        var off = Session(id: "1", guid: "g-1", title: "Off the record", start: start, end: start + 1800, room: "Saal 1",
                          url: longURL)
        off.doNotRecord = true
        off.links = [SessionLink(url: "https://example.org/1/feedback", kind: .feedback),
                     SessionLink(title: "Slides", url: "https://example.org/s.pdf", kind: .attachment),
                     SessionLink(url: "javascript:alert(1)")]
        var on = Session(id: "2", guid: "g-2", title: "On the record", start: start, end: start + 1800, room: "Saal 2")
        on.doNotRecord = false
        var conference = Conference(title: "Test Congress", timeZone: zone)
        conference.roomStreams = ["Saal 2": "https://streaming.example.org/saal2"]
        var state = AppState(schedule: Schedule(conference: conference, sessions: [off, on]), size: size,
                             now: start - 3600, strings: .for(language), settings: settings)
        state.apply(.resize(size))
        return state
    }

    func row(_ canvas: Canvas, containing text: String) -> String? {
        canvas.text().split(separator: "\n").map(String.init).first { $0.contains(text) }
    }

    @Test func theListMarksSessionsThatWillNotBeRecorded() throws {
        let canvas = Screen.render(Self.state())
        #expect(try #require(row(canvas, containing: "Off the record")).contains("⊘ Off the record"))
        #expect(try #require(row(canvas, containing: "On the record")).contains("⊘") == false)
    }

    @Test func theDetailSaysSoAndListsTheLinksWhole() throws {
        var state = Self.state()
        state.apply(.open)
        let canvas = Screen.render(state)
        let screen = canvas.text()
        #expect(screen.contains("Not recorded — see it live"))
        #expect(screen.contains("Feedback  https://example.org/1/feedback"))
        #expect(screen.contains("Attached  https://example.org/s.pdf"))
        // The long talk page is broken where the pane ends, every piece linking to the whole.
        let pieces = canvas.hyperlinks.filter { $0.url == Self.longURL }
        #expect(pieces.count >= 2)
        let shown = pieces.map { link in (0..<link.width).map { canvas.text(x: link.x + $0, y: link.y) }.joined() }.joined()
        #expect(shown == Self.longURL)
        #expect(Set(canvas.hyperlinks.map(\.url)) == [Self.longURL, "https://example.org/1/feedback", "https://example.org/s.pdf"])
        // Not a web address: shown, but never a hyperlink.
        #expect(screen.contains("javascript:alert(1)"))
        // Under a box (help, the link chooser) no cell links to the detail's addresses.
        for overlay in [Action.toggleHelp, .openLink] {
            var covered = state
            covered.apply(overlay)
            #expect(covered.overlay != .none)
            #expect(Screen.render(covered).hyperlinks.isEmpty, "\(overlay)")
        }
    }

    @Test func theStreamIsOfferedWhereTheRoomHasOne() {
        let state = Self.state()
        #expect(state.webLinks(of: 1).map(\.url) == ["https://streaming.example.org/saal2"])
        #expect(state.webLinks(of: 0).map(\.label) == ["Talk page", "Feedback", "Attached"])
    }

    @Test func aScreenReaderHearsIt() {
        let screen = Screen.render(Self.state(settings: BrowserSettings(screenReader: true))).text()
        #expect(screen.contains("Off the record, Saal 1, not recorded"))
        #expect(!screen.contains("On the record, Saal 2, not recorded"))
    }

    @Test func inChinese() {
        var state = Self.state(language: .zh)
        state.apply(.open)
        #expect(Screen.render(state).text().contains("不录像——请到现场观看"))
    }

    @Test func theDoorScreenSaysNotRecorded() {
        var schedule = KioskFixtures.congress
        var sessions = schedule.sessions
        let index = sessions.firstIndex { $0.id == "a0" }!
        sessions[index].doNotRecord = true
        schedule = Schedule(conference: schedule.conference, sessions: sessions)
        let during = KioskBoard.render(KioskFixtures.state(schedule, at: "10-22 13:40", room: "Room 201")).text()
        #expect(during.contains("not recorded"))
        let later = KioskBoard.render(KioskFixtures.state(schedule, at: "10-22 15:40", room: "Room 201")).text()
        #expect(!later.contains("not recorded"))
    }
}
