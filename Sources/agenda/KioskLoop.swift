import Foundation
import Glibc
import AgendaModel
import AgendaTerminal
import AgendaUI

/// Runs the kiosk board until a signal (or the exit key, if one was given).
///
/// It redraws only when the minute, the page, the data or the size changes, and presents a
/// frame only when it differs from the one on screen: between changes nothing is written.
struct KioskLoop {
    let schedule: Schedule
    let live: LiveSchedule?
    let options: KioskOptions
    let theme: ThemeName
    let clock: KioskClock
    let exitKey: Key?
    /// `--notices`, when given.
    var notices: LiveNotices?
    /// Applied to every new version (`--zone`).
    var adjust: @Sendable (Schedule) -> Schedule = { $0 }

    /// Returns the exit status: 0 (exit key), 2 for an unusable terminal, or 128+signal.
    func run() -> Int32 {
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
            terminal = try Terminal(options: .init(theme: theme, mouse: false, raw: true))
        } catch {
            printError(error.description)
            return ExitStatus.unusableTerminal
        }
        defer { terminal.stop() }

        var state = KioskState(schedule: schedule, now: clock.now(), size: terminal.size, options: options,
                               measure: terminal.measure)
        state.staleNote = live?.staleNote
        if let notices {
            state.notices = notices.initial
            if notices.initialFailed { state.noticesFailedAt = state.now }
        }
        var shown = KioskBoard.render(state)
        terminal.present(shown)
        var drawnMoment = state.moment

        loop: while Signals.caught == 0 {
            var dirty = false
            let wait = Int32(max(5, min(500, millisecondsToNextMoment(state))))
            if terminal.inputClosed {
                // No terminal input any more (hung up): keep showing, just wait.
                poll(nil, 0, wait)
            } else {
                switch terminal.nextInput(timeout: wait) {
                case .resize(let size)?:
                    state.size = size
                    terminal.invalidate()
                    dirty = true
                case .key(let key)? where key == exitKey:
                    break loop
                default:
                    break  // unattended: every other key does nothing
                }
            }
            state.now = clock.now()
            if state.moment != drawnMoment { dirty = true }
            if let live {
                switch live.poll() {
                case .unchanged: break
                case .reloaded(let schedule):
                    state.schedule = adjust(schedule)
                    state.updateFailedAt = nil
                    dirty = true
                case .failed:
                    state.updateFailedAt = state.now
                    dirty = true
                case .restored:
                    if state.updateFailedAt != nil { dirty = true }
                    state.updateFailedAt = nil
                }
                if live.staleNote != state.staleNote {
                    state.staleNote = live.staleNote
                    dirty = true
                }
            }
            for outcome in notices?.take() ?? [] {
                switch outcome {
                case .updated(let new): state.notices = new; state.noticesFailedAt = nil
                case .failed: state.noticesFailedAt = state.now
                case .restored: state.noticesFailedAt = nil
                }
                dirty = true
            }
            guard dirty else { continue }
            drawnMoment = state.moment
            let canvas = KioskBoard.render(state)
            if canvas != shown || terminal.size != shown.size {
                terminal.present(canvas)
                shown = canvas
            }
        }
        terminal.stop()
        let signal = Signals.caught
        return signal == 0 ? 0 : 128 + signal
    }

    /// Real milliseconds until the board's minute or page changes.
    private func millisecondsToNextMoment(_ state: KioskState) -> Double {
        let seconds = state.now.timeIntervalSince1970
        let page = Double(options.pageSeconds)
        let nextMinute = (seconds / 60).rounded(.down) * 60 + 60
        let nextTurn = (seconds / page).rounded(.down) * page + page
        // A notice that appears or goes between minutes (`from`, `until`) is drawn on time.
        let nextNotice = state.notices.boundaries.first { $0 > state.now }?.timeIntervalSince1970 ?? .infinity
        let target = Date(timeIntervalSince1970: min(nextMinute, nextTurn, nextNotice))
        return clock.milliseconds(until: target, from: state.now) + 1
    }
}
