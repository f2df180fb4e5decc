import Foundation
import AgendaCanvas
import AgendaModel

/// Every change to the browser's state: what the user asked for (independent of the key or
/// click that asked), and what arrived from elsewhere (the run loop turns each background
/// result into one of these). `AppState.apply` is the only way in.
public enum Action: Sendable, Equatable {
    case move(Int)
    case page(Int)
    case first, last
    /// ←/→: another day in the lists, another room column in the timetable.
    case sideways(Int)
    case changeDay(Int)
    case open, back, switchPane
    case cycleView(Int)
    case jumpToNow
    case startSearch
    case searchType(Character)
    case searchErase
    case searchDone
    case nextMatch(Int)
    case toggleFavourite
    case toggleMyAgenda
    case toggleChanges
    /// The changes to starred sessions alone.
    case toggleStarredChanges
    case exportFavourites
    /// Open / copy the selected session's web link; with several, choose one first.
    case openLink
    case copyLink
    /// In the link chooser: the link numbered `n` (from 1).
    case chooseLink(Int)
    case togglePicker
    // In the picker
    /// Show or hide the choice under the cursor.
    case pickerToggle
    /// All or none of the cursor's kind (while narrowed: only those shown, or all again).
    case pickerAll
    /// Start typing to narrow the choices; then a character, Backspace, Enter.
    case pickerFind
    case pickerType(Character)
    case pickerErase
    case pickerDone
    /// Show every room, track, language and type again.
    case clearFilter
    case toggleLocalTime
    case toggleHelp
    /// Ctrl-L: the terminal draws the whole screen again.
    case redraw
    /// The terminal answered the width probe after the first frame: draw with these glyphs.
    case glyphsLearnt(Glyphs)
    case quit
    case click(x: Int, y: Int)
    case wheel(Int, x: Int, y: Int)
    case resize(Size)
    case tick(Date)

    // From elsewhere
    /// The whole programme, read while the day it opens on was shown. `reopen`: nothing was
    /// touched meanwhile, so it opens where the whole would have.
    case wholeFileRead(Schedule, reopen: Bool)
    /// A new version of the source.
    case refreshed(Schedule)
    /// A cached copy stands in for an unreachable source (nil: the source answers again).
    case sourceStale(StaleNote?)
    /// The search index of the schedule numbered `version` (`AppState.scheduleVersion`); one
    /// for an earlier schedule is ignored.
    case indexReady(SearchIndex, version: Int)
    /// The stars the favourites file holds now (saved here, or by another browser).
    case favouritesChanged(Set<String>)
    /// A friend's starred sessions, by key, to show beside yours.
    case friendList(name: String, keys: Set<String>)
    /// The venue's extras for its rooms (`--venue FILE`).
    case venueRooms(VenueRooms)
    /// The filter kept from this conference's last run.
    case filterRestored([Filter.Facet: Set<String>])
    /// A message for the status line until `until` or the next Esc (a failed save, say).
    case notice(String, until: Date)
    /// Where `e` would write the favourites (the loop's answer to `Effect.proposeExport`):
    /// said on the status line; `e` again writes there, any other key lets it be.
    case exportProposed(path: String)
}
