import Foundation
import Synchronization
import Testing
import AgendaApp
import AgendaCanvas
import AgendaModel
import AgendaUI

/// The kiosk driven in-process: the board, a resize, the clock moving on, and only the exit
/// key (or a signal) ending it.
@Suite struct KioskLoopTests {
    func kiosk(_ terminal: FakeTerminal, clock: FakeClock, room: String? = "Convention Hall No. 1",
               exitKey: Key? = .char("q"), live: LiveSchedule? = nil,
               signal: @escaping () -> Int32 = { 0 }) -> KioskLoop {
        let state = KioskState(schedule: BundledSchedule.load(), now: clock.now(), size: terminal.size,
                               options: KioskOptions(room: room))
        return KioskLoop(state: state, live: live, notices: nil, terminal: terminal, clock: clock,
                         configuration: .init(exitKey: exitKey), stopSignal: signal)
    }

    @Test func showsTheRoomFollowsTheClockAndTheSizeAndEndsOnTheExitKey() {
        let terminal = FakeTerminal(width: 100, height: 30)
        terminal.endWhenEmpty = false
        let clock = FakeClock(date("2021-10-22T09:10:00+08:00"))
        let loop = kiosk(terminal, clock: clock)
        loop.start()
        #expect(terminal.screen.contains("Convention Hall No. 1") && terminal.screen.contains("2 h 50 min left"), "\(terminal.screen)")
        // Nothing changed: nothing is drawn.
        let drawn = terminal.frames.count
        #expect(loop.step())
        #expect(terminal.frames.count == drawn)
        clock.advance(60 * 60)
        #expect(loop.step())
        #expect(terminal.screen.contains("1 h 50 min left"), "\(terminal.screen)")
        terminal.inputs = [.resize(Size(width: 60, height: 16))]
        #expect(loop.step())
        #expect(terminal.frames.last?.size == Size(width: 60, height: 16) && terminal.invalidations == 1)
        // A passer-by's keys do nothing; the exit key ends the board.
        terminal.inputs = [.key(.char("x")), .key(.control("c")), .key(.escape)]
        for _ in 0..<3 { #expect(loop.step()) }
        terminal.inputs = [.key(.char("q"))]
        #expect(!loop.step())
        #expect(loop.run() == 0 && terminal.stopped)
    }

    /// Ctrl-L reaches the loops as a key: the board is drawn whole again and goes on.
    @Test func ctrlLDrawsTheBoardWholeAgain() {
        let terminal = FakeTerminal(width: 80, height: 24)
        terminal.endWhenEmpty = false
        let loop = kiosk(terminal, clock: FakeClock(date("2021-10-22T09:10:00+08:00")))
        loop.start()
        let drawn = terminal.frames.count
        terminal.inputs = [.key(.control("l"))]
        #expect(loop.step())
        #expect(terminal.invalidations == 1 && terminal.frames.count == drawn + 1)
    }

    @Test func withoutAnExitKeyOnlyASignalEndsIt() {
        let terminal = FakeTerminal(width: 80, height: 24)
        terminal.endWhenEmpty = false
        terminal.inputs = [.key(.char("q")), .key(.control("c"))]
        let caught = Atomic<Int32>(0)
        let loop = kiosk(terminal, clock: FakeClock(date("2021-10-22T09:10:00+08:00")), exitKey: nil,
                         signal: { caught.load(ordering: .relaxed) })
        loop.start()
        #expect(loop.step() && loop.step())
        caught.store(15, ordering: .relaxed)
        #expect(loop.run() == 15)
        #expect(terminal.stopped)
    }

    @Test func aHungUpTerminalKeepsTheBoardShowing() {
        let terminal = FakeTerminal(width: 80, height: 24)   // no input: it ends at once
        let clock = FakeClock(date("2021-10-22T09:10:00+08:00"))
        let loop = kiosk(terminal, clock: clock, room: nil)
        loop.start()
        #expect(loop.step())
        clock.advance(3 * 60 * 60)
        #expect(loop.step())
        #expect(terminal.screen.contains("Thank you") || terminal.screen.contains("Nothing"), "\(terminal.screen)")
    }
}
