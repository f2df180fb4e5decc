import AgendaModel
import AgendaSources

/// The search index, got in the background: the one kept for these very texts (mapped), or
/// one built now and kept for next time.
enum SearchIndexWork {
    /// Queued behind the cache writes asked for before it (`CacheWrites`): on a first open the
    /// snapshot being written and the index being built are the two largest pieces of work in
    /// the background, and one after the other they never hold their memory at once.
    static func start(_ sessions: [Session], store: SnapshotStore?, version: Int,
                      into mailbox: Mailbox<BrowserLoop.Arrival>) {
        CacheWrites.later { mailbox.post(.action(.indexReady(index(of: sessions, store: store), version: version))) }
    }

    static func index(of sessions: [Session], store: SnapshotStore?) -> SearchIndex {
        guard let store else { return SearchIndex(sessions) }
        let key = SearchIndexFile.key(of: sessions)
        if let kept = store.loadIndex(key, sessions: sessions.count) { return kept }
        Heap.giveBack()
        // Into its file as it is built: its corpus is never held whole.
        return store.buildIndex(sessions, key: key) ?? SearchIndex(sessions)
    }
}
