import Foundation
import AgendaModel
import AgendaTerminal
import AgendaUI

/// Runs the full-screen browser until the user quits or a signal arrives.
struct BrowserLoop {
    struct Settings {
        var theme: ThemeName
        var language: Strings.Language
        var reminderLead: TimeInterval
        var bell: Bool
    }

    let schedule: Schedule
    let clock: SimulatedClock
    let settings: Settings

    /// Returns the exit status: 0, 2 for an unusable terminal, or 128+signal.
    func run() -> Int32 {
        TerminalLocale.setUp()
        do {
            try Terminal.preflight(environment: ProcessInfo.processInfo.environment)
        } catch {
            printError(error.description)
            return ExitStatus.unusableTerminal
        }
        let store = FavouritesStore(conference: schedule.conference)
        let stored = store.load()
        if let warning = stored.warning { printError("warning: \(warning)") }

        // Before curses starts, so that ncurses does not install its own handlers for these.
        Signals.install()
        let terminal: Terminal
        do {
            terminal = try Terminal(options: .init(theme: settings.theme))
        } catch {
            printError(error.description)
            return ExitStatus.unusableTerminal
        }
        defer { terminal.stop() }

        var state = AppState(schedule: schedule, size: terminal.size, now: clock.now(), measure: terminal.measure,
                             strings: .for(settings.language), favourites: stored.keys)
        state.reminderLead = settings.reminderLead
        state.bellEnabled = settings.bell
        state.apply(.tick(clock.now()))
        terminal.useTrackColours(state.tintColours)
        terminal.present(Screen.render(state))
        var saveError: String?
        // Fold the search text on the other core while the user reads the first screen.
        let background = BackgroundIndex(schedule.sessions)

        while !state.shouldQuit, Signals.caught == 0, !terminal.inputClosed {
            // Wake at least twice a second for signals and the clock; draw only on change.
            let input = terminal.nextInput(timeout: 500)
            if state.needsSearchIndex, let index = background.take() {
                state.installSearchIndex(index, for: schedule.sessions)
            }
            var changed = false
            if let input, let action = KeyMap.action(for: input, in: state) {
                state.apply(action)
                changed = true
            }
            let now = clock.now()
            if Int(now.timeIntervalSince1970 / 60) != Int(state.now.timeIntervalSince1970 / 60) {
                state.apply(.tick(now))
                changed = true
            }
            for effect in state.takeEffects() {
                switch effect {
                case .bell: terminal.bell()
                case .saveFavourites(let keys):
                    do {
                        try store.save(keys)
                    } catch {
                        saveError = "could not save favourites to \(store.file.path): \(error.localizedDescription)"
                        state.notify("⚠ " + saveError!, until: now.addingTimeInterval(60))
                        changed = true
                    }
                }
            }
            if changed, !state.shouldQuit { terminal.present(Screen.render(state)) }
        }
        terminal.stop()
        if let saveError { printError("warning: \(saveError)") }
        let signal = Signals.caught
        return signal == 0 ? 0 : 128 + signal
    }
}
