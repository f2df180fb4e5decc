import AgendaModel
import AgendaSources

/// The search index, got in the background: the one kept for these very texts (mapped), or
/// one built now into its file and kept for next time.
enum SearchIndexWork {
    /// With a cache, queued behind the cache writes asked for before it (`CacheWrites`): on a
    /// first open the snapshot being written and the index being built are the two largest
    /// pieces of work in the background, and one after the other they never hold their memory
    /// at once. Given up when the program ends meanwhile.
    static func start(_ sessions: [Session], store: SnapshotStore?, version: Int,
                      into mailbox: Mailbox<BrowserLoop.Arrival>) {
        guard let store else {
            Worker.once(into: mailbox) { .action(.indexReady(SearchIndex(sessions), version: version)) }
            return
        }
        CacheWrites.later {
            guard !CacheWrites.isFinishing, let index = index(of: sessions, store: store) else { return }
            mailbox.post(.action(.indexReady(index, version: version)))
        }
    }

    /// Nil only when the program is ending.
    static func index(of sessions: [Session], store: SnapshotStore) -> SearchIndex? {
        let key = SearchIndexFile.key(of: sessions)
        if let kept = store.loadIndex(key, sessions: sessions.count) { return kept }
        Heap.giveBack()
        if let built = store.buildIndex(sessions, key: key, until: { CacheWrites.isFinishing }) { return built }
        return CacheWrites.isFinishing ? nil : SearchIndex(sessions)
    }
}
