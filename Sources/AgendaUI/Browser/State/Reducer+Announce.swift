/// Screen-reader mode: what an action did, in words for the status line, since a screen reader
/// cannot see a star appear or a count change elsewhere on the screen.
extension AppState {
    mutating func announce(_ action: Action, before: AppState) {
        switch action {
        case .tick, .resize, .redraw, .wholeFileRead, .refreshed, .sourceStale, .indexReady, .favouritesChanged, .filterRestored, .notice,
             .exportProposed, .glyphsLearnt:
            return   // not the user's doing: what was said stays
        default: break
        }
        announcement = spoken(action, before: before)
    }

    private func spoken(_ action: Action, before: AppState) -> String? {
        if overlay == .picker {
            return filter != before.filter ? (filter.isActive ? strings.filtered : strings.allShown) : nil
        }
        if search.query != before.search.query || (action == .searchDone && !search.query.isEmpty) {
            return search.query.isEmpty ? nil : search.matches.isEmpty ? strings.noMatches : strings.matches(search.matches.count)
        }
        switch action {
        case .toggleFavourite:
            guard let session = selectedSession else { return nil }
            return favourites.contains(session.key) ? strings.starredWord : strings.unstarredWord
        case .nextMatch:
            let (position, total) = sessionPosition
            return position > 0 ? strings.position(position, of: total) : nil
        case .changeDay, .sideways:
            return day != before.day ? dayTitle(day) : nil
        case .cycleView: return strings.viewName(mode)
        case .toggleMyAgenda: return showingMyAgenda ? strings.myAgenda : strings.viewName(mode)
        case .toggleChanges: return showingChanges ? strings.changes : strings.viewName(mode)
        case .clearFilter: return filter != before.filter ? strings.allShown : nil
        case .jumpToNow: return dayTitle(day)
        default: return nil
        }
    }
}
