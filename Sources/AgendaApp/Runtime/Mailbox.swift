import Foundation
import Synchronization

/// What work on other threads hands the run loop, taken between frames: the one way
/// background work reports back (a whole file read, a search index, a refresh, notices).
public final class Mailbox<Message: Sendable>: Sendable {
    private let messages = Mutex<[Message]>([])
    /// One signal per message posted, so that `wait` sleeps instead of polling.
    private let posted = DispatchSemaphore(value: 0)

    public init() {}

    public func post(_ message: Message) {
        messages.withLock { $0.append(message) }
        posted.signal()
    }

    /// Everything posted since the last take, oldest first (handed over, not kept).
    public func take() -> [Message] {
        messages.withLock { value in
            defer { value.removeAll() }
            return value
        }
    }

    /// Blocks until something is posted, then takes it.
    public func wait() -> [Message] {
        while true {
            let taken = take()
            if !taken.isEmpty { return taken }
            posted.wait()
        }
    }
}

/// Threads for background work. Each posts its results to a mailbox; none touches the state
/// the run loop draws.
public enum Worker {
    /// Runs `work` once on a thread of its own and posts its result.
    public static func once<Message: Sendable>(into mailbox: Mailbox<Message>,
                                               _ work: @escaping @Sendable () -> Message) {
        Thread.detachNewThread { mailbox.post(work()) }
    }

    /// Every `interval` for the life of the process, on a thread of its own: posts what
    /// `work` returns (nothing when it returns no messages).
    public static func every<Message: Sendable>(_ interval: TimeInterval, into mailbox: Mailbox<Message>,
                                                _ work: @escaping @Sendable () -> [Message]) {
        Thread.detachNewThread {
            while true {
                Thread.sleep(forTimeInterval: interval)
                for message in work() { mailbox.post(message) }
            }
        }
    }
}
