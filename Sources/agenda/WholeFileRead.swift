import Foundation
import Synchronization
import AgendaModel
import AgendaRemote

/// A schedule file read whole on its own thread while the browser shows the day read ahead of
/// it (`FrabXMLReadAhead`). The run loop takes the result between frames.
final class WholeFileRead: Sendable {
    private let result = Mutex<Result<LoadedSource, SourceError>?>(nil)
    let source: ScheduleSource

    init(_ source: ScheduleSource) {
        self.source = source
        Thread.detachNewThread { [self] in
            let loaded = Result { () throws(SourceError) in try SourceLoading.load(source) }
            result.withLock { $0 = loaded }
        }
    }

    /// The result once it is there.
    func take() -> Result<LoadedSource, SourceError>? {
        result.withLock { $0 }
    }
}
