import Foundation
import AgendaApp
import AgendaCanvas
import AgendaModel
import AgendaQR
import AgendaTerminal
import AgendaUI

/// What the kiosk needs before its loop runs: a usable terminal, signal handlers, the glyphs the
/// terminal draws and the QR encoder.
struct KioskStart {
    let schedule: Schedule
    let live: LiveSchedule?
    let notices: LiveNotices?
    let options: KioskOptions
    let theme: ThemeName
    let clock: KioskClock
    let exitKey: Key?
    /// `--glyphs`: asked of the terminal (auto) once curses has started.
    let glyphs: GlyphsChoice
    let adjust: @Sendable (Schedule) -> Schedule

    /// Returns the exit status: 0 (exit key), 2 for an unusable terminal, or 128+signal.
    func run() -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        do {
            try Terminal.preflight(environment: environment)
        } catch {
            printError(error.description)
            return ExitStatus.unusableTerminal
        }
        // Before curses starts, so that ncurses does not install its own handlers for these.
        Signals.install()
        var options = self.options
        let glyphs = glyphs.resolve(environment: environment)
        options.glyphs = glyphs.glyphs
        ScreenDump.install()
        let terminal: Terminal
        do {
            terminal = try Terminal(options: .init(theme: theme, mouse: false, raw: true))
        } catch {
            printError(error.description)
            return ExitStatus.unusableTerminal
        }
        defer { terminal.stop() }
        if glyphs.ask { terminal.askAmbiguousWidth() }
        let state = KioskState(schedule: schedule, now: clock.now(), size: terminal.size, options: options,
                               measure: terminal.measure, qrCodes: qrCodes(options))
        let loop = KioskLoop(state: state, live: live, notices: notices, terminal: terminal, clock: clock,
                             configuration: .init(exitKey: exitKey, systemd: SystemdNotifier(), adjust: adjust))
        let signal = loop.run()
        return signal == 0 ? 0 : 128 + signal
    }

    /// Codes are drawn on door screens only; there libqrencode is loaded now, and its absence
    /// said once, on the status line and in the journal.
    private func qrCodes(_ options: KioskOptions) -> QRCodes {
        guard !options.rooms.isEmpty else { return .none }
        if let why = QREncoder.unavailable {
            printError("warning: no QR codes: \(why); \(QREncoder.installHint)")
            return .missing(QREncoder.installHint)
        }
        return .encoder(QREncoder.encode)
    }
}
