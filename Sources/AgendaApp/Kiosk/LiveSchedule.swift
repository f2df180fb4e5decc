import Foundation
import AgendaModel
import AgendaSources

/// The kiosk's sources kept current, off the render loop: files are checked by their
/// fingerprints every `filePoll` on one background thread, URLs fetched every `refresh` seconds
/// on another. Only a new version, a failure or a recovery comes back to the loop, so a slow
/// disk, a server that hangs or a path that became a FIFO never holds up a frame or a signal.
public final class LiveSchedule {
    public enum Outcome: Equatable {
        case unchanged
        case reloaded(Schedule)
        /// A file changed but does not read: the last good version stays.
        case failed
        /// A file that failed reads again as the version on screen.
        case restored
    }

    /// How often files are looked at: a `stat` each, unless one changed.
    static let filePoll: TimeInterval = 2

    private let sources: [ScheduleSource]
    private var parts: [Schedule]
    private var notes: [StaleNote?]
    private let found = Mailbox<SourceWatch.Found>()

    public init(_ loaded: [LoadedSource], refresh: TimeInterval) {
        sources = loaded.map(\.source)
        parts = loaded.map(\.schedule)
        notes = loaded.map(\.stale)
        let indexed = sources.enumerated().map { ($0.offset, $0.element) }
        let urls = indexed.filter { $0.1.url != nil }
        // Pipes and devices were read once at start and are never read again.
        let watched = indexed.filter { $0.1.watchesFile }
        SourceWatch.start(urls, every: refresh, into: found) { $0 }
        SourceWatch.start(watched, every: Self.filePoll, into: found) { $0 }
    }

    /// Everything merged into one programme, change marks kept, a notice where a session moved from.
    public var schedule: Schedule { (Schedule.mergingTracked(parts) ?? BundledSchedule.load()).withMoveNotices() }

    /// The oldest stand-in copy on screen, if any source is unreachable.
    public var staleNote: StaleNote? { notes.compactMap { $0 }.min { $0.asOf < $1.asOf } }

    /// What the background threads found since the last poll.
    public func poll() -> Outcome {
        var reloaded = false, failed = false, restored = false
        for (index, outcome) in found.take() {
            let isURL = sources[index].url != nil
            switch outcome {
            case .updated(let schedule): parts[index] = schedule; notes[index] = nil; reloaded = true
            case .stale(let note): if isURL { notes[index] = note } else { failed = true }
            case .restored: notes[index] = nil; restored = true
            case .unchanged: break
            }
        }
        if reloaded { return .reloaded(schedule) }
        if failed { return .failed }
        return restored ? .restored : .unchanged
    }
}
