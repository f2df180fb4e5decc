import Foundation
import Synchronization
import AgendaModel
import AgendaSources

/// A schedule read whole on its own thread while the browser shows the day it opens on
/// (`OpeningDay`). Started once that day is on screen, so the two do not share the cores
/// before the first frame; the run loop takes the result between frames.
public final class WholeFileRead: Sendable {
    public typealias Outcome = Result<LoadedSource, SourceError>
    public let source: ScheduleSource
    private let load: @Sendable () -> Outcome
    private let mailbox = Mailbox<Outcome>()
    private let started = Mutex(false)

    /// `load` reads the whole (the source's own load unless a test gives another).
    public init(_ source: ScheduleSource, load: (@Sendable () -> Outcome)? = nil) {
        self.source = source
        self.load = load ?? { Result { () throws(SourceError) in try LoadedSource.load(source) } }
    }

    /// Starts the read (once).
    public func start() {
        guard started.withLock({ value in defer { value = true }; return !value }) else { return }
        Worker.once(into: mailbox, load)
    }

    /// The result once it is there (handed over once: not kept here).
    public func take() -> Outcome? { mailbox.take().first }

    /// Waits for the result (started if it was not).
    public func wait() -> Outcome {
        start()
        return mailbox.wait()[0]
    }
}
