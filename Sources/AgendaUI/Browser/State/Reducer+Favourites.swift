import AgendaModel

extension AppState {
    mutating func toggleFavourite() {
        guard let session = selectedSession else { return }
        let starred = favourites.insert(session.key).inserted
        if !starred { favourites.remove(session.key) }
        effects.append(.favouriteChanged(key: session.key, starred: starred))
        refreshFavourites()
        if list == .myAgenda { rebuildRows(keepSelection: true) }
    }

    /// The stars as the favourites file now holds them (another browser starred something).
    mutating func setFavourites(_ keys: Set<String>) {
        guard keys != favourites else { return }
        favourites = keys
        refreshFavourites()
        if list == .myAgenda { rebuildRows(keepSelection: true) }
    }

    /// Recomputes the favourites' indices and clashes after the stars or the schedule changed.
    mutating func refreshFavourites() {
        favouriteIndices = favourites.isEmpty ? [] : schedule.sessions.indices.filter { favourites.contains(schedule.sessions[$0].key) }
        clashes = Clashes.find(in: schedule.sessions, chosen: favourites)
        refreshFriend()
    }

    /// The favourites that overlap `index`, for the detail pane.
    public func clashPartners(of index: Int) -> [Int] {
        let session = schedule.sessions[index]
        return favouriteIndices.filter { $0 != index && schedule.sessions[$0].start < session.end && session.start < schedule.sessions[$0].end }
    }
}
