import Foundation

/// The user's starred sessions for one schedule, kept under `$XDG_STATE_HOME/agenda/`
/// (default `~/.local/state/agenda/`) and keyed by `Session.key`, so they survive restarts
/// and reloads. Writes are atomic: a crash leaves either the old file or the new one.
public struct FavouritesStore: Sendable {
    public let file: URL

    /// One file per schedule, named after the conference so every copy of it shares the stars.
    public init(conference: Conference, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(directory: Self.stateDirectory(environment), name: Self.fileName(for: conference))
    }

    public init(directory: URL, name: String) {
        file = directory.appendingPathComponent("favourites").appendingPathComponent(name)
    }

    public static func stateDirectory(_ environment: [String: String]) -> URL {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return URL(fileURLWithPath: state).appendingPathComponent("agenda")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/state/agenda")
    }

    static func fileName(for conference: Conference) -> String {
        let words = conference.title.lowercased().split { !$0.isLetter && !$0.isNumber }
        let slug = words.joined(separator: "-").prefix(80)
        return (slug.isEmpty ? "schedule" : String(slug)) + ".json"
    }

    public struct LoadResult: Sendable {
        public var keys: Set<String>
        /// Set when the file could not be read and was moved aside: say so, once.
        public var warning: String?
    }

    /// Reads the stars. A missing file is no stars; a corrupt one is renamed `*.corrupt-<time>`
    /// and reported, never fatal.
    public func load() -> LoadResult {
        guard let data = try? Data(contentsOf: file) else { return LoadResult(keys: []) }
        if let stored = try? JSONDecoder().decode(Stored.self, from: data) {
            return LoadResult(keys: Set(stored.favourites))
        }
        let aside = file.appendingPathExtension("corrupt-\(Int(Date().timeIntervalSince1970))")
        try? FileManager.default.moveItem(at: file, to: aside)
        return LoadResult(keys: [], warning: "favourites file \(file.path) could not be read; moved aside to \(aside.lastPathComponent)")
    }

    public func save(_ keys: Set<String>) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(try encoder.encode(Stored(version: 1, favourites: keys.sorted())), to: file)
    }

    private struct Stored: Codable {
        var version: Int
        var favourites: [String]
    }
}

/// Write-then-rename with fsync: readers see the old content or the new, never a torn file.
public enum AtomicFile {
    public static func write(_ data: Data, to file: URL) throws {
        let directory = file.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        removeStaleTemporaries(of: file)
        var template = Array(directory.appendingPathComponent(".\(file.lastPathComponent).XXXXXX").path.utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { return false }
                offset += written
            }
            return true
        }
        ok = ok && fsync(descriptor) == 0
        close(descriptor)
        guard ok, rename(temporary, file.path) == 0 else {
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown)
        }
        // Make the rename itself durable.
        let directoryDescriptor = open(directory.path, O_RDONLY)
        if directoryDescriptor >= 0 { fsync(directoryDescriptor); close(directoryDescriptor) }
    }

    /// A process killed between `mkstemp` and `rename` leaves its `.NAME.XXXXXX` behind. Any
    /// such file older than `age` seconds is dead (a live write takes milliseconds): remove it,
    /// so that crashes do not litter the state directory.
    static func removeStaleTemporaries(of file: URL, olderThan age: TimeInterval = 60) {
        let directory = file.deletingLastPathComponent()
        let prefix = ".\(file.lastPathComponent)."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(prefix) && name.count == prefix.count + 6 {
            let path = directory.appendingPathComponent(name).path
            guard let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
                  Date().timeIntervalSince(modified) > age else { continue }
            unlink(path)
        }
    }
}
