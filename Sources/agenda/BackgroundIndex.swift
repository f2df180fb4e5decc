import Foundation
import Synchronization
import AgendaModel
import AgendaRemote

/// Gets the search index on its own thread: the one kept for these very texts (mapped), or
/// one built now and kept for next time. The run loop takes it once it is ready.
final class BackgroundIndex: Sendable {
    private let result = Mutex<SearchIndex?>(nil)

    init(_ sessions: [Session], store: SnapshotStore?) {
        Thread.detachNewThread { [self] in
            let index = Self.index(of: sessions, store: store)
            result.withLock { $0 = index }
        }
    }

    static func index(of sessions: [Session], store: SnapshotStore?) -> SearchIndex {
        guard let store else { return SearchIndex(sessions) }
        let key = SearchIndexFile.key(of: sessions)
        if let kept = store.loadIndex(key, sessions: sessions.count) { return kept }
        let built = SearchIndex(sessions)
        store.saveIndexLater(built, key: key)
        return built
    }

    func take() -> SearchIndex? {
        result.withLock { value in
            defer { value = nil }
            return value
        }
    }
}
