import Foundation
import Glibc
import AgendaModel
import AgendaQR
import AgendaRemote
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
    /// `--glyphs`: asked of the terminal (auto) once it has passed preflight.
    let glyphs: GlyphsChoice
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
        // Before curses starts, so that ncurses does not install its own handlers for these;
        // and before the probe, so a signal while it waits cannot leave echo off.
        Signals.install()
        var options = self.options
        options.glyphs = glyphs.resolve(environment: ProcessInfo.processInfo.environment)
        ScreenDump.install()
        let systemd = SystemdNotifier()
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
        // Codes are drawn on door screens only; there libqrencode is loaded now, and its absence
        // said once, on the status line and in the journal.
        if !options.rooms.isEmpty {
            if let why = QREncoder.unavailable {
                state.qrMissing = QREncoder.installHint
                printError("warning: no QR codes: \(why); \(QREncoder.installHint)")
            } else {
                state.encodeQR = QREncoder.encode
            }
        }
        if let notices {
            state.notices = notices.initial
            if notices.initialFailed { state.noticesFailedAt = state.now }
        }
        var shown = KioskBoard.render(state)
        terminal.present(shown)
        CacheWrites.start()
        var drawnMoment = state.moment
        // Under systemd (Type=notify): ready after the first frame; the watchdog is fed from
        // this loop only, so a loop that stops rendering is restarted (WatchdogSec=).
        var loadedAt = Date()
        var status = healthStatus(state, loadedAt: loadedAt)
        systemd?.send("READY=1\nSTATUS=\(status)")
        var lastPing = ContinuousClock.now
        if systemd?.watchdogInterval != nil { systemd?.send("WATCHDOG=1") }

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
            if let systemd, let interval = systemd.watchdogInterval, lastPing.duration(to: .now) >= interval {
                systemd.send("WATCHDOG=1")
                lastPing = .now
            }
            if ScreenDump.requested.exchange(false, ordering: .relaxed) { ScreenDump.write(shown.text()) }
            if state.moment != drawnMoment { dirty = true }
            if let live {
                switch live.poll() {
                case .unchanged: break
                case .reloaded(let schedule):
                    state.schedule = adjust(schedule)
                    loadedAt = Date()
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
            if let systemd {
                let now = healthStatus(state, loadedAt: loadedAt)
                if now != status { systemd.send("STATUS=\(now)"); status = now }
            }
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

    /// `schedule 1a2b3c4d (1007 sessions) of 14:02; last good fetch 14:02`, and what failed.
    private func healthStatus(_ state: KioskState, loadedAt: Date) -> String {
        let time = VenueTime(timeZone: state.schedule.timeZone)
        var parts = ["schedule \(state.schedule.kioskVersion) (\(state.schedule.sessions.count) sessions) of \(time.clock(loadedAt))"]
        if let note = state.staleNote {
            parts.append("offline: last good fetch \(time.clock(note.asOf))")
        } else {
            parts.append("last good fetch \(time.clock(loadedAt))")
        }
        if let failed = state.updateFailedAt { parts.append("update failed at \(time.clock(failed))") }
        if let failed = state.noticesFailedAt { parts.append("notices update failed at \(time.clock(failed))") }
        return parts.joined(separator: "; ")
    }

    /// Real milliseconds until the board's minute or page changes.
    private func millisecondsToNextMoment(_ state: KioskState) -> Double {
        let seconds = state.now.timeIntervalSince1970
        let page = Double(options.pageSeconds)
        let nextMinute = (seconds / 60).rounded(.down) * 60 + 60
        let nextTurn = (seconds / page).rounded(.down) * page + page
        // A notice that appears or goes between minutes (`from`, `until`) is drawn on time.
        let nextNotice = state.notices.boundaries.first { $0 > state.now }?.timeIntervalSince1970 ?? .infinity
        let nextSecond = options.timer ? seconds.rounded(.down) + 1 : .infinity   // the stage timer ticks
        let target = Date(timeIntervalSince1970: min(nextMinute, nextTurn, nextNotice, nextSecond))
        return clock.milliseconds(until: target, from: state.now) + 1
    }
}
