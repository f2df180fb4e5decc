import AgendaModel

extension AppState {
    mutating func toggleFavourite() {
        guard let session = selectedSession else { return }
        if favourites.contains(session.key) { favourites.remove(session.key) } else { favourites.insert(session.key) }
        effects.append(.saveFavourites(favourites))
        refreshFavourites()
        if showingMyAgenda { rebuildRows(keepSelection: true) }
    }

    /// Recomputes the favourites' indices and clashes after the stars or the schedule changed.
    mutating func refreshFavourites() {
        favouriteIndices = favourites.isEmpty ? [] : schedule.sessions.indices.filter { favourites.contains(schedule.sessions[$0].key) }
        clashes = Clashes.find(in: schedule.sessions, chosen: favourites)
    }

    /// The favourites that overlap `index`, for the detail pane.
    public func clashPartners(of index: Int) -> [Int] {
        let session = schedule.sessions[index]
        return favouriteIndices.filter { $0 != index && schedule.sessions[$0].start < session.end && session.start < schedule.sessions[$0].end }
    }
}
