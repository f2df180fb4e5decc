import Foundation
import Testing
import AgendaApp
import AgendaCanvas
import AgendaModel
import AgendaSources
import AgendaUI

/// Reminders reach a terminal in the background: with the clock moved by hand, the loop rings
/// the bell and asks the terminal for a desktop notification, once per starred session.
@Suite struct ReminderLoopTests {
    @Test func aStarredTalkNotifiesOnceThroughTheTerminal() throws {
        let home = try TemporaryHome()
        let start = date("2030-01-01T10:00:00Z")
        let talk = Session(id: "1", guid: "r-1", title: "Rust\u{1B}]0;x in Space", start: start, end: start + 1800, room: "Saal 1")
        let schedule = Schedule(conference: Conference(title: "Remind Con", timeZone: .gmt), sessions: [talk])
        try FavouritesStore(conference: schedule.conference, environment: home.environment).merge(adding: ["r-1"], removing: [])
        let terminal = FakeTerminal(width: 100, height: 30)
        terminal.endWhenEmpty = false
        let clock = FakeClock(date("2030-01-01T09:30:00Z"))
        let loop = BrowserLoop(schedule: schedule, terminal: terminal, clock: clock,
                               configuration: .init(settings: BrowserSettings(reminderLead: 20 * 60), environment: home.environment),
                               stopSignal: { 0 })
        loop.start()
        loop.step()
        #expect(terminal.controls.isEmpty && terminal.bells == 0)
        clock.advance(11 * 60)    // 09:41: 19 minutes before
        loop.step()
        let expected = TerminalControl.notify(title: "In 19 min: " + talk.title, body: "Saal 1")
        #expect(terminal.controls == [expected] && terminal.bells == 1)
        clock.advance(60)
        loop.step()
        #expect(terminal.controls == [expected] && terminal.bells == 1)
    }
}
