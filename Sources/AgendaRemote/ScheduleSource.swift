import Foundation
import AgendaModel

/// Why no schedule could be shown at all.
public struct SourceError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A URL that cannot be fetched and has no cached copy (exit 69, EX_UNAVAILABLE).
        case unavailable
        /// A file that does not exist (exit 66).
        case missing
        /// Content that does not read as a schedule (exit 65).
        case malformed
    }

    public var kind: Kind
    public var description: String

    init(_ error: ScheduleError) {
        kind = error.kind == .missing ? .missing : .malformed
        description = error.description
    }

    init(_ error: FetchError, cached: Bool) {
        kind = .unavailable
        description = "\(Sanitizer.line(error.url)): error: cannot fetch the schedule: \(Sanitizer.line(error.reason))"
            + (cached ? "; no copy is cached" : "")
    }
}

public struct SourceSettings: Sendable {
    public var limits = FetchLimits()
    /// Nil: no copies kept (no offline fallback, no change tracking).
    public var cache: ScheduleCache?

    public init(limits: FetchLimits = FetchLimits(), cache: ScheduleCache? = ScheduleCache()) {
        self.limits = limits
        self.cache = cache
    }
}

/// One schedule source, a file or an http(s) URL, with its cached copies and its previous
/// version. `load()` gives the first schedule; `refresh()` checks for a new version, cheaply:
/// a 304 (or unchanged bytes) returns `.unchanged` without parsing anything.
///
/// Not thread-safe: one thread at a time (the refresh thread, after the first load).
public final class ScheduleSource: @unchecked Sendable {
    public enum Refresh: Sendable {
        case unchanged
        /// A new version, marked against the one before it.
        case updated(Schedule)
        /// The source failed; the last good copy stays.
        case stale(StaleNote)
    }

    /// As given on the command line.
    public let name: String
    public let url: URL?
    public let settings: SourceSettings
    private let entry: ScheduleCache.Entry?
    /// The bytes and the parse of the version on screen, to diff the next one against. A local
    /// file keeps its fingerprint instead of its bytes: holding a 41 MB file for a comparison
    /// that a `stat` answers would double the memory of a big programme.
    private var currentBytes: Data?
    private var currentFingerprint: ScheduleFile.Fingerprint?
    private var currentSchedule: Schedule?
    private var meta: ScheduleCache.Meta

    public static func isURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    public init(_ name: String, settings: SourceSettings = SourceSettings()) {
        self.name = name
        self.settings = settings
        if Self.isURL(name) {
            url = URL(string: name)
            entry = settings.cache?.entry(for: name)
        } else {
            url = nil
            let absolute = URL(fileURLWithPath: name).standardizedFileURL.path
            entry = settings.cache?.entry(for: "file://" + absolute)
        }
        meta = entry?.meta() ?? ScheduleCache.Meta(source: entry?.source ?? name)
    }

    /// A regular file, whose versions `refresh()` tells apart by fingerprint without reading.
    public var watchesFile: Bool { url == nil && currentFingerprint != nil }

    /// For messages: the URL or path, sanitised.
    public var displayName: String { Sanitizer.line(name) }

    /// The first schedule: fetched (or read), else the cached copy with a note; else an error.
    public func load(now: Date = Date()) throws(SourceError) -> (Schedule, StaleNote?) {
        if url == nil { return (try loadFile(), nil) }
        let cached = entry?.current()
        switch fetch(conditional: cached != nil) {
        case .success(.notModified):
            if let cached, let schedule = try? ScheduleLoader.read(cached, file: name) {
                currentBytes = cached
                currentSchedule = schedule
                meta.checkedAt = now
                try? entry?.write(meta)
                return (track(schedule, previous: entry?.previous()), nil)
            }
            // A 304 for a copy we no longer have: ask again without validators.
            meta.validators = Validators()
            return try load(now: now)
        case .success(.fetched(let data, let validators)):
            do {
                let schedule = try ScheduleLoader.read(data, file: name)
                return (accept(data, schedule, validators: validators, replacing: cached, now: now), nil)
            } catch {
                guard let fallback = fallback(cached) else { throw SourceError(error) }
                return (fallback, StaleNote(kind: .broken, asOf: meta.checkedAt ?? now, cause: Sanitizer.line(error.message)))
            }
        case .failure(let error):
            guard let fallback = fallback(cached) else { throw SourceError(error, cached: settings.cache != nil) }
            return (fallback, StaleNote(kind: .offline, asOf: meta.checkedAt ?? meta.fetchedAt ?? now, cause: Sanitizer.line(error.reason)))
        }
    }

    /// Checks for a new version. Files: unchanged while their fingerprint is; else read again
    /// and compared byte for byte with the copy on screen.
    public func refresh(now: Date = Date()) -> Refresh {
        guard url != nil else {
            let fingerprint = ScheduleFile.fingerprint(path: name)
            if fingerprint != nil, fingerprint == currentFingerprint { return .unchanged }
            guard let data = try? ScheduleFile.read(path: name) else { return .unchanged }
            let shown = currentBytes ?? entry?.current()
            guard data != shown else {
                currentFingerprint = fingerprint
                return .unchanged
            }
            do {
                let schedule = try ScheduleLoader.read(data, file: name)
                let previous = currentSchedule
                storeFile(data, fingerprint: fingerprint, replacing: shown)
                return .updated(ScheduleChanges.track(previous: previous, current: schedule))
            } catch {
                currentFingerprint = fingerprint   // tried once per version, not on every poll
                return .stale(StaleNote(kind: .broken, asOf: now, cause: Sanitizer.line(error.message)))
            }
        }
        switch fetch(conditional: currentBytes != nil) {
        case .success(.notModified):
            meta.checkedAt = now
            try? entry?.write(meta)
            return .unchanged
        case .success(.fetched(let data, let validators)):
            if data == currentBytes {
                meta.validators = validators
                meta.checkedAt = now
                try? entry?.write(meta)
                return .unchanged
            }
            do {
                let schedule = try ScheduleLoader.read(data, file: name)
                let previous = currentSchedule
                let old = currentBytes
                _ = accept(data, schedule, validators: validators, replacing: old, now: now)
                return .updated(ScheduleChanges.track(previous: previous, current: schedule))
            } catch {
                return .stale(StaleNote(kind: .broken, asOf: meta.checkedAt ?? now, cause: Sanitizer.line(error.message)))
            }
        case .failure(let error):
            return .stale(StaleNote(kind: .offline, asOf: meta.checkedAt ?? meta.fetchedAt ?? now, cause: Sanitizer.line(error.reason)))
        }
    }

    // MARK: -

    private func fetch(conditional: Bool) -> Result<FetchResult, FetchError> {
        guard let url else { return .failure(FetchError(url: name, cause: .unsupported)) }
        return HTTPFetcher.fetch(url, validators: conditional ? meta.validators : Validators(), limits: settings.limits)
    }

    /// A new version arrived: keep it (the old one becomes the previous) and mark the changes.
    private func accept(_ data: Data, _ schedule: Schedule, validators: Validators, replacing old: Data?, now: Date) -> Schedule {
        let previousBytes = old != nil && old != data ? old : entry?.previous()
        meta.validators = validators
        meta.checkedAt = now
        if old != data { meta.fetchedAt = now }
        try? entry?.store(data, replacing: old, meta: meta)
        currentBytes = data
        currentSchedule = schedule
        return track(schedule, previous: previousBytes)
    }

    private func fallback(_ cached: Data?) -> Schedule? {
        guard let cached, let schedule = try? ScheduleLoader.read(cached, file: name) else { return nil }
        currentBytes = cached
        currentSchedule = schedule
        return track(schedule, previous: entry?.previous())
    }

    private func track(_ schedule: Schedule, previous: Data?) -> Schedule {
        let before = previous.flatMap { try? ScheduleLoader.read($0, file: name) }
        return ScheduleChanges.track(previous: before, current: schedule)
    }

    private func loadFile() throws(SourceError) -> Schedule {
        // Taken before reading: a change while reading shows as a new version on the next refresh.
        let fingerprint = ScheduleFile.fingerprint(path: name)
        // Through the size limit: a file too large is refused before it is read or cached.
        let data: Data
        do { data = try ScheduleFile.read(path: name) } catch { throw SourceError(error) }
        let schedule: Schedule
        do { schedule = try ScheduleLoader.read(data, file: name) } catch { throw SourceError(error) }
        currentSchedule = schedule
        // The cached copy was taken from this very version: nothing to compare or store.
        if let entry, fingerprint != nil, fingerprint == meta.file, entry.hasCurrent {
            currentFingerprint = fingerprint
            return track(schedule, previous: entry.previous())
        }
        let cached = entry?.current()
        let previous = cached != nil && cached != data ? cached : entry?.previous()
        storeFile(data, fingerprint: fingerprint, replacing: cached)
        return track(schedule, previous: previous)
    }

    /// Keeps a file's version as the current copy (or only notes its fingerprint when the
    /// copy holds these bytes already). Without a cache or a fingerprint the bytes stay in memory.
    private func storeFile(_ data: Data, fingerprint: ScheduleFile.Fingerprint?, replacing old: Data?) {
        let now = Date()
        meta.checkedAt = now
        meta.file = fingerprint
        do {
            guard let entry else { throw CocoaError(.fileNoSuchFile) }
            if old == data {
                try entry.write(meta)
            } else {
                meta.fetchedAt = now
                try entry.store(data, replacing: old, meta: meta)
            }
            currentBytes = fingerprint == nil ? data : nil
        } catch {
            currentBytes = data   // not cached: the only copy to compare the next version with
        }
        currentFingerprint = fingerprint
    }
}
