import Foundation
import Testing
@testable import AgendaModel
@testable import AgendaSources

@Suite(.serialized) struct ScheduleSourceTests {
    func settings(_ cache: URL) -> SourceSettings {
        SourceSettings(limits: FetchLimits(connectTimeout: 3, totalTimeout: 6), cache: ScheduleCache(directory: cache))
    }

    /// The original 38C3 schedule as a file in a temporary folder, and an empty cache; both removed after.
    func withScheduleFile(_ body: (_ file: URL, _ cache: URL) throws -> Void) throws {
        let cache = temporaryCache()
        let directory = temporaryCache()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: cache); try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("38c3.xml")
        try EditedSchedule.originalData().write(to: file)
        try body(file, cache)
    }

    @Test func aFileKeepsItsPreviousVersion() throws {
        try withScheduleFile { file, cache in
            let (first, note) = try ScheduleSource(file.path, settings: settings(cache)).load()
            #expect(first.changes.isEmpty && note == nil)
            try EditedSchedule.editedData().write(to: file)
            let (second, _) = try ScheduleSource(file.path, settings: settings(cache)).load()
            #expect(second.changedIndices.count == 4)
            // Opened again unchanged: the marks stay until the next version.
            let (third, _) = try ScheduleSource(file.path, settings: settings(cache)).load()
            #expect(third.changedIndices.count == 4)
        }
    }

    /// A file past `MappedSchedule.minimumBytes` is read through a mapping: the schedule is the
    /// one its copy holds, and the snapshot written from it opens it again.
    @Test func aLargeFileIsReadMappedAndOpensAgainFromItsSnapshot() throws {
        try withScheduleFile { file, cache in
            var data = try EditedSchedule.originalData()
            data.append(Data(("<!-- " + String(repeating: "padding ", count: MappedSchedule.minimumBytes / 8) + "-->\n").utf8))
            try data.write(to: file)
            var settings = settings(cache)
            settings.snapshots = SnapshotStore(directory: cache.appendingPathComponent("snapshots"), build: "test")
            settings.copiesLater = false
            #expect(MappedSchedule(path: file.path) != nil)
            let (first, _) = try ScheduleSource(file.path, settings: settings).load()
            #expect(first == (try ScheduleLoader.load(path: file.path)))
            CacheWrites.finish()
            let snapshots = try FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("snapshots").path)
            #expect(snapshots.contains { $0.hasSuffix(".snap") })
            let again = ScheduleSource(file.path, settings: settings)
            #expect(try again.load().0 == first)
            // Without snapshots (AGENDA_NO_SNAPSHOTS), its texts stay in memory: the same schedule.
            settings.snapshots = nil
            #expect(try ScheduleSource(file.path, settings: settings).load().0 == first)
            // A broken large file is refused with its line, read once.
            try Data((String(decoding: data, as: UTF8.self).replacingOccurrences(of: "</schedule>", with: "<schedule>")).utf8).write(to: file)
            #expect(throws: SourceError.self) { try ScheduleSource(file.path, settings: settings).load() }
        }
    }

    /// A file is known unchanged by its fingerprint (no bytes kept or read); a new version of
    /// it, even of the same size, is read, compared and marked.
    @Test func aFileIsWatchedByFingerprint() throws {
        try withScheduleFile { file, cache in
            let source = ScheduleSource(file.path, settings: settings(cache))
            _ = try source.load()
            let entry = ScheduleCache(directory: cache).entry(for: "file://" + file.standardizedFileURL.path)
            #expect(entry.meta()?.file == ScheduleFile.fingerprint(path: file.path))
            guard case .unchanged = source.refresh() else { Issue.record("expected unchanged"); return }

            // Opened again: the copy is known to be this version, so it is neither compared nor
            // rewritten (its bytes are replaced here to prove it is not read).
            let copy = cache.appendingPathComponent(ScheduleCache.hash(entry.source) + "/schedule")
            try Data("not read".utf8).write(to: copy)
            let again = ScheduleSource(file.path, settings: settings(cache))
            #expect(try again.load().0.sessions.count == EditedSchedule.sessionCount)
            #expect(try Data(contentsOf: copy) == Data("not read".utf8))
            try EditedSchedule.originalData().write(to: copy)

            // Touched but the same bytes: unchanged. Then edited: an update with its changes.
            try EditedSchedule.originalData().write(to: file)
            guard case .unchanged = source.refresh() else { Issue.record("expected unchanged after touch"); return }
            try EditedSchedule.editedData().write(to: file)
            guard case .updated(let edited) = source.refresh() else { Issue.record("expected an update"); return }
            #expect(edited.changedIndices.count == 4)
            guard case .unchanged = source.refresh() else { Issue.record("expected unchanged"); return }
        }
    }

    @Test func aURLIsCachedRevalidatedTrackedAndKeptOffline() throws {
        let cache = temporaryCache()
        defer { try? FileManager.default.removeItem(at: cache) }
        let server = try TestServer(content: try EditedSchedule.originalData())
        let url = server.url("/schedule")

        let source = ScheduleSource(url, settings: settings(cache))
        let (first, note) = try source.load()
        #expect(first.sessions.count == EditedSchedule.sessionCount && note == nil && first.changes.isEmpty)
        #expect(ScheduleCache(directory: cache).entry(for: url).hasCurrent)

        // Unchanged: a 304, nothing parsed.
        guard case .unchanged = source.refresh() else { Issue.record("expected unchanged"); return }
        #expect(try server.stats()["not_modified"] as? Int == 1)

        // A new version: marked against the one before.
        try server.publish(try EditedSchedule.editedData())
        guard case .updated(let second) = source.refresh() else { Issue.record("expected an update"); return }
        #expect(second.changedIndices.count == 4)
        guard case .unchanged = source.refresh() else { Issue.record("expected unchanged"); return }

        // A restart: a 304 for the cached copy, the marks from the kept previous version.
        let (restarted, _) = try ScheduleSource(url, settings: settings(cache)).load()
        #expect(restarted.changedIndices.count == 4)
        #expect(try server.stats()["not_modified"] as? Int == 3)

        // The server gone: the cached copy, with a note.
        server.stop()
        guard case .stale(let stale) = source.refresh() else { Issue.record("expected stale"); return }
        #expect(stale.kind == .offline && stale.cause == "connection refused")
        let (offline, offlineNote) = try ScheduleSource(url, settings: settings(cache)).load()
        #expect(offline.sessions.count == second.sessions.count && offlineNote?.kind == .offline)

        // Nothing cached: an error naming the URL and the cause.
        let empty = temporaryCache()
        do {
            _ = try ScheduleSource(url, settings: settings(empty)).load()
            Issue.record("loaded from nowhere")
        } catch {
            #expect(error.kind == .unavailable)
            #expect(error.description.hasPrefix(url) && error.description.contains("connection refused"))
        }
    }

    @Test func httpErrorsAndBrokenVersionsFallBackToTheCache() throws {
        let cache = temporaryCache()
        defer { try? FileManager.default.removeItem(at: cache) }
        let server = try TestServer(content: try EditedSchedule.originalData())
        // Cache the schedule under the URL that will fail, via a source for it that works first.
        let good = ScheduleSource(server.url("/schedule"), settings: settings(cache))
        _ = try good.load()
        try server.publish(Data("<schedule><day".utf8))
        guard case .stale(let broken) = good.refresh() else { Issue.record("a broken version was taken"); return }
        #expect(broken.kind == .broken)

        do {
            _ = try ScheduleSource(server.url("/status/500"), settings: settings(cache)).load()
            Issue.record("a 500 loaded")
        } catch {
            #expect(error.kind == .unavailable && error.description.contains("HTTP status 500"))
        }
        do {
            _ = try ScheduleSource(server.url("/loop"), settings: settings(cache)).load()
            Issue.record("a redirect loop loaded")
        } catch {
            #expect(error.description.contains("more than 5 redirects"))
        }
    }

    /// A server that answers 304 to everything: an error naming the cause after at most two
    /// requests, whether nothing is cached, the cached copy is gone, or it does not read.
    @Test func aServerThatAlwaysSaysNotModifiedIsAnError() throws {
        let cache = temporaryCache()
        defer { try? FileManager.default.removeItem(at: cache) }
        let server = try TestServer(content: try EditedSchedule.originalData())
        let url = server.url("/always-304")
        func loadFails(_ limit: Int) throws {
            let before = try server.stats()["requests"] as? [String: Int] ?? [:]
            do {
                _ = try ScheduleSource(url, settings: settings(cache)).load()
                Issue.record("a 304 to nothing loaded")
            } catch {
                #expect(error.kind == .unavailable)
                #expect(error.description.hasPrefix(url)
                        && error.description.contains("the server answered 304 Not Modified to a request without validators"))
            }
            let after = try server.stats()["requests"] as? [String: Int] ?? [:]
            #expect((after["/always-304"] ?? 0) - (before["/always-304"] ?? 0) <= limit)
        }
        try loadFails(1)

        // A copy that does not read, with the server's validators: asked with them, then once without.
        let entry = ScheduleCache(directory: cache).entry(for: url)
        var meta = ScheduleCache.Meta(source: url)
        meta.validators = Validators(etag: "\"x\"")
        meta = try entry.store(Data("<schedule><day".utf8), meta: meta)
        #expect(entry.current() != nil)
        try loadFails(2)

        // The copy gone, the validators kept.
        if let current = meta.current { try FileManager.default.removeItem(at: entry.copyFile(current)) }
        #expect(entry.current() == nil && entry.meta()?.validators.etag != nil)
        try loadFails(2)
    }

    @Test func cacheFoldersAreNamedByHash() {
        #expect(ScheduleCache.hash("https://example.org/a") != ScheduleCache.hash("https://example.org/b"))
        #expect(ScheduleCache.hash("x").count == 16)
        let cache = PrivateCache.rootURL(["XDG_CACHE_HOME": "/tmp/xdg", "HOME": "/home/u"])
        #expect(cache.path == "/tmp/xdg/agenda")
        #expect(PrivateCache.rootURL(["HOME": "/home/u"]).path == "/home/u/.cache/agenda")
        #expect(PrivateCache.rootURL(["XDG_CACHE_HOME": "relative", "HOME": "/home/u"]).path == "/home/u/.cache/agenda")
    }
}
