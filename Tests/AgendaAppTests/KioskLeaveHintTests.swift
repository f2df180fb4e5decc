import Foundation
import Testing
import AgendaApp
import AgendaCanvas
import AgendaModel
import AgendaUI

/// A kiosk started by hand says, on its first screen and for a few seconds, how to leave it.
@Suite struct KioskLeaveHintTests {
    func loop(_ terminal: FakeTerminal, clock: FakeClock, hint: LeaveHint?) -> KioskLoop {
        let state = KioskState(schedule: BundledSchedule.load(), now: clock.now(), size: terminal.size,
                               options: KioskOptions(room: "Convention Hall No. 1", leaveHint: hint))
        return KioskLoop(state: state, live: nil, notices: nil, terminal: terminal, clock: clock, configuration: .init())
    }

    @Test func theFirstScreenSaysHowToLeaveThenTheHintGoes() {
        let terminal = FakeTerminal(width: 100, height: 30)
        terminal.endWhenEmpty = false
        let clock = FakeClock(date("2021-10-22T09:10:00+08:00"))
        let kiosk = loop(terminal, clock: clock, hint: LeaveHint(exitKey: nil, pid: 4242))
        kiosk.start()
        #expect(terminal.screen.contains("kill 4242") && terminal.screen.contains("--exit-key"), "\(terminal.screen)")
        clock.advance(3)
        #expect(kiosk.step())
        #expect(terminal.screen.contains("kill 4242"))
        clock.advance(LeaveHint.seconds)
        #expect(kiosk.step())
        #expect(!terminal.screen.contains("kill 4242"), "\(terminal.screen)")
        #expect(terminal.screen.contains("Convention Hall No. 1"))
    }

    /// The key is not named: a board that only looks started by hand (a console autologin)
    /// would tell every passer-by how to leave it.
    @Test func withAnExitKeyTheHintDoesNotNameIt() {
        let terminal = FakeTerminal(width: 100, height: 30)
        terminal.endWhenEmpty = false
        let clock = FakeClock(date("2021-10-22T09:10:00+08:00"))
        let kiosk = loop(terminal, clock: clock, hint: LeaveHint(exitKey: "ctrl-x", pid: 7))
        kiosk.start()
        #expect(terminal.screen.contains("--exit-key it was started with"), "\(terminal.screen)")
        #expect(!terminal.screen.lowercased().contains("ctrl-x"), "\(terminal.screen)")
    }

    @Test func noHintUnderSystemdOrWithoutATerminal() {
        let tty = LeaveHint.forStart(stdinIsTerminal: true, environment: [:], exitKey: nil, pid: 1)
        #expect(tty == LeaveHint(exitKey: nil, pid: 1))
        #expect(LeaveHint.forStart(stdinIsTerminal: false, environment: [:], exitKey: nil, pid: 1) == nil)
        #expect(LeaveHint.forStart(stdinIsTerminal: true, environment: ["INVOCATION_ID": "abc"], exitKey: nil, pid: 1) == nil)
        #expect(LeaveHint.forStart(stdinIsTerminal: true, environment: ["NOTIFY_SOCKET": "/run/x"], exitKey: nil, pid: 1) == nil)
        let terminal = FakeTerminal(width: 100, height: 30)
        terminal.endWhenEmpty = false
        let kiosk = loop(terminal, clock: FakeClock(date("2021-10-22T09:10:00+08:00")), hint: nil)
        kiosk.start()
        #expect(!terminal.screen.contains("To leave"))
    }
}
