import Foundation
import AgendaModel

/// Copies of schedules under `$XDG_CACHE_HOME/agenda/` (default `~/.cache/agenda/`): per
/// source a folder named by a hash of the URL (or file path) holding the current copy, the
/// previous version (for change tracking) and `meta.json` (the URL, validators, times).
/// Every write is atomic, so a crash or a full disk leaves the last good copy readable.
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
    }

    public struct Entry: Sendable {
        public let folder: URL
        public let source: String

        var currentFile: URL { folder.appendingPathComponent("schedule") }
        var previousFile: URL { folder.appendingPathComponent("previous") }
        var metaFile: URL { folder.appendingPathComponent("meta.json") }

        public func meta() -> Meta? {
            guard let data = try? Data(contentsOf: metaFile),
                  let meta = try? Self.decoder.decode(Meta.self, from: data), meta.source == source else { return nil }
            return meta
        }

        /// The last good copy; nil when there is none (or it belongs to another source).
        public func current() -> Data? {
            guard meta() != nil else { return nil }
            return try? Data(contentsOf: currentFile)
        }

        /// Whether there is a current copy for this source (without reading it).
        public var hasCurrent: Bool { meta() != nil && FileManager.default.fileExists(atPath: currentFile.path) }

        public func previous() -> Data? {
            guard meta() != nil else { return nil }
            return try? Data(contentsOf: previousFile)
        }

        /// Keeps `data` as the current copy; the copy it replaces becomes the previous version.
        public func store(_ data: Data, replacing old: Data?, meta: Meta) throws {
            if let old, old != data { try AtomicFile.write(old, to: previousFile) }
            try AtomicFile.write(data, to: currentFile)
            try write(meta)
        }

        public func write(_ meta: Meta) throws {
            try AtomicFile.write(try Self.encoder.encode(meta), to: metaFile)
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
