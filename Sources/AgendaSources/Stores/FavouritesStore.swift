import Foundation
import AgendaModel

/// The user's starred sessions for one schedule, kept under `$XDG_STATE_HOME/agenda/`
/// (default `~/.local/state/agenda/`) and keyed by `Session.key`, so they survive restarts
/// and reloads.
///
/// Several browsers may star in one file at once: each change is merged under a lock (re-read,
/// apply this change, write atomically), never a whole in-memory set written over another's.
/// A file that exists but cannot be read is never overwritten; a symlink is written through
/// (a temporary file beside its target, renamed over it) and kept, even when its target is corrupt.
public struct FavouritesStore: Sendable {
    public let file: URL
    /// Where stars were kept under an earlier naming rule, read when `file` does not exist yet.
    let legacyFile: URL?

    /// One file per schedule, named after the conference so every copy of it shares the stars.
    public init(conference: Conference, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let directory = Self.stateDirectory(environment)
        let name = Self.fileName(for: conference), legacy = Self.legacyFileName(for: conference)
        self.init(directory: directory, name: name, legacyName: legacy == name ? nil : legacy)
    }

    public init(directory: URL, name: String, legacyName: String? = nil) {
        let folder = directory.appendingPathComponent("favourites")
        file = folder.appendingPathComponent(name)
        legacyFile = legacyName.map { folder.appendingPathComponent($0) }
    }

    public static func stateDirectory(_ environment: [String: String]) -> URL {
        XDGFolder.state.url(environment).appendingPathComponent("agenda")
    }

    /// The longest slug kept whole, in UTF-8 bytes: far below NAME_MAX (255 bytes), which a
    /// title of 109 Devanagari letters (3 bytes each) would pass if counted in characters.
    static let maxSlugBytes = 80

    /// `the-conference-title.json`; a longer slug is cut at a character boundary and told apart
    /// from others with the same beginning by a hash of the whole.
    static func fileName(for conference: Conference) -> String {
        let slug = slug(conference.title)
        guard slug.utf8.count > maxSlugBytes else { return (slug.isEmpty ? "schedule" : slug) + ".json" }
        var cut = Substring(slug)
        while cut.utf8.count > maxSlugBytes - 9 { cut = cut.dropLast() }
        var hash: UInt32 = 0x811c_9dc5   // FNV-1a
        for byte in slug.utf8 { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        let hex = String(hash, radix: 16)
        return cut + "-" + String(repeating: "0", count: 8 - hex.count) + hex + ".json"
    }

    /// The name before names were capped in bytes: the first 80 characters of the slug.
    static func legacyFileName(for conference: Conference) -> String {
        let slug = slug(conference.title).prefix(80)
        return (slug.isEmpty ? "schedule" : String(slug)) + ".json"
    }

    private static func slug(_ title: String) -> String {
        title.lowercased().split { !$0.isLetter && !$0.isNumber }.joined(separator: "-")
    }

    public struct LoadResult: Sendable {
        public var keys: Set<String>
        /// Set when the file could not be read (and was kept, or moved aside): say so, once.
        public var warning: String?
    }

    /// Why stars could not be read or written; the file on disk is left as it was.
    public struct StoreError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Reads the stars. A missing file is no stars; a corrupt one is renamed `*.corrupt-<time>`
    /// (a corrupt link's target is copied to that name, and the link kept) and reported; one
    /// that exists but cannot be read is reported and left alone.
    public func load() -> LoadResult {
        do {
            return LoadResult(keys: try read(moveAside: true))
        } catch let error as CorruptMovedAside {
            return LoadResult(keys: [], warning: error.warning)
        } catch {
            return LoadResult(keys: [], warning: "\(error); it is left as it is, and new stars are kept in memory until it can be written")
        }
    }

    /// Stars `add` and unstars `remove` in the file as it is now, under a lock, and returns
    /// every star the file then holds (including other browsers' changes).
    @discardableResult
    public func merge(adding add: Set<String>, removing remove: Set<String>) throws -> Set<String> {
        let target = resolvedTarget()
        let directory = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // The file itself is replaced by rename on every write, so the lock is on its folder.
        let lock = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard lock >= 0 else { throw StoreError(description: "cannot open \(directory.path) (\(String(cString: strerror(errno))))") }
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0 {
            guard errno == EINTR else { throw StoreError(description: "cannot lock \(directory.path) (\(String(cString: strerror(errno))))") }
        }
        defer { flock(lock, LOCK_UN) }
        var keys: Set<String>
        do {
            keys = try read(moveAside: true)
        } catch is CorruptMovedAside {
            keys = []
        }
        keys.formUnion(add)
        keys.subtract(remove)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(try encoder.encode(Stored(version: 1, favourites: keys.sorted())), to: target)
        return keys
    }

    /// What identifies the file's current version without reading it, to notice other writers.
    public func fingerprint() -> ScheduleFile.Fingerprint? { ScheduleFile.fingerprint(path: file.path) }

    // MARK: -

    private struct CorruptMovedAside: Error { var warning: String }

    /// The stars in the file; none when it does not exist. Throws `StoreError` when it exists
    /// but cannot be read (or a corrupt one cannot be moved aside), `CorruptMovedAside` when
    /// it did not parse and was renamed (or, behind a link, copied).
    private func read(moveAside: Bool) throws -> Set<String> {
        var source = file
        if !exists(file), let legacyFile, exists(legacyFile) { source = legacyFile }
        var info = stat()
        if stat(source.path, &info) != 0, errno == ENOENT { return [] }   // none yet (or a link to none yet)
        let data: Data
        do {
            data = try ScheduleFile.read(path: source.path, limit: 16 << 20, regularOnly: true)
        } catch {
            throw StoreError(description: "favourites file \(source.path) cannot be read (\(error.message))")
        }
        if let stored = try? JSONDecoder().decode(Stored.self, from: data) { return Set(stored.favourites) }
        if isLink(source) { throw try copiedAside(data, of: source) }
        let aside = source.appendingPathExtension("corrupt-\(Int(Date().timeIntervalSince1970))")
        guard rename(source.path, aside.path) == 0 else {
            throw StoreError(description: "favourites file \(source.path) is not readable JSON and cannot be moved aside (\(String(cString: strerror(errno))))")
        }
        throw CorruptMovedAside(warning: "favourites file \(source.path) could not be read; moved aside to \(aside.lastPathComponent)")
    }

    /// A linked file (kept in a dotfiles folder, say) that does not parse: its bytes are copied
    /// beside the link, which stays, so that the next write goes through it to its target.
    /// Bytes copied aside earlier are not copied again.
    private func copiedAside(_ data: Data, of link: URL) throws -> CorruptMovedAside {
        let folder = link.deletingLastPathComponent(), prefix = link.lastPathComponent + ".corrupt-"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix(prefix) }.sorted()
        var aside = names.first { (try? ScheduleFile.read(path: folder.appendingPathComponent($0).path, limit: 16 << 20, regularOnly: true)) == data }
            .map { folder.appendingPathComponent($0) }
        if aside == nil {
            var name = prefix + "\(Int(Date().timeIntervalSince1970))"
            while names.contains(name) { name += "-" + String(Int.random(in: 0..<1000)) }
            let copy = folder.appendingPathComponent(name)
            do {
                try AtomicFile.write(data, to: copy)
            } catch {
                throw StoreError(description: "favourites file \(link.path) is not readable JSON and cannot be copied aside (\(error))")
            }
            aside = copy
        }
        return CorruptMovedAside(warning: "favourites file \(link.path) could not be read; its content is copied to \(aside!.lastPathComponent),"
                                 + " and new stars go to the file it links to")
    }

    private func isLink(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    private func exists(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0
    }

    /// The file a write should replace: through symlinks (a dotfiles link stays a link).
    func resolvedTarget() -> URL {
        var path = file.path
        for _ in 0..<16 {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(path, &buffer, buffer.count - 1)
            guard count > 0 else { break }
            let destination = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            path = destination.hasPrefix("/") ? destination
                : URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(destination).path
        }
        return URL(fileURLWithPath: path)
    }

    private struct Stored: Codable {
        var version: Int
        var favourites: [String]
    }
}
