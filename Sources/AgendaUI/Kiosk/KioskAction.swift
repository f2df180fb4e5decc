import Foundation
import AgendaCanvas
import AgendaModel

/// Every change to the kiosk's state. The board is unattended: these all come from the
/// terminal's size, the clock and the sources, never from a passer-by's keys.
public enum KioskAction: Sendable, Equatable {
    case resize(Size)
    case tick(Date)
    /// A new version of the schedule.
    case reloaded(Schedule)
    /// A file changed but does not read: the last good version stays, marked.
    case reloadFailed
    /// A file that failed reads again as the version on screen.
    case reloadRestored
    /// A cached copy stands in for an unreachable source (nil: every source answers).
    case stale(StaleNote?)
    case noticesUpdated(VenueNotices)
    /// The notices could not be read: the last good ones stay, marked.
    case noticesFailed
    case noticesRestored
    /// The last good notices are older than the limit (since when), or fresh again (nil).
    case noticesStale(Date?)
    /// The terminal answered the width probe after the first frame: draw with these glyphs.
    case glyphsLearnt(Glyphs)
}

extension KioskState {
    /// The kiosk's reducer: the only way its state changes.
    public mutating func apply(_ action: KioskAction) {
        switch action {
        case .resize(let new): size = new
        case .tick(let date): now = date
        case .reloaded(let schedule):
            self.schedule = schedule
            updateFailedAt = nil
        case .reloadFailed: updateFailedAt = now
        case .reloadRestored: updateFailedAt = nil
        case .stale(let note): staleNote = note
        case .noticesUpdated(let new):
            notices = new
            noticesFailedAt = nil
            noticesStaleSince = nil
        case .noticesFailed: noticesFailedAt = now
        case .noticesRestored: noticesFailedAt = nil
        case .noticesStale(let since): noticesStaleSince = since
        case .glyphsLearnt(let glyphs): options.glyphs = glyphs
        }
    }

    /// What fills the screen now.
    public var screen: KioskScreen {
        if let takeover { return .takeover(takeover) }
        if isQuiet { return .dark }
        if options.timer, unknownRooms.isEmpty, !clockNotSet { return .timer }
        return .board(content)
    }
}
