import Foundation
import Synchronization
import Testing
@testable import AgendaModel
@testable import AgendaSources

/// The cache is the user's alone: folders another user could write to, or links planted in
/// place of a folder or a file, are neither written to, pruned nor read from.
@Suite(.serialized) struct PrivateCacheTests {
    static let build = "test 1"

    /// A schedule file, an empty cache root and a victim's folder, all temporary.
    func withFolders(_ body: (_ file: URL, _ cache: URL, _ victim: URL) throws -> Void) throws {
        let cache = temporaryCache(), directory = temporaryCache(), victim = temporaryCache()
        for folder in [directory, victim] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        defer { for folder in [cache, directory, victim] { try? FileManager.default.removeItem(at: folder) } }
        let file = directory.appendingPathComponent("38c3.xml")
        try EditedSchedule.originalData().write(to: file)
        try body(file, cache, victim)
    }

    func settings(_ cache: URL) -> SourceSettings {
        SourceSettings(limits: FetchLimits(connectTimeout: 3, totalTimeout: 6), cache: ScheduleCache(directory: cache),
                       snapshots: SnapshotStore(directory: cache.appendingPathComponent("snapshots"), build: Self.build))
    }

    func names(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    /// A file named as this program names its temporaries, older than any live write.
    func plantOld(_ name: String, in folder: URL) throws {
        let file = folder.appendingPathComponent(name)
        try Data("victim's".utf8).write(to: file)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: file.path)
    }

    func mode(_ url: URL) -> mode_t {
        var info = stat()
        return lstat(url.path, &info) == 0 ? info.st_mode & 0o777 : 0
    }

    /// `agenda/snapshots` a link to another folder: nothing there is removed, nothing written.
    @Test func aLinkedSnapshotsFolderIsNotUsed() throws {
        try withFolders { file, cache, victim in
            try plantOld(".notes.txt.a1b2c3", in: victim)
            try plantOld("keep.snap", in: victim)
            try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
            #expect(symlink(victim.path, cache.appendingPathComponent("snapshots").path) == 0)
            let (schedule, _) = try ScheduleSource(file.path, settings: settings(cache)).load()
            let digest = ContentDigest(of: try EditedSchedule.originalData())
            SnapshotStore(directory: cache.appendingPathComponent("snapshots"), build: Self.build).save(schedule, digest: digest, name: file.path)
            CacheWrites.finish()
            #expect(names(victim) == [".notes.txt.a1b2c3", "keep.snap"])
        }
    }

    /// A source's folder a link to another folder: its `schedule` and `previous` stay, and no
    /// copy or `meta.json` is written there.
    @Test func aLinkedSourceFolderIsNotUsed() throws {
        try withFolders { file, cache, victim in
            for name in ["schedule", "previous"] { try plantOld(name, in: victim) }
            try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
            let folder = cache.appendingPathComponent(ScheduleCache.hash("file://" + file.standardizedFileURL.path))
            #expect(symlink(victim.path, folder.path) == 0)
            let (schedule, _) = try ScheduleSource(file.path, settings: settings(cache)).load()
            CacheWrites.finish()
            #expect(schedule.sessions.count == EditedSchedule.sessionCount)
            #expect(names(victim) == ["previous", "schedule"])
        }
    }

    /// A copy planted for a URL that cannot be reached: what `meta.json` and a copy whose
    /// digest matches would have served, in a folder that `prepare` makes unsafe.
    func plantedCopy(_ cache: URL, prepare: (_ root: URL, _ folder: URL) throws -> Void) throws -> Result<Schedule, SourceError> {
        let url = "http://127.0.0.1:1/schedule.xml"
        let entry = ScheduleCache(directory: cache).entry(for: url)
        let data = try EditedSchedule.originalData()
        let planted = temporaryCache()
        try FileManager.default.createDirectory(at: planted, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: planted) }
        var meta = ScheduleCache.Meta(source: url)
        meta.current = ContentDigest(of: data).description
        try ScheduleCache.Entry.encoder.encode(meta).write(to: planted.appendingPathComponent("meta.json"))
        try data.write(to: planted.appendingPathComponent("schedule-" + meta.current!))
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: planted, to: entry.folder)
        try prepare(cache, entry.folder)
        defer { try? FileManager.default.removeItem(at: cache) }
        do throws(SourceError) {
            return .success(try ScheduleSource(url, settings: settings(cache)).load().0)
        } catch {
            return .failure(error)
        }
    }

    func notServed(_ result: Result<Schedule, SourceError>) -> Bool {
        if case .failure(let error) = result { return error.kind == .unavailable }
        return false
    }

    @Test func aPlantedCopyInAnUnsafeFolderIsNotServed() throws {
        // In a folder of its own, the copy is served: the plant itself is sound.
        #expect(!notServed(try plantedCopy(temporaryCache()) { _, _ in }))
        #expect(notServed(try plantedCopy(temporaryCache()) { _, folder in chmod(folder.path, 0o770) }))
        #expect(notServed(try plantedCopy(temporaryCache()) { _, folder in chmod(folder.path, 0o707) }))
        #expect(notServed(try plantedCopy(temporaryCache()) { root, _ in chmod(root.path, 0o777) }))
        // The source's folder a link to where the copy was planted.
        let linkedFolder = try plantedCopy(temporaryCache()) { _, folder in
            let elsewhere = folder.deletingLastPathComponent().appendingPathComponent("elsewhere")
            try FileManager.default.moveItem(at: folder, to: elsewhere)
            try link(elsewhere, at: folder)
        }
        #expect(notServed(linkedFolder))
        // `meta.json` and the copy links to planted files, in a folder that is the user's.
        let linkedFiles = try plantedCopy(temporaryCache()) { _, folder in
            let elsewhere = temporaryCache()
            try FileManager.default.moveItem(at: folder, to: elsewhere)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
            for name in try FileManager.default.contentsOfDirectory(atPath: elsewhere.path) {
                try link(elsewhere.appendingPathComponent(name), at: folder.appendingPathComponent(name))
            }
        }
        #expect(notServed(linkedFiles))
    }

    func link(_ target: URL, at path: URL) throws {
        guard symlink(target.path, path.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// Ownership: a folder is used only when it belongs to the user running the program (a
    /// test cannot give one away, so it tells the check to expect someone else).
    @Test func aFolderOfAnotherUserIsNotUsed() throws {
        let cache = temporaryCache()
        defer { try? FileManager.default.removeItem(at: cache) }
        let mine = PrivateCache(root: cache, warn: { _ in })
        let folder = try #require(mine.folder(["abc"], create: true))
        #expect(PrivateCache.problem(at: folder.path, owner: geteuid()) == nil)
        #expect(PrivateCache.problem(at: folder.path, owner: geteuid() &+ 1)?.contains("belongs to another user") == true)
        let theirs = PrivateCache(root: cache, owner: geteuid() &+ 1, warn: { _ in })
        #expect(theirs.folder(["abc"], create: false) == nil)
        #expect(theirs.folder([], create: false) == nil)
    }

    /// Folders are created for the user alone.
    @Test func foldersAreCreatedPrivate() throws {
        try withFolders { file, cache, _ in
            _ = try ScheduleSource(file.path, settings: settings(cache)).load()
            CacheWrites.finish()
            let entry = ScheduleCache(directory: cache).entry(for: "file://" + file.standardizedFileURL.path)
            #expect(mode(cache) == 0o700)
            #expect(mode(entry.folder) == 0o700)
            #expect(mode(cache.appendingPathComponent("snapshots")) == 0o700)
        }
    }

    /// A failed check switches the cache off for the rest of the run, with one warning
    /// however many folders fail.
    @Test func oneWarningSwitchesTheCacheOff() throws {
        try withFolders { file, cache, _ in
            _ = try ScheduleSource(file.path, settings: settings(cache)).load()
            CacheWrites.finish()
            let entry = ScheduleCache(directory: cache).entry(for: "file://" + file.standardizedFileURL.path)
            let warnings = Mutex<[String]>([])
            let checked = PrivateCache(root: cache, warn: { message in warnings.withLock { $0.append(message) } })
            #expect(checked.folder(["snapshots"], create: false) != nil)
            chmod(cache.appendingPathComponent("snapshots").path, 0o777)
            chmod(entry.folder.path, 0o775)
            #expect(checked.folder(["snapshots"], create: false) == nil)
            #expect(checked.folder([entry.folder.lastPathComponent], create: false) == nil)
            // Off for the rest of the run, even where the folders pass.
            chmod(cache.appendingPathComponent("snapshots").path, 0o700)
            #expect(checked.folder(["snapshots"], create: false) == nil)
            let said = warnings.withLock { $0 }
            #expect(said.count == 1)
            #expect(said.first?.contains(cache.appendingPathComponent("snapshots").path) == true)
            #expect(said.first?.contains("writable by other users") == true)
        }
    }

    /// Stale temporaries are removed only when this program could have named them.
    @Test func onlyOurOwnTemporariesAreRemoved() throws {
        try withFolders { file, cache, _ in
            let snapshots = cache.appendingPathComponent("snapshots")
            let store = SnapshotStore(directory: snapshots, build: Self.build)
            let data = try EditedSchedule.originalData()
            let digest = ContentDigest(of: data)
            let ours = "." + store.file(digest, name: "old.xml").lastPathComponent + ".Ab12Cd"
            try FileManager.default.createDirectory(at: snapshots, withIntermediateDirectories: true)
            try plantOld(ours, in: snapshots)
            try plantOld(".bashrc.Ab12Cd", in: snapshots)
            store.save(try ScheduleLoader.read(data, file: file.path), digest: digest, name: file.path)
            #expect(!names(snapshots).contains(ours))
            #expect(names(snapshots).contains(".bashrc.Ab12Cd"))
        }
    }

    /// Copies of local files: those whose file is gone are dropped when another is stored.
    @Test func copiesOfDeletedFilesArePruned() throws {
        try withFolders { file, cache, _ in
            let folder = file.deletingLastPathComponent()
            var copies: [URL] = []
            for n in 0..<3 {
                let copy = folder.appendingPathComponent("copy-\(n).xml")
                try FileManager.default.copyItem(at: file, to: copy)
                _ = try ScheduleSource(copy.path, settings: settings(cache)).load()
                copies.append(copy)
            }
            CacheWrites.finish()
            let folderOf = { (file: URL) in ScheduleCache(directory: cache).entry(for: "file://" + file.standardizedFileURL.path).folder }
            #expect(copies.allSatisfy { FileManager.default.fileExists(atPath: folderOf($0).path) })
            for copy in copies.prefix(2) { try FileManager.default.removeItem(at: copy) }
            _ = try ScheduleSource(file.path, settings: settings(cache)).load()
            CacheWrites.finish()
            #expect(copies.prefix(2).allSatisfy { !FileManager.default.fileExists(atPath: folderOf($0).path) })
            #expect(FileManager.default.fileExists(atPath: folderOf(copies[2]).path))
            #expect(FileManager.default.fileExists(atPath: folderOf(file).path))
        }
    }

    /// Copies of local files are bounded in size as snapshots are: the least recently stored go.
    @Test func copiesOfLocalFilesAreBoundedInSize() throws {
        try withFolders { file, cache, _ in
            let size = try EditedSchedule.originalData().count
            let bounded = SourceSettings(cache: ScheduleCache(directory: cache, fileCopyLimit: size * 2 + size / 2))
            let folder = file.deletingLastPathComponent()
            var copies: [URL] = []
            for n in 0..<4 {
                let copy = folder.appendingPathComponent("copy-\(n).xml")
                try FileManager.default.copyItem(at: file, to: copy)
                _ = try ScheduleSource(copy.path, settings: bounded).load()
                copies.append(copy)
                // Told apart by their times, as stores a second apart would be.
                let entry = ScheduleCache(directory: cache).entry(for: "file://" + copy.standardizedFileURL.path)
                let time = timespec(tv_sec: 1_000_000 + n, tv_nsec: 0)
                for name in names(entry.folder) { _ = [time, time].withUnsafeBufferPointer { utimensat(AT_FDCWD, entry.folder.appendingPathComponent(name).path, $0.baseAddress, 0) } }
            }
            _ = try ScheduleSource(file.path, settings: bounded).load()
            let kept = copies.map { FileManager.default.fileExists(atPath: ScheduleCache(directory: cache).entry(for: "file://" + $0.standardizedFileURL.path).folder.path) }
            #expect(kept == [false, false, false, true])
        }
    }
}
