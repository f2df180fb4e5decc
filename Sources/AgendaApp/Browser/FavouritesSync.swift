import Foundation
import AgendaModel
import AgendaSources

/// The browser's side of the favourites file: each star is merged into the file as it is made,
/// stars another browser adds show up within a poll, and a star that cannot be written stays
/// in memory (and on screen) and is written at the next chance.
final class FavouritesSync {
    let store: FavouritesStore
    /// Changes not yet in the file: key → starred.
    private var pending: [String: Bool] = [:]
    /// The file's version this browser last read or wrote.
    private var seen: ScheduleFile.Fingerprint?
    private var nextPoll = Date.distantPast
    static let pollInterval: TimeInterval = 2

    init(store: FavouritesStore) {
        self.store = store
        seen = store.fingerprint()
    }

    /// A star made in this browser. Returns the stars the file holds afterwards, or throws
    /// (the change stays pending).
    func record(key: String, starred: Bool) throws -> Set<String> {
        pending[key] = starred
        return try flush()
    }

    /// At most every `pollInterval`: the file's stars when another process changed it (or a
    /// pending change could now be written), else nil.
    func poll(now: Date = Date()) -> Set<String>? {
        guard now >= nextPoll else { return nil }
        nextPoll = now.addingTimeInterval(Self.pollInterval)
        if !pending.isEmpty { return try? flush() }
        let fingerprint = store.fingerprint()
        guard fingerprint != seen else { return nil }
        seen = fingerprint
        let loaded = store.load()
        return loaded.warning == nil ? loaded.keys : nil
    }

    private func flush() throws -> Set<String> {
        let add = Set(pending.filter(\.value).keys), remove = Set(pending.filter { !$0.value }.keys)
        let keys = try store.merge(adding: add, removing: remove)
        pending = [:]
        seen = store.fingerprint()
        return keys
    }
}
