import AgendaModel
import AgendaSources

/// The search index, got on its own thread: the one kept for these very texts (mapped), or
/// one built now and kept for next time.
enum SearchIndexWork {
    static func start(_ sessions: [Session], store: SnapshotStore?, version: Int,
                      into mailbox: Mailbox<BrowserLoop.Arrival>) {
        Worker.once(into: mailbox) { .action(.indexReady(index(of: sessions, store: store), version: version)) }
    }

    static func index(of sessions: [Session], store: SnapshotStore?) -> SearchIndex {
        guard let store else { return SearchIndex(sessions) }
        let key = SearchIndexFile.key(of: sessions)
        if let kept = store.loadIndex(key, sessions: sessions.count) { return kept }
        let built = SearchIndex(sessions)
        store.saveIndexLater(built, key: key)
        return built
    }
}
