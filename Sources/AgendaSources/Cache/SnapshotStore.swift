import Foundation
import AgendaModel

/// Snapshots of parsed schedules (`ScheduleSnapshot`) under `$XDG_CACHE_HOME/agenda/snapshots/`,
/// one file per source version: `<content digest>-<build and name hash>.snap`. The source's
/// file name is part of the key because warnings name it; the build's because a fixed reader
/// must not be bypassed by what an older one parsed.
///
/// Files are written once, whole (temporary file, then rename), never changed in place; a
/// load maps one (see `MappedFile` for why that is safe here) and checks all of it. A file that does not
/// check out is removed and the source parsed again. Loading touches the file's time, and
/// saving prunes the least recently used ones past `limit` bytes.
///
/// The folder is used only while `PrivateCache` finds it the user's alone; files in it are
/// opened without following links.
public struct SnapshotStore: Sendable {
    /// The checks the folder passes on every use, and where it is under their root.
    let folders: PrivateCache
    let components: [String]
    /// Names the program that writes and reads (version and binary): snapshots of another are not read.
    public let build: String
    public let limit: Int

    public static let defaultLimit = 256 << 20
    static let suffix = ".snap"
    static let indexSuffix = ".index"

    /// A folder of its own (its parent is not checked).
    public init(directory: URL, build: String, limit: Int = defaultLimit) {
        self.init(folders: PrivateCache(root: directory), components: [], build: build, limit: limit)
    }

    /// `snapshots` in the cache's root.
    public init(folders: PrivateCache, build: String, limit: Int = defaultLimit) {
        self.init(folders: folders, components: ["snapshots"], build: build, limit: limit)
    }

    private init(folders: PrivateCache, components: [String], build: String, limit: Int) {
        self.folders = folders
        self.components = components
        self.build = build
        self.limit = limit
    }

    public var directory: URL { components.reduce(folders.root) { $0.appendingPathComponent($1) } }

    /// Next to the copies of `ScheduleCache` (`folders`, by default the cache named by
    /// `environment`); nil when `AGENDA_NO_SNAPSHOTS` is set (not empty).
    public static func standard(build: String, folders: PrivateCache? = nil,
                                environment: [String: String] = ProcessInfo.processInfo.environment) -> SnapshotStore? {
        if let off = environment["AGENDA_NO_SNAPSHOTS"], !off.isEmpty { return nil }
        return SnapshotStore(folders: folders ?? PrivateCache(environment: environment), build: build)
    }

    /// The folder, checked; nil when it fails the checks (or is missing, unless `create`).
    private func checked(create: Bool = false) -> URL? { folders.folder(components, create: create) }

    func file(_ digest: ContentDigest, name: String) -> URL {
        directory.appendingPathComponent("\(digest)-\(ScheduleCache.hash(build + "\u{0}" + name))\(Self.suffix)")
    }

    /// The schedule parsed from bytes with `digest` under the name `name`, when a good snapshot of it is kept.
    /// Whether a snapshot is kept for these bytes (it is still checked when loaded).
    public func has(_ digest: ContentDigest, name: String) -> Bool {
        guard checked() != nil else { return false }
        return PrivateCache.isFile(file(digest, name: name))
    }

    /// `checked`: the snapshot as `openingDay` mapped and checked it (decoded without checking
    /// its digest again, and without a second mapping of the same pages).
    public func load(_ digest: ContentDigest, name: String, checked mapped: MappedFile? = nil) -> Schedule? {
        guard checked() != nil else { return nil }
        let file = file(digest, name: name)
        guard let mapping = mapped ?? MappedFile(path: file.path, limit: limit) else { return nil }
        guard let schedule = ScheduleSnapshot.decode(mapping, source: digest, build: build, digestChecked: mapped != nil),
              !mapping.isDamaged else {
            unlink(file.path)   // damaged (or cut short while read) or foreign: parsed again, and written anew
            return nil
        }
        Self.touch(file)   // used now: the last to be pruned
        return schedule
    }

    private static func touch(_ file: URL) {
        utimensat(AT_FDCWD, file.path, nil, AT_SYMLINK_NOFOLLOW)
    }

    /// Below this a snapshot is decoded whole in about 3 ms (20,000 sessions are 28 MB and
    /// take about 36 ms): one day first would gain nothing worth a second step.
    public static let openingDayBytes = 2 << 20

    /// The day to show first (`ScheduleSnapshot.openingDay`), from a snapshot of at least
    /// `minimumBytes`, and the mapping it checked, for `load`; nil otherwise, or when it does
    /// not check out (`load` then finds why).
    public func openingDay(_ digest: ContentDigest, name: String, now: Date, minimumBytes: Int = openingDayBytes)
        -> (day: OpeningDay, checked: MappedFile)?
    {
        guard checked() != nil, let mapping = MappedFile(path: file(digest, name: name).path, limit: limit),
              mapping.bytes.count >= minimumBytes,
              let day = ScheduleSnapshot.openingDay(mapping, source: digest, build: build, now: now), !mapping.isDamaged else { return nil }
        return (day, mapping)
    }

    /// A file with no name in the snapshots' folder for the texts of a large file being parsed
    /// (`TextSpill`); nil when the folder fails its checks.
    public func textSpill() -> TextSpill? {
        checked(create: true).flatMap { TextSpill(directory: $0.path) }
    }

    /// Writes the snapshot, best effort: an unwritable cache only means parsing next time.
    public func save(_ schedule: Schedule, digest: ContentDigest, name: String) {
        // No fsync: a snapshot torn by a crash fails its digest and is rebuilt.
        guard checked(create: true) != nil,
              ScheduleSnapshot.write(schedule, source: digest, build: build, to: file(digest, name: name), limit: limit) else { return }
        prune()
    }

    /// `save` once the first frame is on screen (`CacheWrites`): the snapshot's bytes then
    /// neither compete with it for a core nor add to the memory the file's bytes and the parse
    /// hold at their peak.
    public func saveLater(_ schedule: Schedule, digest: ContentDigest, name: String) {
        CacheWrites.later { save(schedule, digest: digest, name: name) }
    }

    // MARK: Search indexes

    func indexFile(_ key: ContentDigest) -> URL {
        directory.appendingPathComponent("\(key)-\(ScheduleCache.hash(build))\(Self.indexSuffix)")
    }

    /// The search index for sessions whose searched text has digest `key` (`SearchIndexFile.key`),
    /// when a good one is kept.
    public func loadIndex(_ key: ContentDigest, sessions: Int) -> SearchIndex? {
        let file = indexFile(key)
        guard checked() != nil, let mapping = MappedFile(path: file.path, limit: limit) else { return nil }
        guard let index = SearchIndexFile.load(mapping, key: key, build: build, sessions: sessions), !mapping.isDamaged else {
            unlink(file.path)   // damaged or foreign: built again, and written anew
            return nil
        }
        Self.touch(file)
        return index
    }

    /// The index of `sessions`, built straight into its file (`SearchIndexFile.build`) and
    /// mapped; nil when the folder fails its checks, the file cannot be written or `stop` ended it.
    public func buildIndex(_ sessions: [Session], key: ContentDigest, until stop: () -> Bool = { false }) -> SearchIndex? {
        guard checked(create: true) != nil,
              let index = SearchIndexFile.build(sessions, key: key, build: build, to: indexFile(key), limit: limit, until: stop)
        else { return nil }
        prune()
        return index
    }

    /// Removes the least recently used snapshots and indexes until the rest fit in `limit`.
    public func prune() {
        guard let directory = checked(), let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        var files: [(path: String, used: Int, size: Int)] = []
        for name in names where Self.isOurs(name) {
            let path = directory.appendingPathComponent(name).path
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            files.append((path, Self.age(info.st_mtim), Int(info.st_size)))
        }
        AtomicFile.removeStaleTemporaries(in: directory) { AtomicFile.temporaryTarget($0).map { Self.isOurs(String($0)) } ?? false }
        var total = files.reduce(0) { $0 + $1.size }
        for file in files.sorted(by: { $0.used < $1.used }) where total > limit {
            unlink(file.path)
            total -= file.size
        }
    }

    /// `<digest>-<hash>.snap` or `.index`, as this store names its files.
    static func isOurs(_ name: String) -> Bool {
        for ending in [Self.suffix, Self.indexSuffix] where name.hasSuffix(ending) {
            let key = name.utf8.dropLast(ending.utf8.count)
            return key.count == 32 + 1 + 16 && key.allSatisfy { isxdigit(Int32($0)) != 0 || $0 == UInt8(ascii: "-") }
        }
        return false
    }

    /// A modification time as one number to order files by: nanoseconds, saturating, so that a
    /// file dated past 2262 (any user can `touch -d` one) orders last instead of trapping.
    static func age(_ time: timespec) -> Int {
        let (seconds, overflow) = Int(time.tv_sec).multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return time.tv_sec < 0 ? .min : .max }
        let (sum, carry) = seconds.addingReportingOverflow(Int(time.tv_nsec))
        return carry ? .max : sum
    }

}
