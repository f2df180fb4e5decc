import Foundation
import AgendaModel
import AgendaRemote

/// The kiosk's sources kept current: files are checked by their fingerprints every poll (a
/// `stat`, on the main thread); URLs are fetched on a background thread every `refresh`
/// seconds, and only a new version or a change of reachability comes back to the loop.
final class LiveSchedule {
    enum Outcome: Equatable {
        case unchanged
        case reloaded(Schedule)
        /// A file changed but does not read: the last good version stays.
        case failed
    }

    private let sources: [ScheduleSource]
    private var parts: [Schedule]
    private var notes: [StaleNote?]
    private let background: BackgroundRefresh?

    init(_ loaded: [LoadedSource], refresh: TimeInterval) {
        sources = loaded.map(\.source)
        parts = loaded.map(\.schedule)
        notes = loaded.map(\.stale)
        let remote = sources.enumerated().filter { $0.element.url != nil }.map { ($0.offset, $0.element) }
        background = remote.isEmpty ? nil : BackgroundRefresh(remote, every: refresh)
    }

    /// Everything merged into one programme, change marks kept, a notice where a session moved from.
    var schedule: Schedule { (Schedule.mergingTracked(parts) ?? BundledSchedule.load()).withMoveNotices() }

    /// The oldest stand-in copy on screen, if any source is unreachable.
    var staleNote: StaleNote? { notes.compactMap { $0 }.min { $0.asOf < $1.asOf } }

    /// What changed since the last poll. `checkFiles`: also look at the files' stamps.
    func poll(checkFiles: Bool) -> Outcome {
        var reloaded = false, failed = false
        for (index, outcome) in background?.take() ?? [] {
            switch outcome {
            case .updated(let schedule): parts[index] = schedule; notes[index] = nil; reloaded = true
            case .stale(let note): notes[index] = note
            case .unchanged: notes[index] = nil
            }
        }
        if checkFiles {
            // Each source took its file's fingerprint before reading it: a change during the
            // read, or since, shows as a new version here. Pipes and devices are read once.
            for (index, source) in sources.enumerated() where source.watchesFile {
                switch source.refresh() {
                case .updated(let schedule): parts[index] = schedule; reloaded = true
                case .stale: failed = true
                case .unchanged: break
                }
            }
        }
        if reloaded { return .reloaded(schedule) }
        return failed ? .failed : .unchanged
    }
}
