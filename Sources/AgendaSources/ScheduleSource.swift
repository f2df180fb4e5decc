import Foundation
import Synchronization
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
    /// Nil: every version is parsed, none loaded from a snapshot.
    public var snapshots: SnapshotStore?
    /// Copies of a file are written once the first frame is on screen (`CacheWrites`), not
    /// before `load` returns.
    public var copiesLater = false

    public init(limits: FetchLimits = FetchLimits(), cache: ScheduleCache? = ScheduleCache(), snapshots: SnapshotStore? = nil,
                copiesLater: Bool = false) {
        self.limits = limits
        self.cache = cache
        self.snapshots = snapshots
        self.copiesLater = copiesLater
    }
}

/// One schedule source, a file or an http(s) URL, with its cached copies and its previous
/// version. `load()` gives the first schedule; `refresh()` checks for a new version, cheaply:
/// a 304, an unchanged fingerprint or unchanged bytes return `.unchanged` without parsing.
///
/// Each new version is compared with the digest of the one this process parsed and shows,
/// never with the shared cache (another process may have replaced it) or with the file.
///
/// Safe to share between threads: what it remembers between checks is behind a lock (in
/// practice one thread at a time uses it: the refresh thread, after the first load).
public final class ScheduleSource: Sendable {
    public enum Refresh: Sendable {
        case unchanged
        /// A new version, marked against the one before it.
        case updated(Schedule)
        /// The source failed; the last good copy stays.
        case stale(StaleNote)
        /// After a failure, the version on screen is back (the good file restored, the server
        /// reachable again): whatever said "update failed" or "offline" should go.
        case restored
    }

    /// As given on the command line.
    public let name: String
    public let url: URL?
    public let settings: SourceSettings
    private let reader: Mutex<SourceReader>

    public static func isURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    public init(_ name: String, settings: SourceSettings = SourceSettings()) {
        let reader = SourceReader(name, settings: settings)
        self.name = name
        self.url = reader.url
        self.settings = settings
        self.reader = Mutex(reader)
    }

    /// For messages: the URL or path, sanitised.
    public var displayName: String { Sanitizer.line(name) }

    /// A regular file, whose versions `refresh()` tells apart by fingerprint without reading.
    public var watchesFile: Bool { reader.withLock { $0.watchesFile } }

    /// The first schedule: fetched (or read), else the cached copy with a note; else an error.
    public func load(now: Date = Date()) throws(SourceError) -> (Schedule, StaleNote?) {
        try reader.withLock { reader throws(SourceError) in try reader.load(now: now) }
    }

    /// Checks for a new version. Files: unchanged while their fingerprint is; else read again
    /// and compared by digest with the version on screen.
    public func refresh(now: Date = Date()) -> Refresh {
        reader.withLock { $0.refresh(now: now) }
    }

    /// Whether `load()` will most likely take the schedule from a snapshot without reading the
    /// file (an unchanged local file whose snapshot is kept), so that reading ahead is no help.
    public var opensFromSnapshot: Bool { reader.withLock { $0.opensFromSnapshot } }

    /// The day to show first of an unchanged large file, from its snapshot, while `load()`
    /// decodes the whole (`SnapshotStore.openingDay`). Nil when the whole would carry change
    /// marks against an earlier version (the day would show without them), or for a URL.
    public func openingDay(now: Date, minimumBytes: Int = SnapshotStore.openingDayBytes) -> OpeningDay? {
        reader.withLock { $0.openingDay(now: now, minimumBytes: minimumBytes) }
    }
}

/// What a `ScheduleSource` remembers between checks, and the checks themselves.
final class SourceReader {
    typealias Refresh = ScheduleSource.Refresh

    let name: String
    let url: URL?
    let settings: SourceSettings
    private let entry: ScheduleCache.Entry?
    /// The version on screen: its digest and its parse, to tell and diff the next one by.
    private var shown: ContentDigest?
    private var currentSchedule: Schedule?
    /// A local file's version last looked at (shown, or tried and found broken): a `stat`
    /// tells that nothing changed without reading 41 MB.
    private var currentFingerprint: ScheduleFile.Fingerprint?
    /// The last check failed; the next success or identical version says `.restored`.
    private var failing = false
    /// The watched path is a pipe, socket or device now: said once, never read.
    private var reportedNotRegular = false
    private var meta: ScheduleCache.Meta
    /// The snapshot `openingDay` checked, for `load()` to decode whole (taken by it).
    private var checkedSnapshot: (digest: ContentDigest, mapping: MappedFile)?

    init(_ name: String, settings: SourceSettings) {
        self.name = name
        self.settings = settings
        if ScheduleSource.isURL(name) {
            url = URL(string: name)
            entry = settings.cache?.entry(for: name)
        } else {
            url = nil
            let absolute = URL(fileURLWithPath: name).standardizedFileURL.path
            entry = settings.cache?.entry(for: "file://" + absolute)
        }
        meta = entry?.meta() ?? ScheduleCache.Meta(source: entry?.source ?? name)
    }

    var watchesFile: Bool { url == nil && currentFingerprint != nil }
    var displayName: String { Sanitizer.line(name) }

    func load(now: Date) throws(SourceError) -> (Schedule, StaleNote?) {
        if url == nil { return (try loadFile(), nil) }
        let cached = entry?.current()
        var fetched = fetch(conditional: cached != nil)
        if case .success(.notModified) = fetched {
            if let cached, let schedule = try? parse(cached) {
                show(cached, schedule)
                meta.checkedAt = now
                try? entry?.write(meta)
                return (track(schedule, previous: entry?.previous()), nil)
            }
            // A 304 for a copy that does not read: ask once more, without validators (a 304 to
            // that is an error, `FetchError.Cause.unaskedNotModified`).
            meta.validators = Validators()
            fetched = fetch(conditional: false)
        }
        switch fetched {
        case .success(.notModified):
            // Not reached: `HTTPFetcher` answers a 304 to a request without validators with an error.
            throw SourceError(FetchError(url: name, cause: .unaskedNotModified), cached: settings.cache != nil)
        case .success(.fetched(let data, let validators)):
            do {
                let schedule = try parse(data)
                let previous = cached.flatMap { ContentDigest(of: $0) != ContentDigest(of: data) ? $0 : nil } ?? entry?.previous()
                accept(data, schedule, validators: validators, now: now)
                return (track(schedule, previous: previous), nil)
            } catch {
                guard let fallback = fallback(cached) else { throw SourceError(error) }
                failing = true
                return (fallback, StaleNote(kind: .broken, asOf: meta.checkedAt ?? now, cause: Sanitizer.line(error.message)))
            }
        case .failure(let error):
            guard let fallback = fallback(cached) else { throw SourceError(error, cached: settings.cache != nil) }
            failing = true
            return (fallback, StaleNote(kind: .offline, asOf: meta.checkedAt ?? meta.fetchedAt ?? now, cause: Sanitizer.line(error.reason)))
        }
    }

    func refresh(now: Date) -> Refresh {
        guard url != nil else { return refreshFile(now: now) }
        switch fetch(conditional: shown != nil) {
        case .success(.notModified):
            meta.checkedAt = now
            try? entry?.write(meta)
            return recovered()
        case .success(.fetched(let data, let validators)):
            if ContentDigest(of: data) == shown {
                meta.validators = validators
                meta.checkedAt = now
                try? entry?.write(meta)
                return recovered()
            }
            do {
                let schedule = try parse(data)
                let previous = currentSchedule
                accept(data, schedule, validators: validators, now: now)
                failing = false
                return .updated(ScheduleChanges.track(previous: previous, current: schedule))
            } catch {
                failing = true
                return .stale(StaleNote(kind: .broken, asOf: meta.checkedAt ?? now, cause: Sanitizer.line(error.message)))
            }
        case .failure(let error):
            failing = true
            return .stale(StaleNote(kind: .offline, asOf: meta.checkedAt ?? meta.fetchedAt ?? now, cause: Sanitizer.line(error.reason)))
        }
    }

    // MARK: - Files

    private func loadFile() throws(SourceError) -> Schedule {
        defer { checkedSnapshot = nil }   // used once, or not at all: the mapping is let go
        // Taken before reading: a change while reading shows as a new version on the next refresh.
        let seen = Date()
        let fingerprint = ScheduleFile.fingerprint(path: name)
        if let fingerprint, let unchanged = loadUnchangedFile(fingerprint) { return unchanged }
        let (digest, schedule) = try readFile()
        show(digest, schedule)
        currentFingerprint = fingerprint
        // The cached copy was taken from this very version: nothing to compare or store.
        if let entry, let fingerprint, fingerprint == meta.file, meta.current == shown?.description, entry.hasCurrent {
            // Read at this fingerprint and found the same: once the file has settled, the
            // fingerprint alone vouches for it next time.
            if !fingerprint.isSettled(seenAt: meta.fileSeenAt ?? .distantPast) {
                meta.fileSeenAt = seen
                try? entry.write(meta)
            }
            return track(schedule, previous: entry.previous())
        }
        let cached = meta.current != shown?.description ? entry?.current() : nil
        let previous = cached ?? entry?.previous()
        storeFile(fingerprint: fingerprint, seen: seen)
        return track(schedule, previous: previous)
    }

    /// The digest of the file's bytes (for the snapshot and for telling the next version by)
    /// and what they hold. A large file is read through a mapping, given back as it is parsed,
    /// its texts written aside; should it change meanwhile (or its texts not be written), it is
    /// read again as a copy, and nothing of the first read is kept.
    private func readFile() throws(SourceError) -> (ContentDigest, Schedule) {
        if let mapped = MappedSchedule(path: name) {
            let digest = mapped.digest()
            if let kept = settings.snapshots?.load(digest, name: name) { return (digest, kept) }
            let spill = settings.snapshots?.textSpill()
            let read = mapped.parsed { data, release throws(ScheduleError) in
                try ScheduleLoader.read(data, file: name, release: release, spill: spill)
            }
            switch read {
            case .success(let schedule)?:
                settings.snapshots?.saveLater(schedule, digest: digest, name: name)
                return (digest, schedule)
            case .failure(let error)? where spill?.failed != true:
                throw SourceError(error)
            default:
                break
            }
        }
        // Through the size limit: a file too large is refused before it is read or cached.
        do {
            let data = try ScheduleFile.read(path: name)
            let digest = ContentDigest(of: data)
            return (digest, try parse(data, digest: digest))
        } catch {
            throw SourceError(error)
        }
    }

    var opensFromSnapshot: Bool {
        guard url == nil, let fingerprint = ScheduleFile.fingerprint(path: name),
              let kept = unchangedFileSnapshot(fingerprint) else { return false }
        return kept.store.has(kept.digest, name: name)
    }

    func openingDay(now: Date, minimumBytes: Int) -> OpeningDay? {
        guard url == nil, meta.previous == nil, let fingerprint = ScheduleFile.fingerprint(path: name),
              let kept = unchangedFileSnapshot(fingerprint) else { return nil }
        guard let opened = kept.store.openingDay(kept.digest, name: name, now: now, minimumBytes: minimumBytes) else { return nil }
        checkedSnapshot = (kept.digest, opened.checked)
        return opened.day
    }

    /// Where the version the cache last took from this file is kept, when its fingerprint is the
    /// one recorded with that copy and was recorded well after the file last changed (see
    /// `Fingerprint.isSettled`).
    private func unchangedFileSnapshot(_ fingerprint: ScheduleFile.Fingerprint) -> (store: SnapshotStore, digest: ContentDigest)? {
        guard let entry, let snapshots = settings.snapshots, fingerprint == meta.file,
              let seen = meta.fileSeenAt, fingerprint.isSettled(seenAt: seen),
              let digest = meta.current.flatMap(ContentDigest.init(hex:)), entry.hasCurrent else { return nil }
        return (snapshots, digest)
    }

    /// The version the cache last took from this file, from its snapshot, without reading the
    /// file. Nil: read the file.
    private func loadUnchangedFile(_ fingerprint: ScheduleFile.Fingerprint) -> Schedule? {
        let checked = checkedSnapshot
        checkedSnapshot = nil
        guard let entry, let kept = unchangedFileSnapshot(fingerprint),
              let schedule = kept.store.load(kept.digest, name: name, checked: checked?.digest == kept.digest ? checked?.mapping : nil)
        else { return nil }
        let (snapshots, digest) = kept
        entry.touch()   // used: the last copy of a file to be pruned for size
        shown = digest
        currentSchedule = schedule
        currentFingerprint = fingerprint
        let previous = meta.previous.flatMap(ContentDigest.init(hex:)).flatMap { snapshots.load($0, name: name) }
        if let previous { return ScheduleChanges.track(previous: previous, current: schedule) }
        return track(schedule, previous: entry.previous())
    }

    private func refreshFile(now: Date) -> Refresh {
        let seen = Date()
        let fingerprint: ScheduleFile.Fingerprint
        switch ScheduleFile.examine(path: name) {
        case .missing:
            return .unchanged   // between an unlink and the new file: keep showing the last version
        case .other:
            // Reading a FIFO would block until a writer came; a device may never end.
            guard !reportedNotRegular else { return .unchanged }
            reportedNotRegular = true
            failing = true
            return .stale(StaleNote(kind: .broken, asOf: now, cause: "\(displayName) is no longer a regular file; it is not read"))
        case .regular(let current):
            fingerprint = current
        }
        reportedNotRegular = false
        if fingerprint == currentFingerprint { return .unchanged }
        currentFingerprint = fingerprint   // tried once per version, not on every poll
        let data: Data
        do {
            data = try ScheduleFile.read(path: name, regularOnly: true)
        } catch {
            failing = true
            return .stale(StaleNote(kind: .broken, asOf: now, cause: Sanitizer.line(error.message)))
        }
        let digest = ContentDigest(of: data)
        if digest == shown {
            storeFile(fingerprint: fingerprint, seen: seen)
            return recovered()
        }
        do {
            let schedule = try parse(data, digest: digest)
            let previous = currentSchedule
            show(digest, schedule)
            storeFile(fingerprint: fingerprint, seen: seen)
            failing = false
            return .updated(ScheduleChanges.track(previous: previous, current: schedule))
        } catch {
            failing = true
            return .stale(StaleNote(kind: .broken, asOf: now, cause: Sanitizer.line(error.message)))
        }
    }

    /// Keeps a file's version as the cache's current copy, best effort: without a cache the
    /// digest in memory is all the next comparison needs.
    private func storeFile(fingerprint: ScheduleFile.Fingerprint?, seen: Date) {
        let now = Date()
        meta.checkedAt = now
        meta.file = fingerprint
        meta.fileSeenAt = seen
        guard let entry, let digest = shown else { return }
        // What is on disk, not `meta`: a copy asked for earlier may not have been written.
        if entry.meta()?.current == digest.description, entry.hasCurrent {
            let meta = meta
            write { try? entry.write(meta) }
        } else {
            meta.fetchedAt = now
            // Only the version on screen is stored: its digest is known. The pointers are
            // known before the copy is written (which may wait for the first frame).
            let asked = meta, path = name
            meta = entry.pointing(meta, at: digest)
            // Copied from the file in blocks (a large one is never held whole, nor kept in
            // memory until then), and kept only if its bytes are still the version on screen.
            write { _ = try? entry.store(copyOf: path, meta: asked, digest: digest, limit: ScheduleFile.maxBytes) }
        }
    }

    /// Runs a cache write now, or after the first frame when the settings say so (in order either way).
    private func write(_ work: @escaping @Sendable () -> Void) {
        if settings.copiesLater { CacheWrites.later(work) } else { work() }
    }

    // MARK: -

    private func fetch(conditional: Bool) -> Result<FetchResult, FetchError> {
        guard let url else { return .failure(FetchError(url: name, cause: .unsupported)) }
        return HTTPFetcher.fetch(url, validators: conditional ? meta.validators : Validators(), limits: settings.limits)
    }

    private func show(_ data: Data, _ schedule: Schedule) {
        show(ContentDigest(of: data), schedule)
    }

    private func show(_ digest: ContentDigest, _ schedule: Schedule) {
        shown = digest
        currentSchedule = schedule
    }

    /// The version on screen is confirmed: `.restored` ends a failure, else nothing changed.
    private func recovered() -> Refresh {
        guard failing else { return .unchanged }
        failing = false
        return .restored
    }

    /// A new version of a URL arrived: keep it (the cache's copy becomes the previous).
    private func accept(_ data: Data, _ schedule: Schedule, validators: Validators, now: Date) {
        let changed = ContentDigest(of: data).description != meta.current
        meta.validators = validators
        meta.checkedAt = now
        if changed { meta.fetchedAt = now }
        if let stored = try? entry?.store(data, meta: meta) { meta = stored }
        show(data, schedule)
    }

    private func fallback(_ cached: Data?) -> Schedule? {
        guard let cached, let schedule = try? parse(cached) else { return nil }
        show(cached, schedule)
        return track(schedule, previous: entry?.previous())
    }

    private func track(_ schedule: Schedule, previous: Data?) -> Schedule {
        let before = previous.flatMap { try? parse($0) }
        return ScheduleChanges.track(previous: before, current: schedule)
    }

    /// The schedule in `data`: from its snapshot when one is kept, else parsed (and its snapshot
    /// written in the background for next time).
    private func parse(_ data: Data, digest known: ContentDigest? = nil) throws(ScheduleError) -> Schedule {
        guard let snapshots = settings.snapshots else { return try ScheduleLoader.read(data, file: name) }
        let digest = known ?? ContentDigest(of: data)
        if let kept = snapshots.load(digest, name: name) { return kept }
        let schedule = try ScheduleLoader.read(data, file: name)
        snapshots.saveLater(schedule, digest: digest, name: name)
        return schedule
    }
}
