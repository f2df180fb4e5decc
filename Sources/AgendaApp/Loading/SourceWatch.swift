import Foundation
import AgendaSources

/// Sources checked for new versions every `interval` on a thread of their own; what changed
/// is posted to `mailbox` as (the source's number, what its refresh found), in the mailbox's
/// own terms (`as`).
public enum SourceWatch {
    public typealias Found = (Int, ScheduleSource.Refresh)

    public static func start<Message: Sendable>(_ sources: [(Int, ScheduleSource)], every interval: TimeInterval,
                                                into mailbox: Mailbox<Message>,
                                                as message: @escaping @Sendable (Found) -> Message) {
        guard !sources.isEmpty else { return }
        Worker.every(interval, into: mailbox) {
            sources.compactMap { index, source in
                let outcome = source.refresh()
                // Unchanged costs the loop nothing; everything else changes what it shows.
                if case .unchanged = outcome { return nil }
                return message((index, outcome))
            }
        }
    }
}
