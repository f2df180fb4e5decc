import Foundation
import Testing
@testable import AgendaModel
@testable import AgendaSources

/// Snapshots on disk: loaded for an unchanged source, never for a changed one, refused and
/// removed when damaged, bounded in size, and no trouble when they cannot be written.
@Suite(.serialized) struct SnapshotStoreTests {
    static let build = "test 1"

    func withFolders(_ body: (_ file: URL, _ cache: URL) throws -> Void) throws {
        let cache = temporaryCache(), directory = temporaryCache()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: cache); try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("38c3.xml")
        try EditedSchedule.originalData().write(to: file)
        try body(file, cache)
    }

    func settings(_ cache: URL) -> SourceSettings {
        SourceSettings(cache: ScheduleCache(directory: cache), snapshots: store(cache))
    }

    func store(_ cache: URL, limit: Int = SnapshotStore.defaultLimit) -> SnapshotStore {
        SnapshotStore(directory: cache.appendingPathComponent("snapshots"), build: Self.build, limit: limit)
    }

    func snapshotFiles(_ cache: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("snapshots").path)) ?? [])
            .filter { $0.hasSuffix(".snap") }
    }

    /// Marks the recorded fingerprint as taken long after the file last changed, as it would be
    /// when the file is opened again another day (a test cannot wait for the clock).
    func settle(_ file: URL, _ cache: URL) throws {
        let entry = ScheduleCache(directory: cache).entry(for: "file://" + file.standardizedFileURL.path)
        var meta = try #require(entry.meta())
        meta.fileSeenAt = Date().addingTimeInterval(60)
        try entry.write(meta)
    }

    @Test func aSavedScheduleLoadsEqual() throws {
        try withFolders { file, cache in
            let data = try EditedSchedule.originalData()
            let schedule = try ScheduleLoader.read(data, file: file.path)
            let digest = ContentDigest(of: data)
            store(cache).save(schedule, digest: digest, name: file.path)
            let loaded = try #require(store(cache).load(digest, name: file.path))
            #expect(loaded == schedule)
            // Mapped, its texts given back as the index reads them: still found, still equal.
            let index = SearchIndex(loaded.sessions), parsed = SearchIndex(schedule.sessions)
            for query in ["the", "chaos", "ü"] { #expect(index.matches(index.fold(query)) == parsed.matches(parsed.fold(query))) }
            #expect(loaded == schedule)
            // Another name (warnings name the file) or another build: not this snapshot.
            #expect(store(cache).load(digest, name: "other.xml") == nil)
            #expect(SnapshotStore(directory: store(cache).directory, build: "test 2").load(digest, name: file.path) == nil)
        }
    }

    /// The second open of an unchanged file loads the snapshot without parsing: proved by a
    /// snapshot that says something else than the file.
    @Test func anUnchangedFileIsLoadedFromItsSnapshot() throws {
        try withFolders { file, cache in
            let (first, _) = try ScheduleSource(file.path, settings: settings(cache)).load()
            CacheWrites.finish()
            #expect(snapshotFiles(cache).count == 1)
            try settle(file, cache)
            var marked = first
            marked.conference.title = "From the snapshot"
            let digest = ContentDigest(of: try EditedSchedule.originalData())
            store(cache).save(marked, digest: digest, name: file.path)
            let (second, _) = try ScheduleSource(file.path, settings: settings(cache)).load()
            #expect(second.conference.title == "From the snapshot")
            #expect(second.sessions == first.sessions)
        }
    }

    /// A large unchanged file opens on one day of its snapshot (any size here), and the whole
    /// is then decoded from the same checked mapping: both are what the snapshot holds.
    @Test func anUnchangedFileOpensOnOneDayThenTheWhole() throws {
        try withFolders { file, cache in
            let (first, _) = try ScheduleSource(file.path, settings: settings(cache)).load()
            CacheWrites.finish()
            try settle(file, cache)
            var marked = first
            marked.conference.title = "From the snapshot"
            store(cache).save(marked, digest: ContentDigest(of: try EditedSchedule.originalData()), name: file.path)
            let source = ScheduleSource(file.path, settings: settings(cache))
            let now = first.sessions[first.days[1].sessionRange.lowerBound].start
            // Below the size it is worth it for: nothing (the whole is decoded as quickly).
            #expect(source.openingDay(now: now) == nil)
            let day = try #require(source.openingDay(now: now, minimumBytes: 0))
            #expect(day.isToday && day.schedule.conference.title == "From the snapshot")
            #expect(day.schedule.sessions == Array(first.sessions[first.days[1].sessionRange]))
            let (whole, _) = try source.load()
            #expect(whole.conference.title == "From the snapshot")
            #expect(whole.sessions == first.sessions)
        }
    }

    /// A file with an earlier version shows change marks, which one day alone would not have.
    @Test func aFileWithAnEarlierVersionOpensWhole() throws {
        try withFolders { file, cache in
            _ = try ScheduleSource(file.path, settings: settings(cache)).load()
            CacheWrites.finish()
            try EditedSchedule.editedData().write(to: file)
            _ = try ScheduleSource(file.path, settings: settings(cache)).load()
            CacheWrites.finish()
            try settle(file, cache)
            let source = ScheduleSource(file.path, settings: settings(cache))
            #expect(source.opensFromSnapshot)
            #expect(source.openingDay(now: Date(), minimumBytes: 0) == nil)
        }
    }

    /// A rewrite in place of the same size with the modification time put back (`cp -p`):
    /// the change time differs, so the file is read, and the new version shown.
    @Test func aChangedFileIsNotServedFromTheStaleSnapshot() throws {
        try withFolders { file, cache in
            let original = try EditedSchedule.originalData()
            _ = try ScheduleSource(file.path, settings: settings(cache)).load()
            CacheWrites.finish()
            try settle(file, cache)
            var info = stat()
            #expect(stat(file.path, &info) == 0)
            // The first letter of the conference's title, in place: the same size.
            var bytes = original
            let title = try #require(bytes.range(of: Data("<title>".utf8))).upperBound
            #expect(bytes[title] != UInt8(ascii: "X"))
            bytes[title] = UInt8(ascii: "X")
            let handle = try FileHandle(forWritingTo: file)
            try handle.write(contentsOf: bytes)
            try handle.close()
            var times = [info.st_atim, info.st_mtim]
            #expect(utimensat(AT_FDCWD, file.path, &times, 0) == 0)
            #expect(stat(file.path, &info) == 0 && info.st_size == original.count)
            let (second, _) = try ScheduleSource(file.path, settings: settings(cache)).load()
            #expect(second.conference.title.hasPrefix("X"))
            #expect(second == ScheduleChanges.track(previous: try ScheduleLoader.read(original, file: file.path),
                                                     current: try ScheduleLoader.read(bytes, file: file.path)))
        }
    }

    @Test func aFingerprintVouchesOnlyOnceTheFileHasSettled() throws {
        try withFolders { file, _ in
            let fingerprint = try #require(ScheduleFile.fingerprint(path: file.path))
            // Just written: a same-size rewrite within the clock's tick would not show.
            #expect(!fingerprint.isSettled(seenAt: Date()))
            let changed = Date(timeIntervalSince1970: TimeInterval(fingerprint.changedSeconds ?? 0))
            #expect(fingerprint.isSettled(seenAt: changed.addingTimeInterval(3)))
            var old = fingerprint
            old.changedSeconds = nil
            #expect(!old.isSettled(seenAt: changed.addingTimeInterval(3)))
        }
    }

    @Test func aDamagedSnapshotIsRemovedAndRebuilt() throws {
        try withFolders { file, cache in
            let (first, _) = try ScheduleSource(file.path, settings: settings(cache)).load()
            CacheWrites.finish()
            let name = try #require(snapshotFiles(cache).first)
            let path = cache.appendingPathComponent("snapshots/" + name)
            var bytes = try Data(contentsOf: path)
            bytes[bytes.count / 2] ^= 0x20
            try bytes.write(to: path)
            try settle(file, cache)
            let (second, _) = try ScheduleSource(file.path, settings: settings(cache)).load()
            #expect(second == first)
            CacheWrites.finish()
            #expect(try Data(contentsOf: path) != bytes, "written anew")
            #expect(ScheduleSnapshot.decode(try Data(contentsOf: path), source: ContentDigest(of: try EditedSchedule.originalData()),
                                            build: Self.build) == first)
        }
    }

    @Test func pruningKeepsTheBoundAndTheMostRecentlyUsed() throws {
        try withFolders { file, cache in
            let data = try EditedSchedule.originalData()
            let schedule = try ScheduleLoader.read(data, file: file.path)
            let size = try #require(ScheduleSnapshot.encode(schedule, source: ContentDigest(of: data), build: Self.build)).count
            let bounded = store(cache, limit: size * 3 + size / 2)
            let digests = (0..<6).map { ContentDigest(high: UInt64($0), low: 1) }
            for (k, digest) in digests.enumerated() {
                bounded.save(schedule, digest: digest, name: file.path)
                // The first stays in use: loaded after each save, it is never the oldest.
                if k > 0 { #expect(bounded.load(digests[0], name: file.path) != nil, "after \(k) saves") }
                // Times of files written in the same instant would tie: make the order plain.
                Thread.sleep(forTimeInterval: 0.01)
            }
            #expect(snapshotFiles(cache).count == 3)
            #expect(bounded.load(digests[0], name: file.path) != nil)
            #expect(bounded.load(digests[5], name: file.path) != nil)
            #expect(bounded.load(digests[1], name: file.path) == nil)
        }
    }

    /// Any user can date a file past 2262, where nanoseconds since 1970 overflow an Int:
    /// pruning orders it last instead of trapping.
    @Test func aFileDatedFarAheadIsPrunedWithoutATrap() throws {
        try withFolders { file, cache in
            let data = try EditedSchedule.originalData()
            let schedule = try ScheduleLoader.read(data, file: file.path)
            let size = try #require(ScheduleSnapshot.encode(schedule, source: ContentDigest(of: data), build: Self.build)).count
            let bounded = store(cache, limit: size + size / 2)
            bounded.save(schedule, digest: ContentDigest(high: 1, low: 1), name: file.path)
            let far = cache.appendingPathComponent("snapshots/" + (try #require(snapshotFiles(cache).first))).path
            var times = [timespec(tv_sec: 10_000_000_000, tv_nsec: 0), timespec(tv_sec: 10_000_000_000, tv_nsec: 0)]
            #expect(utimensat(AT_FDCWD, far, &times, 0) == 0)
            bounded.save(schedule, digest: ContentDigest(high: 2, low: 1), name: file.path)
            bounded.prune()
            #expect(snapshotFiles(cache).count == 1)
        }
        #expect(SnapshotStore.age(timespec(tv_sec: .max, tv_nsec: 999_999_999)) == .max)
        #expect(SnapshotStore.age(timespec(tv_sec: 1, tv_nsec: 5)) == 1_000_000_005)
    }

    @Test func anUnwritableCacheOnlyMeansParsing() throws {
        try withFolders { file, cache in
            // A plain file where the cache folder would be: nothing can be written under it.
            try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
            try Data().write(to: cache.appendingPathComponent("snapshots"))
            let (schedule, _) = try ScheduleSource(file.path, settings: settings(cache)).load()
            CacheWrites.finish()
            #expect(schedule.sessions.count == EditedSchedule.sessionCount)
            #expect(store(cache).load(ContentDigest(of: try EditedSchedule.originalData()), name: file.path) == nil)
        }
    }

    /// The search index is kept beside the snapshots: found again for the same texts, never for
    /// other texts or another build, removed when damaged, and pruned with the snapshots.
    @Test func aSearchIndexIsKeptFoundAgainAndPruned() throws {
        try withFolders { file, cache in
            let schedule = try ScheduleLoader.read(try EditedSchedule.originalData(), file: file.path)
            let sessions = schedule.sessions
            let key = SearchIndexFile.key(of: sessions)
            let built = SearchIndex(sessions)
            let made = try #require(store(cache).buildIndex(sessions, key: key))
            let kept = try #require(store(cache).loadIndex(key, sessions: sessions.count))
            for query in ["the", "chaos", "ü"] {
                #expect(kept.matches(kept.fold(query)) == built.matches(built.fold(query)))
                #expect(made.matches(made.fold(query)) == built.matches(built.fold(query)))
            }
            #expect(store(cache).loadIndex(ContentDigest(high: 9, low: 9), sessions: sessions.count) == nil)
            #expect(SnapshotStore(directory: store(cache).directory, build: "test 2").loadIndex(key, sessions: sessions.count) == nil)
            // A damaged one is removed.
            let path = store(cache).indexFile(key).path
            var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            bytes[bytes.count / 2] ^= 1
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(store(cache).loadIndex(key, sessions: sessions.count) == nil)
            #expect(!FileManager.default.fileExists(atPath: path))
            // What a write killed half-way left is removed once a minute old; a fresh one stays.
            let dead = store(cache).directory.appendingPathComponent(".\(path.split(separator: "/").last!).AbCdEf")
            let live = store(cache).directory.appendingPathComponent(".other.index.GhIjKl")
            try Data([1]).write(to: dead)
            try Data([1]).write(to: live)
            var old = [timeval(tv_sec: time(nil) - 120, tv_usec: 0), timeval(tv_sec: time(nil) - 120, tv_usec: 0)]
            #expect(utimes(dead.path, &old) == 0)
            store(cache).prune()
            #expect(!FileManager.default.fileExists(atPath: dead.path))
            #expect(FileManager.default.fileExists(atPath: live.path))
            // Bounded with the snapshots: a limit below one index keeps none (it is used all the same).
            let small = store(cache, limit: bytes.count / 2)
            let unkept = try #require(small.buildIndex(sessions, key: key))
            #expect(unkept.matches(unkept.fold("chaos")) == built.matches(built.fold("chaos")))
            #expect(!FileManager.default.fileExists(atPath: path))
            #expect(try FileManager.default.contentsOfDirectory(atPath: store(cache).directory.path).allSatisfy { !$0.hasSuffix(".index") })
        }
    }
}
