import Foundation
import Synchronization
import AgendaModel
import AgendaSources

/// `--notices`: a file checked every 2 s by its fingerprint, or a URL fetched every 10 s (a 304
/// costs nothing), on a thread of its own. A version that does not read, or a server that
/// cannot be reached, keeps the last good notices on screen, marked.
public final class LiveNotices: Sendable {
    public enum Outcome: Sendable {
        case updated(VenueNotices)
        case failed
        case restored
    }

    static let filePoll: TimeInterval = 2
    static let urlPoll: TimeInterval = 10

    private let results = Mailbox<Outcome>()
    /// Used by the polling thread only, after the first read here.
    private let reader: Mutex<Reader>
    /// The first version, read before the board starts (empty if it did not read).
    public let initial: VenueNotices
    public let initialFailed: Bool

    /// `warn`: where a failure is said once when stderr is not the board's terminal (the
    /// journal, under systemd).
    public init(_ name: String, zone: TimeZone, limits: FetchLimits, warn: @escaping @Sendable (String) -> Void) {
        let reader = Reader(name: name, zone: zone, limits: limits, warn: warn)
        switch reader.check() {
        case .updated(let notices): initial = notices; initialFailed = false
        default: initial = VenueNotices(); initialFailed = true
        }
        let interval = reader.url == nil ? Self.filePoll : Self.urlPoll
        self.reader = Mutex(reader)
        Worker.every(interval, into: results) { [self] in self.reader.withLock { $0.check() }.map { [$0] } ?? [] }
    }

    public func take() -> [Outcome] { results.take() }

    /// Reads one version when it changed.
    private final class Reader {
        let name: String
        let url: URL?
        let zone: TimeZone
        let limits: FetchLimits
        let warn: @Sendable (String) -> Void
        private var fingerprint: ScheduleFile.Fingerprint?
        private var validators = Validators()
        private var shown: Data?
        private var failing = false

        init(name: String, zone: TimeZone, limits: FetchLimits, warn: @escaping @Sendable (String) -> Void) {
            self.name = name
            self.warn = warn
            self.url = ScheduleSource.isURL(name) ? URL(string: name) : nil
            self.zone = zone
            self.limits = limits
        }

        /// Nil when nothing changed.
        func check() -> Outcome? {
            let data: Data
            if let url {
                switch HTTPFetcher.fetch(url, validators: validators, limits: limits) {
                case .success(.notModified): return recovered()
                case .success(.fetched(let body, let validators)):
                    self.validators = validators
                    data = body
                case .failure(let error):
                    return fail("\(error.url): cannot fetch the notices: \(error.reason)")
                }
            } else {
                let current = ScheduleFile.fingerprint(path: name)
                if current != nil, current == fingerprint { return nil }
                fingerprint = current
                do { data = try ScheduleFile.read(path: name, limit: 1 << 20, regularOnly: true) } catch {
                    return fail(error.description)
                }
            }
            if data == shown { return recovered() }
            do {
                let notices = try VenueNotices.read(data, file: name, zone: zone)
                shown = data
                failing = false
                return .updated(notices)
            } catch {
                return fail(error.description)
            }
        }

        /// Said once per failure, not on every poll: on the board, and on stderr when that is
        /// not the board's terminal (the journal, under systemd).
        private func fail(_ message: String) -> Outcome? {
            guard !failing else { return nil }
            failing = true
            if isatty(2) == 0 { warn("warning: notices: \(message); the last good notices stay") }
            return .failed
        }

        private func recovered() -> Outcome? {
            guard failing else { return nil }
            failing = false
            return .restored
        }
    }
}
