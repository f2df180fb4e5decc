import Foundation
import Synchronization
import Testing
import AgendaApp
import AgendaCanvas
import AgendaModel
import AgendaSources
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

    /// The width probe's answer arrives after the first frame: two cells wide redraws the board
    /// in ASCII once; one cell draws nothing.
    @Test func theWidthProbesAnswerRedrawsOnlyWhenTheGlyphsChange() {
        let terminal = FakeTerminal(width: 100, height: 30)
        terminal.endWhenEmpty = false
        let loop = kiosk(terminal, clock: FakeClock(date("2021-10-22T09:10:00+08:00")))
        loop.start()
        let ambiguous = { terminal.screen.unicodeScalars.contains { $0.value >= 0x2500 && $0.value < 0x2600 } }
        #expect(ambiguous(), "\(terminal.screen)")
        let drawn = terminal.frames.count
        terminal.inputs = [.ambiguousWidth(1)]
        #expect(loop.step())
        #expect(terminal.frames.count == drawn)
        terminal.inputs = [.ambiguousWidth(2)]
        #expect(loop.step())
        #expect(terminal.frames.count == drawn + 1 && !ambiguous(), "\(terminal.screen)")
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

/// A door screen over a file: a new version of the file reaches the board, and one that does
/// not read keeps the last good version, marked.
@Suite struct KioskFileSwapTests {
    static func programme(_ title: String) -> String {
        """
        <schedule><conference><title>Swap</title><time_zone_name>UTC</time_zone_name></conference>
        <day index="1" date="2030-01-01"><room name="Hall">
        <event guid="a" id="1"><date>2030-01-01T10:00:00+00:00</date><start>10:00</start><duration>01:00</duration><title>\(title)</title></event>
        </room></day></schedule>
        """
    }

    @Test func aNewVersionOfTheFileReachesTheBoard() throws {
        let home = try TemporaryHome()
        let path = home.file("swap.xml")
        try Data(Self.programme("First Version").utf8).write(to: path)
        let source = ScheduleSource(path.path, settings: SourceSettings(cache: nil))
        let live = LiveSchedule([try LoadedSource.load(source)], refresh: 60)
        let terminal = FakeTerminal(width: 100, height: 30)
        terminal.endWhenEmpty = false
        let clock = FakeClock(date("2030-01-01T10:10:00Z"))
        let state = KioskState(schedule: live.schedule, now: clock.now(), size: terminal.size, options: KioskOptions(room: "Hall"))
        let loop = KioskLoop(state: state, live: live, notices: nil, terminal: terminal, clock: clock,
                             configuration: .init(), stopSignal: { 0 })
        loop.start()
        #expect(terminal.screen.contains("First Version"), "\(terminal.screen)")
        try Data(Self.programme("Second Version").utf8).write(to: path)
        #expect(keepStepping(loop.step) { terminal.screen.contains("Second Version") }, "\(terminal.screen)")
        try Data("<schedule><day".utf8).write(to: path)
        #expect(keepStepping(loop.step) { loop.state.updateFailedAt != nil })
        #expect(terminal.screen.contains("Second Version"), "\(terminal.screen)")
    }
}
