import Dispatch
import Synchronization

/// Cache writes held back until the first frame is on screen: snapshots, copies of files and
/// search indexes. At 20,000 sessions the copy of a 41 MB file alone took 100–150 ms before
/// the first frame, and its bytes competed with the parse for the disk and a core.
///
/// Writes run one at a time, in the order they were asked for, on a background thread, once
/// `start` has been called; `finish` starts them and waits for those still pending (before
/// the program exits, so that none is left half-way: it would only be rebuilt).
public enum CacheWrites {
    public static func later(_ work: @escaping @Sendable () -> Void) {
        queue.async(group: pending, execute: work)
    }

    public static func start() {
        let first = started.withLock { started in
            defer { started = true }
            return !started
        }
        if first { queue.resume() }
    }

    public static func finish() {
        finishing.store(true, ordering: .relaxed)
        start()
        pending.wait()
    }

    /// Whether `finish` has begun: work queued here that only serves the running program (a
    /// search index being built) gives up rather than hold the program's end.
    public static var isFinishing: Bool { finishing.load(ordering: .relaxed) }

    private static let queue: DispatchQueue = {
        let queue = DispatchQueue(label: "agenda.cache-writes", qos: .utility)
        queue.suspend()
        return queue
    }()
    private static let started = Mutex(false)
    private static let finishing = Atomic(false)
    private static let pending = DispatchGroup()
}
