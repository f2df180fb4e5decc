import Foundation
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
public struct ScheduleCache: Sendable {
    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(directory: Self.directory(environment))
    }

    public static func directory(_ environment: [String: String]) -> URL {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            return URL(fileURLWithPath: cache).appendingPathComponent("agenda")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/agenda")
    }

    public func entry(for source: String) -> Entry {
        Entry(folder: directory.appendingPathComponent(Self.hash(source)), source: source)
    }

    /// FNV-1a, 64 bits, in hex: a stable folder name; `meta.json` names the source in full.
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
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
        public let folder: URL
        public let source: String

        var metaFile: URL { folder.appendingPathComponent("meta.json") }
        static let copyPrefix = "schedule-"

        func copyFile(_ digest: String) -> URL { folder.appendingPathComponent(Self.copyPrefix + digest) }

        public func meta() -> Meta? {
            guard let data = try? Data(contentsOf: metaFile),
                  let meta = try? Self.decoder.decode(Meta.self, from: data), meta.source == source else { return nil }
            return meta
        }

        /// The last good copy; nil when there is none (or it belongs to another source).
        public func current() -> Data? { meta()?.current.flatMap(read) }

        /// Whether there is a current copy for this source (without reading it).
        public var hasCurrent: Bool {
            guard let digest = meta()?.current else { return false }
            return FileManager.default.fileExists(atPath: copyFile(digest).path)
        }

        public func previous() -> Data? { meta()?.previous.flatMap(read) }

        private func read(_ digest: String) -> Data? {
            guard let data = try? Data(contentsOf: copyFile(digest)),
                  ContentDigest(of: data).description == digest else { return nil }   // torn or foreign: not ours
            return data
        }

        /// Keeps `data` as the current copy; the copy the cache held as current (whoever wrote
        /// it) becomes the previous version. Returns `meta` with both pointers set.
        @discardableResult
        /// `digest`: the bytes' digest when the caller has it (41 MB take a while to digest again).
        public func store(_ data: Data, meta: Meta, digest known: ContentDigest? = nil) throws -> Meta {
            let digest = known ?? ContentDigest(of: data)
            let meta = pointing(meta, at: digest)
            let copy = copyFile(digest.description)
            if !FileManager.default.fileExists(atPath: copy.path) { try AtomicFile.write(data, to: copy) }
            return try point(to: meta)
        }

        /// `store` for a file copied from `path` (in blocks, never whole in memory), kept only
        /// if the copy's bytes still have `digest`: the file may have changed since it was read.
        @discardableResult
        public func store(copyOf path: String, meta: Meta, digest: ContentDigest, limit: Int) throws -> Meta {
            let meta = pointing(meta, at: digest)
            let copy = copyFile(digest.description)
            if !FileManager.default.fileExists(atPath: copy.path) {
                try AtomicFile.copy(from: path, to: copy, limit: limit) { bytes, release in
                    ContentDigest(bytes, every: 1 << 20, then: release) == digest
                }
            }
            return try point(to: meta)
        }

        private func point(to meta: Meta) throws -> Meta {
            try Self.write(meta, to: metaFile)
            prune(keeping: [meta.current, meta.previous])
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
            try Self.write(meta, to: metaFile)
        }

        private static func write(_ meta: Meta, to file: URL) throws {
            try AtomicFile.write(try encoder.encode(meta), to: file)
        }

        /// Removes copies that no pointer names any more, once they are a minute old (a copy
        /// another process wrote a moment ago may be about to be named), temporary files as old,
        /// and the unnamed `schedule`/`previous` files of earlier versions of this program.
        private func prune(keeping kept: [String?], olderThan age: TimeInterval = 60) {
            let keep = Set(kept.compactMap { $0.map { Self.copyPrefix + $0 } })
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
            for name in names where (name.hasPrefix(Self.copyPrefix) && !keep.contains(name)) || name == "schedule" || name == "previous" {
                let path = folder.appendingPathComponent(name).path
                guard let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
                      Date().timeIntervalSince(modified) > age || !name.hasPrefix(Self.copyPrefix) else { continue }
                unlink(path)
            }
            AtomicFile.removeStaleTemporaries(in: folder, olderThan: age)
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
}
