import Foundation
import Synchronization
import AgendaModel
import AgendaSources

/// `--notices` and `--room-status`: each a file checked every 2 s by its fingerprint, or a URL
/// fetched every `--notices-poll` seconds (a 304 costs nothing), on a thread of its own; what
/// they say together is what the board shows. A version that does not read, or a server that
/// cannot be reached, keeps the last good notices on screen, marked; once the last good copy
/// is older than `staleAfter`, marked stale.
public final class LiveNotices: Sendable {
    public enum Outcome: Sendable, Equatable {
        case updated(VenueNotices)
        case failed
        case restored
        /// The last good copy is older than the limit (its time), or fresh again (nil).
        case stale(Date?)
    }

    static let filePoll: TimeInterval = 2
    /// The largest notices file or response read, as for a file.
    static let maxBytes = 1 << 20
    public static let urlPoll: TimeInterval = 10

    private let results = Mailbox<(source: Int, outcome: Outcome)>()
    private let readers: [Reader]
    /// The last good version from each source, and which are failing or stale (loop side).
    private let merged: Mutex<Merged>
    /// The first version, read before the board starts (empty if it did not read).
    public let initial: VenueNotices
    public let initialFailed: Bool

    struct Merged {
        var versions: [VenueNotices]
        var failing: Set<Int> = []
        var stale: [Int: Date] = [:]

        var notices: VenueNotices {
            VenueNotices(notices: versions.flatMap(\.notices), rooms: versions.flatMap(\.rooms))
        }
    }

    /// `warn`: where a failure is said once when stderr is not the board's terminal (the
    /// journal, under systemd).
    public convenience init(_ name: String, zone: TimeZone, limits: FetchLimits, warn: @escaping @Sendable (String) -> Void) {
        self.init([name], zone: zone, limits: limits, warn: warn)
    }

    /// `poll`: seconds between fetches of a URL; `staleAfter`: the age at which the last good
    /// copy of a source that cannot be read is marked stale (default: three polls).
    public init(_ names: [String], zone: TimeZone, limits: FetchLimits, poll: TimeInterval = LiveNotices.urlPoll,
                staleAfter: TimeInterval? = nil, warn: @escaping @Sendable (String) -> Void) {
        var versions: [VenueNotices] = [], failed = false
        var readers: [Reader] = []
        // Notices are a few kilobytes: a bound of their own, not the schedule's.
        var limits = limits
        limits.maxBytes = min(limits.maxBytes, Self.maxBytes)
        // The first read holds the board's start (and systemd's READY): a server that hangs
        // gets seconds, not the minute a poll may take; the polls go on from there.
        var first = limits
        first.connectTimeout = min(first.connectTimeout, 3)
        first.totalTimeout = min(first.totalTimeout, 5)
        for name in names {
            let reader = Reader(name: name, zone: zone, limits: limits,
                                staleAfter: staleAfter ?? 3 * max(poll, Self.filePoll), warn: warn)
            if case .updated(let notices)? = reader.check(limits: first).first {
                versions.append(notices)
            } else {
                versions.append(VenueNotices())
                failed = true
            }
            readers.append(reader)
        }
        var merged = Merged(versions: versions)
        initial = merged.notices
        initialFailed = failed
        if failed { merged.failing = Set(versions.indices.filter { readers[$0].failingNow }) }
        self.merged = Mutex(merged)
        self.readers = readers
        for (index, reader) in readers.enumerated() {
            let interval = reader.url == nil ? Self.filePoll : max(1, poll)
            Worker.every(interval, into: results) { reader.check().map { (index, $0) } }
        }
    }

    /// What changed since the last call, the sources taken together: at most one update, then
    /// whether any source fails, then whether any is stale.
    public func take() -> [Outcome] {
        let messages = results.take()
        guard !messages.isEmpty else { return [] }
        return merged.withLock { merged in
            let wasFailing = !merged.failing.isEmpty, wasStale = merged.stale.values.min()
            var updated = false
            for (source, outcome) in messages {
                switch outcome {
                case .updated(let notices):
                    merged.versions[source] = notices
                    merged.failing.remove(source)
                    merged.stale[source] = nil
                    updated = true
                case .failed: merged.failing.insert(source)
                case .restored: merged.failing.remove(source)
                case .stale(let since): merged.stale[source] = since
                }
            }
            var outcomes: [Outcome] = updated ? [.updated(merged.notices)] : []
            if merged.failing.isEmpty != !wasFailing { outcomes.append(merged.failing.isEmpty ? .restored : .failed) }
            if merged.stale.values.min() != wasStale { outcomes.append(.stale(merged.stale.values.min())) }
            return outcomes
        }
    }

    /// Reads one source's versions as they change. Used by its polling thread only, after the
    /// first read on the thread that made it.
    private final class Reader: @unchecked Sendable {
        let name: String
        let url: URL?
        let zone: TimeZone
        let limits: FetchLimits
        let staleAfter: TimeInterval
        let warn: @Sendable (String) -> Void
        private var fingerprint: ScheduleFile.Fingerprint?
        private var validators = Validators()
        private var shown: Data?
        private var failing = false
        /// When the source last answered with a good copy (a 304 counts), and whether its age
        /// has been reported.
        private var lastGood: Date?
        private var reportedStale = false

        var failingNow: Bool { failing }

        init(name: String, zone: TimeZone, limits: FetchLimits, staleAfter: TimeInterval, warn: @escaping @Sendable (String) -> Void) {
            self.name = name
            self.warn = warn
            self.url = ScheduleSource.isURL(name) ? URL(string: name) : nil
            self.zone = zone
            self.limits = limits
            self.staleAfter = staleAfter
        }

        /// Empty when nothing changed.
        /// `limits`: in place of the source's own (the first read's shorter wait).
        func check(limits given: FetchLimits? = nil) -> [Outcome] {
            let data: Data
            var newValidators: Validators?
            if let url {
                switch HTTPFetcher.fetch(url, validators: validators, limits: given ?? limits) {
                // The validators are those of the copy on screen (kept only once a copy reads):
                // a 304 says the server's version is that copy again.
                case .success(.notModified): return fresh() + recovered()
                case .success(.fetched(let body, let validators)):
                    newValidators = validators
                    data = body
                case .failure(let error):
                    return fail("\(error.url): cannot fetch the notices: \(error.reason)")
                }
            } else {
                let current = ScheduleFile.fingerprint(path: name)
                if current != nil, current == fingerprint { return failing ? fail("") : fresh() }
                fingerprint = current
                do { data = try ScheduleFile.read(path: name, limit: LiveNotices.maxBytes, regularOnly: true) } catch {
                    return fail(error.description)
                }
            }
            if data == shown {
                if let newValidators { validators = newValidators }
                return fresh() + recovered()
            }
            do {
                let notices = try VenueNotices.read(data, file: name, zone: zone)
                if let newValidators { validators = newValidators }
                shown = data
                failing = false
                lastGood = Date()
                reportedStale = false
                return [.updated(notices)]
            } catch {
                return fail(error.description)
            }
        }

        /// Said once per failure, not on every poll: on the board, and on stderr when that is
        /// not the board's terminal (the journal, under systemd). The copy's age is watched on.
        private func fail(_ message: String) -> [Outcome] {
            var outcomes: [Outcome] = []
            if !failing {
                failing = true
                if isatty(2) == 0 { warn("warning: notices: \(message); the last good notices stay") }
                outcomes.append(.failed)
            }
            if !reportedStale, let lastGood, Date().timeIntervalSince(lastGood) > staleAfter {
                reportedStale = true
                outcomes.append(.stale(lastGood))
            }
            return outcomes
        }

        /// The source answered with the copy on screen.
        private func fresh() -> [Outcome] {
            lastGood = Date()
            guard reportedStale else { return [] }
            reportedStale = false
            return [.stale(nil)]
        }

        private func recovered() -> [Outcome] {
            guard failing else { return [] }
            failing = false
            return [.restored]
        }
    }
}
