import Foundation
import Synchronization
import AgendaModel
import AgendaRemote

/// A schedule read whole on its own thread while the browser shows the day it opens on
/// (`OpeningDay`). Started once that day is on screen, so the two do not share the cores
/// before the first frame; the run loop takes the result between frames.
final class WholeFileRead: Sendable {
    private let result = Mutex<Result<LoadedSource, SourceError>?>(nil)
    private let started = Mutex(false)
    let source: ScheduleSource

    init(_ source: ScheduleSource) {
        self.source = source
    }

    /// Starts the read (once).
    func start() {
        guard started.withLock({ value in defer { value = true }; return !value }) else { return }
        // For the end-to-end tests only: the whole read held back, so that what is shown before
        // it can be looked at.
        let hold = ProcessInfo.processInfo.environment["AGENDA_TEST_HOLD_WHOLE_READ"].flatMap(Double.init) ?? 0
        let source = source
        Thread.detachNewThread { [self] in
            if hold > 0 { Thread.sleep(forTimeInterval: min(hold, 30)) }
            let loaded = Result { () throws(SourceError) in try SourceLoading.load(source) }
            result.withLock { $0 = loaded }
        }
    }

    /// The result once it is there (handed over once: not kept here).
    func take() -> Result<LoadedSource, SourceError>? {
        result.withLock { value in
            defer { value = nil }
            return value
        }
    }

    /// Waits for the result (started if it was not).
    func wait() -> Result<LoadedSource, SourceError> {
        start()
        while true {
            if let result = take() { return result }
            Thread.sleep(forTimeInterval: 0.01)
        }
    }
}
