import Foundation
import Glibc
import AgendaModel

/// Copies of schedules under `$XDG_CACHE_HOME/agenda/` (default `~/.cache/agenda/`): per
/// source a folder named by a hash of the URL (or file path) holding `meta.json` (the URL,
/// validators, times) and the copies it names: the current one and the previous version (for
/// change tracking), each in a file named by its content digest.
///
/// Several processes may share a folder (two door screens on one file). Copies are written
/// once under names that cannot collide, and `meta.json` is replaced atomically, so a reader
/// sees one consistent pair of pointers whoever wrote last; a crash or a full disk leaves the
/// last good copy readable.
///
/// Every read and write goes through `PrivateCache`: nothing is read from or written to a
/// folder that another user could write to, and no file in one is read through a link.
/// Copies of local files are pruned whenever a copy is stored: those of files that are gone,
/// then the least recently used past `fileCopyLimit`.
public struct ScheduleCache: Sendable {
    public let folders: PrivateCache
    /// The most bytes the copies of local files may take together (as snapshots may).
    public let fileCopyLimit: Int

    public var directory: URL { folders.root }

    public init(folders: PrivateCache, fileCopyLimit: Int = SnapshotStore.defaultLimit) {
        self.folders = folders
        self.fileCopyLimit = fileCopyLimit
    }

    public init(directory: URL, fileCopyLimit: Int = SnapshotStore.defaultLimit) {
        self.init(folders: PrivateCache(root: directory), fileCopyLimit: fileCopyLimit)
    }

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(folders: PrivateCache(environment: environment))
    }

    public func entry(for source: String) -> Entry {
        Entry(cache: self, name: Self.hash(source), source: source)
    }

    /// FNV-1a, 64 bits, in hex: a stable folder name; `meta.json` names the source in full.
    static func hash(_ text: String) -> String {
        let hex = String(FNV1a.hash(text), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static let fileScheme = "file://"

    /// Drops the copies of local files that are gone, then the least recently used (by the time
    /// of their `meta.json`) until the rest fit in `fileCopyLimit`; never those of `kept`, the
    /// entry just stored.
    func pruneFileCopies(keeping kept: String) {
        guard let root = folders.folder([], create: false),
              let names = try? FileManager.default.contentsOfDirectory(atPath: root.path) else { return }
        var copies: [(entry: Entry, used: Int, size: Int)] = []
        for name in names where name.utf8.count == 16 && name.utf8.allSatisfy({ isxdigit(Int32($0)) != 0 }) {
            guard let folder = folders.folder([name], create: false) else { continue }
            var metaInfo = stat()
            guard lstat(folder.appendingPathComponent(Entry.metaName).path, &metaInfo) == 0,
                  let source = PrivateCache.read(folder.appendingPathComponent(Entry.metaName), limit: Entry.metaLimit)
                      .flatMap({ try? Entry.decoder.decode(Meta.self, from: $0) })?.source,
                  source.hasPrefix(Self.fileScheme), Self.hash(source) == name else { continue }
            let entry = Entry(cache: self, name: name, source: source)
            var info = stat()
            if name != kept, stat(String(source.dropFirst(Self.fileScheme.count)), &info) != 0, errno == ENOENT || errno == ENOTDIR {
                entry.remove()
                continue
            }
            let size = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).reduce(0) { total, file in
                var info = stat()
                return total + (lstat(folder.appendingPathComponent(file).path, &info) == 0 ? Int(info.st_size) : 0)
            }
            copies.append((entry, SnapshotStore.age(metaInfo.st_mtim), size))
        }
        var total = copies.reduce(0) { $0 + $1.size }
        for copy in copies.sorted(by: { $0.used < $1.used }) where total > fileCopyLimit && copy.entry.name != kept {
            copy.entry.remove()
            total -= copy.size
        }
    }

    public struct Meta: Codable, Sendable, Equatable {
        public var source: String
        public var validators = Validators()
        /// When the current copy was last fetched or confirmed unchanged (a 304).
        public var checkedAt: Date?
        /// When the current copy arrived.
        public var fetchedAt: Date?
        /// For a local file: the version the current copy was taken from, so that an unchanged
        /// file is known without reading either of them.
        public var file: ScheduleFile.Fingerprint?
        /// When `file` was taken: it vouches for the copy only once the file had settled by then.
        public var fileSeenAt: Date?
        /// Content digests naming the copies (`schedule-<digest>`).
        public var current: String?
        public var previous: String?

        public init(source: String) { self.source = source }
    }

    public struct Entry: Sendable {
        let cache: ScheduleCache
        /// The folder's name under the cache's root.
        let name: String
        public let source: String

        /// Where the source's files are; used only once `PrivateCache` has checked it.
        public var folder: URL { cache.directory.appendingPathComponent(name) }

        static let metaName = "meta.json"
        static let metaLimit = 1 << 20
        static let copyPrefix = "schedule-"
        /// As large as a copy may be: the largest `--max-size`.
        static let copyLimit = 4096 << 20

        /// The folder, checked; nil when it fails the checks (or is missing, unless `create`).
        private func checked(create: Bool = false) -> URL? { cache.folders.folder([name], create: create) }

        func copyFile(_ digest: String) -> URL { folder.appendingPathComponent(Self.copyPrefix + digest) }

        public func meta() -> Meta? {
            guard let folder = checked(), let data = PrivateCache.read(folder.appendingPathComponent(Self.metaName), limit: Self.metaLimit),
                  let meta = try? Self.decoder.decode(Meta.self, from: data), meta.source == source else { return nil }
            return meta
        }

        /// The last good copy; nil when there is none (or it belongs to another source).
        public func current() -> Data? { meta()?.current.flatMap(read) }

        /// Whether there is a current copy for this source (without reading it).
        public var hasCurrent: Bool {
            guard let digest = meta()?.current, checked() != nil else { return false }
            return PrivateCache.isFile(copyFile(digest))
        }

        public func previous() -> Data? { meta()?.previous.flatMap(read) }

        private func read(_ digest: String) -> Data? {
            guard checked() != nil, let data = PrivateCache.read(copyFile(digest), limit: Self.copyLimit),
                  ContentDigest(of: data).description == digest else { return nil }   // torn or foreign: not ours
            return data
        }

        /// Keeps `data` as the current copy; the copy the cache held as current (whoever wrote
        /// it) becomes the previous version. Returns `meta` with both pointers set.
        @discardableResult
        /// `digest`: the bytes' digest when the caller has it (41 MB take a while to digest again).
        public func store(_ data: Data, meta: Meta, digest known: ContentDigest? = nil) throws -> Meta {
            guard checked(create: true) != nil else { throw CacheOff() }
            let digest = known ?? ContentDigest(of: data)
            let meta = pointing(meta, at: digest)
            let copy = copyFile(digest.description)
            if !PrivateCache.isFile(copy) { try AtomicFile.write(data, to: copy) }
            return try point(to: meta)
        }

        /// `store` for a file copied from `path` (in blocks, never whole in memory), kept only
        /// if the copy's bytes still have `digest`: the file may have changed since it was read.
        @discardableResult
        public func store(copyOf path: String, meta: Meta, digest: ContentDigest, limit: Int) throws -> Meta {
            guard checked(create: true) != nil else { throw CacheOff() }
            let meta = pointing(meta, at: digest)
            let copy = copyFile(digest.description)
            if !PrivateCache.isFile(copy) {
                try AtomicFile.copy(from: path, to: copy, limit: limit) { bytes, release in
                    ContentDigest(bytes, every: 1 << 20, then: release) == digest
                }
            }
            return try point(to: meta)
        }

        private func point(to meta: Meta) throws -> Meta {
            try write(meta, create: true)
            prune(keeping: [meta.current, meta.previous])
            cache.pruneFileCopies(keeping: name)
            return meta
        }

        /// `meta` as `store` records it for a copy with `digest`: current is that copy, and the
        /// copy the cache holds as current now (whoever wrote it) becomes the previous.
        public func pointing(_ meta: Meta, at digest: ContentDigest) -> Meta {
            let digest = digest.description
            let onDisk = self.meta()
            var meta = meta
            meta.current = digest
            if let current = onDisk?.current, current != digest {
                meta.previous = current
            } else {
                meta.previous = onDisk?.previous
            }
            return meta
        }

        /// Records validators and times. Skipped when another process has since stored a newer
        /// copy: its pointers win, and ours would name a copy it may already have pruned.
        public func write(_ meta: Meta) throws {
            if let onDisk = self.meta(), onDisk.current != meta.current { return }
            try write(meta, create: true)
        }

        private func write(_ meta: Meta, create: Bool) throws {
            guard let folder = checked(create: create) else { throw CacheOff() }
            try AtomicFile.write(try Self.encoder.encode(meta), to: folder.appendingPathComponent(Self.metaName))
        }

        /// Marks the entry used now (its copy read through a snapshot, not stored again): the
        /// last to go when copies of files are pruned for size.
        public func touch() {
            guard let folder = checked() else { return }
            utimensat(AT_FDCWD, folder.appendingPathComponent(Self.metaName).path, nil, AT_SYMLINK_NOFOLLOW)
        }

        /// Removes copies that no pointer names any more, once they are a minute old (a copy
        /// another process wrote a moment ago may be about to be named), temporary files as old,
        /// and the unnamed `schedule`/`previous` files of earlier versions of this program.
        private func prune(keeping kept: [String?], olderThan age: TimeInterval = 60) {
            let keep = Set(kept.compactMap { $0.map { Self.copyPrefix + $0 } })
            guard let folder = checked(), let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
            for name in names where (name.hasPrefix(Self.copyPrefix) && !keep.contains(name)) || name == "schedule" || name == "previous" {
                let path = folder.appendingPathComponent(name).path
                var info = stat()
                guard lstat(path, &info) == 0,
                      Date().timeIntervalSince1970 - Double(info.st_mtim.tv_sec) > age || !name.hasPrefix(Self.copyPrefix) else { continue }
                unlink(path)
            }
            AtomicFile.removeStaleTemporaries(in: folder, olderThan: age, where: Self.isOurTemporary)
        }

        /// The whole entry: its files (only the names it writes), then its folder.
        func remove() {
            guard let folder = checked(), let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
            for name in names where name == Self.metaName || name.hasPrefix(Self.copyPrefix) || name == "schedule" || name == "previous"
                || Self.isOurTemporary(name) {
                unlink(folder.appendingPathComponent(name).path)
            }
            rmdir(folder.path)
        }

        /// `.meta.json.XXXXXX` or `.schedule-<digest>.XXXXXX`, as `AtomicFile` names them.
        static func isOurTemporary(_ name: String) -> Bool {
            guard let target = AtomicFile.temporaryTarget(name) else { return false }
            return target == metaName || target.hasPrefix(copyPrefix)
        }

        static var encoder: JSONEncoder {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.dateEncodingStrategy = .iso8601
            return encoder
        }

        static var decoder: JSONDecoder {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return decoder
        }
    }

    /// A folder of the cache failed its checks (`PrivateCache` has said so): nothing is written.
    struct CacheOff: Error {}
}
