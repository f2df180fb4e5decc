import Foundation

/// What the user asked for, independent of the key or click that asked.
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
    case exportFavourites
    case togglePicker
    case pickerAll
    /// Show every room, track, language and type again.
    case clearFilter
    case toggleLocalTime
    case toggleHelp
    case quit
    case click(x: Int, y: Int)
    case wheel(Int, x: Int, y: Int)
    case resize(Size)
    case tick(Date)
}
