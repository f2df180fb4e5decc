import Foundation
import Glibc
import AgendaCanvas
import AgendaModel
import AgendaSources
import AgendaUI

/// Runs the kiosk board until a signal (or the exit key, if one was given).
///
/// Every change to what the board shows is a `KioskAction` through `KioskState.apply`. It
/// redraws only when the minute, the page, the data or the size changes, and presents a frame
/// only when it differs from the one on screen: between changes nothing is written.
public final class KioskLoop {
    public struct Configuration {
        /// `--exit-key`: the one key that ends the board (nil: none does).
        public var exitKey: Key?
        /// Told READY, STATUS and WATCHDOG under systemd (`Type=notify`).
        public var systemd: SystemdNotifier?
        /// Applied to every new version (`--zone`).
        public var adjust: @Sendable (Schedule) -> Schedule

        public init(exitKey: Key? = nil, systemd: SystemdNotifier? = nil,
                    adjust: @escaping @Sendable (Schedule) -> Schedule = { $0 }) {
            self.exitKey = exitKey
            self.systemd = systemd
            self.adjust = adjust
        }
    }

    public private(set) var state: KioskState
    private let terminal: any TerminalDevice
    private let clock: any TimeSource
    private let live: LiveSchedule?
    private let notices: LiveNotices?
    private let configuration: Configuration
    private let stopSignal: () -> Int32
    private var shown: Canvas
    private var drawnMoment: KioskState.Moment
    private var loadedAt = Date()
    private var status = ""
    private var lastPing = ContinuousClock.now
    private var exitKeyPressed = false

    /// `state`: the board as it starts (its size is set from the terminal).
    public init(state: KioskState, live: LiveSchedule?, notices: LiveNotices?, terminal: any TerminalDevice,
                clock: any TimeSource, configuration: Configuration, stopSignal: @escaping () -> Int32 = { Signals.caught }) {
        self.state = state
        self.live = live
        self.notices = notices
        self.terminal = terminal
        self.clock = clock
        self.configuration = configuration
        self.stopSignal = stopSignal
        self.state.apply(.resize(terminal.size))
        self.state.apply(.stale(live?.staleNote))
        if let notices {
            self.state.apply(.noticesUpdated(notices.initial))
            if notices.initialFailed { self.state.apply(.noticesFailed) }
        }
        shown = Canvas(size: terminal.size)
        drawnMoment = self.state.moment
    }

    /// Runs until a signal or the exit key; the terminal is stopped. Returns the signal (0: the
    /// exit key).
    public func run() -> Int32 {
        start()
        while step() {}
        terminal.stop()
        return stopSignal()
    }

    /// The first frame, then READY for systemd.
    public func start() {
        shown = KioskBoard.render(state)
        terminal.present(shown)
        CacheWrites.start()
        // Under systemd (Type=notify): ready after the first frame; the watchdog is fed from
        // this loop only, so a loop that stops rendering is restarted (WatchdogSec=).
        if let systemd = configuration.systemd {
            status = healthStatus
            systemd.send("READY=1\nSTATUS=\(status)")
            if systemd.watchdogInterval != nil { systemd.send("WATCHDOG=1") }
        }
        lastPing = .now
    }

    /// One turn: wait for input or the next moment, then take what the sources found; draw
    /// when anything changed. False when the board should end.
    @discardableResult
    public func step() -> Bool {
        guard stopSignal() == 0, !exitKeyPressed else { return false }
        var dirty = false
        let wait = Int32(max(5, min(500, millisecondsToNextMoment)))
        if terminal.inputClosed {
            // No terminal input any more (hung up): keep showing, just wait.
            poll(nil, 0, wait)
        } else {
            switch terminal.nextInput(timeout: wait) {
            case .resize(let size)?:
                state.apply(.resize(size))
                terminal.invalidate()
                dirty = true
            case .ambiguousWidth(2)? where state.options.glyphs != .ascii:
                state.apply(.glyphsLearnt(.ascii))
                dirty = true
            case .key(let key)? where key == configuration.exitKey:
                exitKeyPressed = true
                return false
            case .key(.control("l"))?:
                // Ctrl-L draws the board whole again (over a console message, say).
                terminal.invalidate()
                terminal.present(shown)
            default:
                break  // unattended: every other key does nothing
            }
        }
        state.apply(.tick(clock.now()))
        if let systemd = configuration.systemd, let interval = systemd.watchdogInterval, lastPing.duration(to: .now) >= interval {
            systemd.send("WATCHDOG=1")
            lastPing = .now
        }
        if ScreenDump.requested.exchange(false, ordering: .relaxed) { ScreenDump.write(KioskBoard.text(shown)) }
        if state.moment != drawnMoment { dirty = true }
        if let live {
            switch live.poll() {
            case .unchanged: break
            case .reloaded(let schedule):
                state.apply(.reloaded(configuration.adjust(schedule)))
                loadedAt = Date()
                dirty = true
            case .failed:
                state.apply(.reloadFailed)
                dirty = true
            case .restored:
                if state.updateFailedAt != nil { dirty = true }
                state.apply(.reloadRestored)
            }
            if live.staleNote != state.staleNote {
                state.apply(.stale(live.staleNote))
                dirty = true
            }
        }
        for outcome in notices?.take() ?? [] {
            switch outcome {
            case .updated(let new): state.apply(.noticesUpdated(new))
            case .failed: state.apply(.noticesFailed)
            case .restored: state.apply(.noticesRestored)
            case .stale(let since): state.apply(.noticesStale(since))
            }
            dirty = true
        }
        guard dirty else { return true }
        if let systemd = configuration.systemd {
            let now = healthStatus
            if now != status { systemd.send("STATUS=\(now)"); status = now }
        }
        drawnMoment = state.moment
        let canvas = KioskBoard.render(state)
        if canvas != shown || terminal.size != shown.size {
            terminal.present(canvas)
            shown = canvas
        }
        return true
    }

    /// `schedule 1a2b3c4d (1007 sessions) of 14:02; last good fetch 14:02`, and what failed.
    public var healthStatus: String {
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
    private var millisecondsToNextMoment: Double {
        let seconds = state.now.timeIntervalSince1970
        let page = Double(state.options.pageSeconds)
        let nextMinute = (seconds / 60).rounded(.down) * 60 + 60
        let nextTurn = (seconds / page).rounded(.down) * page + page
        // A notice that appears or goes between minutes (`from`, `until`) is drawn on time.
        let nextNotice = state.notices.boundaries.first { $0 > state.now }?.timeIntervalSince1970 ?? .infinity
        let nextSecond = state.options.timer ? seconds.rounded(.down) + 1 : .infinity   // the stage timer ticks
        // The hint on how to leave goes on time.
        let hintEnd = state.showsLeaveHint ? state.startedAt.timeIntervalSince1970 + LeaveHint.seconds : .infinity
        let target = Date(timeIntervalSince1970: min(nextMinute, nextTurn, nextNotice, nextSecond, hintEnd))
        return clock.milliseconds(until: target, from: state.now) + 1
    }
}
