import Foundation
import Testing
@testable import AgendaModel
@testable import AgendaSources

/// A source tells versions apart by what this process parsed and shows, never by a shared cache
/// or a live mapping of the file, and says when a failed source reads again.
@Suite(.serialized) struct ScheduleSourceVersionTests {
    /// A one-session frab schedule whose title has a fixed width: versions of equal size.
    static func schedule(_ title: String) -> Data {
        Data("""
            <schedule><conference><title>Versions</title><time_zone_name>Europe/Berlin</time_zone_name></conference>
            <day index="1" date="2024-12-27"><room name="Saal 1"><event guid="g-1" id="1">
            <date>2024-12-27T10:00:00+01:00</date><start>10:00</start><duration>00:30</duration><title>\(title)</title>
            </event></room></day></schedule>
            """.utf8)
    }

    func withFolder(_ body: (_ folder: URL, _ cache: ScheduleCache) throws -> Void) throws {
        let folder = temporaryCache()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder, ScheduleCache(directory: folder.appendingPathComponent("cache")))
    }

    /// "Version A" in `folder`, loaded by a source that watches it.
    func loadedFile(in folder: URL, cache: ScheduleCache?) throws -> (URL, ScheduleSource) {
        let file = folder.appendingPathComponent("schedule.xml")
        try Self.schedule("Version A").write(to: file)
        let source = ScheduleSource(file.path, settings: SourceSettings(cache: cache))
        _ = try source.load()
        return (file, source)
    }

    /// Swapped in whole, as `mv new.xml schedule.xml` does.
    func replace(_ file: URL, with data: Data) throws {
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".new-\(UUID().uuidString)")
        try data.write(to: temporary)
        #expect(rename(temporary.path, file.path) == 0)
    }

    /// Rewritten in place, as `cp new.xml schedule.xml` does: same inode, new bytes.
    func overwrite(_ file: URL, with data: Data) throws {
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: data)
        try handle.close()
    }

    func title(_ refresh: ScheduleSource.Refresh) -> String? {
        if case .updated(let schedule) = refresh { return schedule.sessions.first?.title }
        return nil
    }

    /// Two door screens on one file share one cache: the first to see a new version replaces
    /// the cached copy, and the second must still see that version as new.
    @Test func twoSourcesOnOneFileAndOneCacheBothSeeAnEdit() throws {
        try withFolder { folder, cache in
            let file = folder.appendingPathComponent("schedule.xml")
            try Self.schedule("Version A").write(to: file)
            let settings = SourceSettings(cache: cache)
            let first = ScheduleSource(file.path, settings: settings), second = ScheduleSource(file.path, settings: settings)
            _ = try first.load()
            _ = try second.load()
            try replace(file, with: Self.schedule("Version B"))
            #expect(title(first.refresh()) == "Version B")
            #expect(title(second.refresh()) == "Version B")
            // The cache stays one consistent pair: the current copy and the one before it.
            let entry = cache.entry(for: "file://" + file.standardizedFileURL.path)
            #expect(entry.current() == Self.schedule("Version B"))
            #expect(entry.previous() == Self.schedule("Version A"))
        }
    }

    /// The browser and the kiosk write a file's copy after the first frame (`copiesLater`): once
    /// written, the cache holds the same pair as a copy written at once, and the next process
    /// marks what changed against it.
    @Test func copiesWrittenAfterTheFirstFrameStillTrackVersions() throws {
        try withFolder { folder, cache in
            let file = folder.appendingPathComponent("schedule.xml")
            let settings = SourceSettings(cache: cache, copiesLater: true)
            try Self.schedule("Version A").write(to: file)
            _ = try ScheduleSource(file.path, settings: settings).load()
            CacheWrites.finish()
            try replace(file, with: Self.schedule("Version B"))
            let (next, _) = try ScheduleSource(file.path, settings: settings).load()
            CacheWrites.finish()
            #expect(next.sessions.first?.title == "Version B" && next.changedIndices == [0])
            let entry = cache.entry(for: "file://" + file.standardizedFileURL.path)
            #expect(entry.current() == Self.schedule("Version B"))
            #expect(entry.previous() == Self.schedule("Version A"))
        }
    }

    /// Without a usable cache, an in-place copy of a same-size version is still seen.
    @Test func anInPlaceCopyIsSeenWithoutACache() throws {
        try withFolder { folder, _ in
            let (file, source) = try loadedFile(in: folder, cache: nil)
            try overwrite(file, with: Self.schedule("Version B"))
            #expect(title(source.refresh()) == "Version B")
            guard case .unchanged = source.refresh() else { Issue.record("expected unchanged"); return }
        }
    }

    /// "Update failed" goes as soon as the good version is back, even with the very bytes
    /// already on screen.
    @Test func restoringTheGoodFileEndsTheFailure() throws {
        try withFolder { folder, cache in
            let (file, source) = try loadedFile(in: folder, cache: cache)
            try replace(file, with: Data("<schedule><day".utf8))
            guard case .stale = source.refresh() else { Issue.record("expected a failure"); return }
            guard case .unchanged = source.refresh() else { Issue.record("a broken version is tried once"); return }
            try replace(file, with: Self.schedule("Version A"))
            guard case .restored = source.refresh() else { Issue.record("expected restored"); return }
            guard case .unchanged = source.refresh() else { Issue.record("expected unchanged"); return }
        }
    }

    /// A watched path that became a FIFO is reported once and never read (a read would block
    /// until a writer came); a regular file there again is read as usual.
    @Test func aPathThatBecomesAFIFOIsNotRead() throws {
        try withFolder { folder, cache in
            let (file, source) = try loadedFile(in: folder, cache: cache)
            #expect(unlink(file.path) == 0 && mkfifo(file.path, 0o600) == 0)
            guard case .stale(let note) = source.refresh() else { Issue.record("expected a failure"); return }
            #expect(note.cause.contains("no longer a regular file"))
            guard case .unchanged = source.refresh() else { Issue.record("said once"); return }
            #expect(unlink(file.path) == 0)
            try Self.schedule("Version B").write(to: file)
            #expect(title(source.refresh()) == "Version B")
        }
    }

    /// A copy in the cache that is torn or not what its name says is not trusted.
    @Test func aDamagedCachedCopyIsIgnored() throws {
        try withFolder { folder, cache in
            let file = folder.appendingPathComponent("schedule.xml")
            try Self.schedule("Version A").write(to: file)
            _ = try ScheduleSource(file.path, settings: SourceSettings(cache: cache)).load()
            let entry = cache.entry(for: "file://" + file.standardizedFileURL.path)
            let copy = entry.copyFile(try #require(entry.meta()?.current))
            try Data("<schedule>torn".utf8).write(to: copy)
            #expect(entry.current() == nil)
        }
    }
}
