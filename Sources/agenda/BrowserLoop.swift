import Foundation
import AgendaModel
import AgendaTerminal
import AgendaUI

/// Runs the full-screen browser until the user quits or a signal arrives.
struct BrowserLoop {
    let schedule: Schedule
    let clock: SimulatedClock

    /// Returns the exit status: 0, 2 for an unusable terminal, or 128+signal.
    func run() -> Int32 {
        TerminalLocale.setUp()
        do {
            try Terminal.preflight(environment: ProcessInfo.processInfo.environment)
        } catch {
            printError(error.description)
            return ExitStatus.unusableTerminal
        }
        // Before curses starts, so that ncurses does not install its own handlers for these.
        Signals.install()
        let terminal: Terminal
        do {
            let colour = ProcessInfo.processInfo.environment["NO_COLOR", default: ""].isEmpty
            terminal = try Terminal(options: .init(colour: colour))
        } catch {
            printError(error.description)
            return ExitStatus.unusableTerminal
        }
        defer { terminal.stop() }

        var state = AppState(schedule: schedule, size: terminal.size, now: clock.now(), measure: terminal.measure)
        state.apply(.resize(terminal.size))
        terminal.present(Screen.render(state))

        while !state.shouldQuit, Signals.caught == 0, !terminal.inputClosed {
            // Wake at least twice a second for signals and the clock; draw only on change.
            let input = terminal.nextInput(timeout: 500)
            var changed = false
            if let input, let action = KeyMap.action(for: input) {
                state.apply(action)
                changed = true
            }
            let now = clock.now()
            if Int(now.timeIntervalSince1970 / 60) != Int(state.now.timeIntervalSince1970 / 60) { changed = true }
            state.now = now
            if changed, !state.shouldQuit { terminal.present(Screen.render(state)) }
        }
        terminal.stop()
        let signal = Signals.caught
        return signal == 0 ? 0 : 128 + signal
    }
}
