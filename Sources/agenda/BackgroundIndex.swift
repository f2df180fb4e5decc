import Foundation
import Synchronization
import AgendaModel

/// Builds the search index on its own thread; the run loop takes it once it is ready.
final class BackgroundIndex: Sendable {
    private let result = Mutex<SearchIndex?>(nil)

    init(_ sessions: [Session]) {
        Thread.detachNewThread { [self] in
            let index = SearchIndex(sessions)
            result.withLock { $0 = index }
        }
    }

    func take() -> SearchIndex? {
        result.withLock { value in
            defer { value = nil }
            return value
        }
    }
}
