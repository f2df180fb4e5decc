import Foundation
import Testing
@testable import AgendaModel
@testable import AgendaSources

@Suite struct FavouritesStoreTests {
    func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    let conference = Conference(title: "38th Chaos Communication Congress", timeZone: .gmt)

    @Test func pathFollowsXDGStateHome() {
        let store = FavouritesStore(conference: conference, environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/home/u"])
        #expect(store.file.path == "/x/state/agenda/favourites/38th-chaos-communication-congress.json")
        let fallback = FavouritesStore(conference: conference, environment: ["HOME": "/home/u"])
        #expect(fallback.file.path == "/home/u/.local/state/agenda/favourites/38th-chaos-communication-congress.json")
        // A relative XDG_STATE_HOME is invalid by the spec and ignored.
        let relative = FavouritesStore(conference: conference, environment: ["XDG_STATE_HOME": "rel", "HOME": "/home/u"])
        #expect(relative.file.path.hasPrefix("/home/u/.local/state/"))
    }

    @Test func saveThenLoadRoundTrips() throws {
        let store = FavouritesStore(directory: temporaryDirectory(), name: "c.json")
        #expect(store.load().keys.isEmpty)
        try store.merge(adding: ["b", "a", "guid-ü"], removing: [])
        #expect(store.load().keys == ["a", "b", "guid-ü"])
        try store.merge(adding: [], removing: ["b", "guid-ü"])
        #expect(store.load().keys == ["a"])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: store.file.deletingLastPathComponent().path)
        #expect(leftovers == ["c.json"])  // no temporary files left behind
    }

    @Test func corruptFileIsSetAsideWithAWarning() throws {
        let store = FavouritesStore(directory: temporaryDirectory(), name: "c.json")
        try FileManager.default.createDirectory(at: store.file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{not json".utf8).write(to: store.file)
        let result = store.load()
        #expect(result.keys.isEmpty)
        #expect(result.warning?.contains("moved aside") == true)
        #expect(!FileManager.default.fileExists(atPath: store.file.path))
        let names = try FileManager.default.contentsOfDirectory(atPath: store.file.deletingLastPathComponent().path)
        #expect(names.contains { $0.hasPrefix("c.json.corrupt-") })
    }

    @Test func unwritableDirectoryThrows() {
        let store = FavouritesStore(directory: URL(fileURLWithPath: "/proc/agenda-cannot-write"), name: "c.json")
        #expect(throws: (any Error).self) { try store.merge(adding: ["a"], removing: []) }
    }

    /// Two browsers on one file: each change is merged into what the file holds, so neither
    /// overwrites the other's stars.
    @Test func twoWritersKeepEachOthersStars() throws {
        let directory = temporaryDirectory()
        let first = FavouritesStore(directory: directory, name: "c.json")
        let second = FavouritesStore(directory: directory, name: "c.json")
        try first.merge(adding: ["a"], removing: [])
        #expect(try second.merge(adding: ["b"], removing: []) == ["a", "b"])
        #expect(try first.merge(adding: ["c"], removing: ["a"]) == ["b", "c"])
        #expect(second.load().keys == ["b", "c"])
    }

    /// Many writers at once, each starring its own keys: all of them arrive (the lock serialises
    /// the read-change-write of each).
    @Test func concurrentWritersLoseNothing() async throws {
        let directory = temporaryDirectory()
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<4 {
                group.addTask {
                    let store = FavouritesStore(directory: directory, name: "c.json")
                    for k in 0..<20 { _ = try? store.merge(adding: ["w\(writer)-\(k)"], removing: []) }
                }
            }
        }
        #expect(FavouritesStore(directory: directory, name: "c.json").load().keys.count == 80)
    }

    /// A file that exists but cannot be read (here a symlink loop) is reported and never
    /// replaced: the user's file may be fine once the problem is fixed.
    @Test func anUnreadableFileIsNeverOverwritten() throws {
        let store = FavouritesStore(directory: temporaryDirectory(), name: "c.json")
        try FileManager.default.createDirectory(at: store.file.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(symlink("c.json", store.file.path) == 0)
        let loaded = store.load()
        #expect(loaded.keys.isEmpty && loaded.warning?.contains("cannot be read") == true)
        #expect(throws: FavouritesStore.StoreError.self) { try store.merge(adding: ["a"], removing: []) }
        var info = stat()
        #expect(lstat(store.file.path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)   // still the link
    }

    /// A favourites file kept in a dotfiles folder and linked into place stays a link; the
    /// stars go into the file it points to.
    @Test func aSymlinkedFileIsWrittenThrough() throws {
        let root = temporaryDirectory()
        let dotfiles = root.appendingPathComponent("dotfiles")
        try FileManager.default.createDirectory(at: dotfiles, withIntermediateDirectories: true)
        let store = FavouritesStore(directory: root.appendingPathComponent("state"), name: "c.json")
        try FileManager.default.createDirectory(at: store.file.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(symlink("../../dotfiles/c.json", store.file.path) == 0)
        try store.merge(adding: ["a"], removing: [])
        try store.merge(adding: ["b"], removing: [])
        var info = stat()
        #expect(lstat(store.file.path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        let target = try Data(contentsOf: dotfiles.appendingPathComponent("c.json"))
        #expect(String(decoding: target, as: UTF8.self).contains("\"b\""))
        #expect(store.load().keys == ["a", "b"])
    }

    /// A linked favourites file that does not parse (a merge conflict holding both sides'
    /// stars): its bytes are copied aside, the link stays, and the next star is written
    /// through the link into its target.
    func linkedCorruptFile() throws -> (store: FavouritesStore, target: URL, conflict: Data) {
        let root = temporaryDirectory()
        let dotfiles = root.appendingPathComponent("dotfiles")
        try FileManager.default.createDirectory(at: dotfiles, withIntermediateDirectories: true)
        let conflict = Data("<<<<<<< ours\n{\"version\":1,\"favourites\":[\"x\"]}\n=======\n{\"version\":1,\"favourites\":[\"y\"]}\n>>>>>>> theirs\n".utf8)
        let target = dotfiles.appendingPathComponent("c.json")
        try conflict.write(to: target)
        let store = FavouritesStore(directory: root.appendingPathComponent("state"), name: "c.json")
        try FileManager.default.createDirectory(at: store.file.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(symlink("../../dotfiles/c.json", store.file.path) == 0)
        return (store, target, conflict)
    }

    func corruptCopies(_ store: FavouritesStore) throws -> [URL] {
        let folder = store.file.deletingLastPathComponent()
        return try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix("c.json.corrupt-") }.map { folder.appendingPathComponent($0) }
    }

    func isLink(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    @Test func aLinkedCorruptFileIsCopiedAsideAndTheLinkKept() throws {
        let (store, target, conflict) = try linkedCorruptFile()
        let loaded = store.load()
        #expect(loaded.keys.isEmpty && loaded.warning?.contains("c.json.corrupt-") == true)
        #expect(isLink(store.file))
        let copies = try corruptCopies(store)
        #expect(copies.count == 1)
        #expect(copies.allSatisfy { !isLink($0) })
        #expect(try copies.map { try Data(contentsOf: $0) } == [conflict])
        // Loaded again before any star: the same bytes are not copied twice.
        _ = store.load()
        #expect(try corruptCopies(store).count == 1)
        try store.merge(adding: ["a"], removing: [])
        #expect(isLink(store.file))
        #expect(try Data(contentsOf: target) != conflict)
        #expect(store.load().keys == ["a"])
        #expect(try corruptCopies(store).map { try Data(contentsOf: $0) } == [conflict])
    }

    /// A star made without loading first (another browser's merge finds the file corrupt):
    /// the conflict's bytes survive in the copy, and the star goes to the link's target.
    @Test func aStarOnALinkedCorruptFileKeepsItsBytes() throws {
        let (store, target, conflict) = try linkedCorruptFile()
        #expect(try store.merge(adding: ["a"], removing: []) == ["a"])
        #expect(isLink(store.file))
        #expect(String(decoding: try Data(contentsOf: target), as: UTF8.self).contains("\"a\""))
        let copies = try corruptCopies(store)
        #expect(copies.count == 1 && copies.allSatisfy { !isLink($0) })
        #expect(try copies.map { try Data(contentsOf: $0) } == [conflict])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: target.deletingLastPathComponent().path)
        #expect(leftovers == ["c.json"])   // written beside the target, renamed over it
    }

    /// File names are capped in UTF-8 bytes: 109 Devanagari letters are 327 bytes, more than a
    /// file name may have (255), yet only 109 characters.
    @Test func aLongNonLatinTitleGetsAShortNameAndStarsSave() throws {
        let title = String(repeating: "सम्मेलन", count: 16).prefix(109)
        let conference = Conference(title: String(title), timeZone: TimeZone(identifier: "Asia/Kolkata")!)
        let name = FavouritesStore.fileName(for: conference)
        #expect(name.utf8.count <= FavouritesStore.maxSlugBytes + 5)
        #expect(name.hasSuffix(".json") && name.hasPrefix("सम्मेलन"))
        let other = Conference(title: String(title) + " II", timeZone: conference.timeZone)
        #expect(FavouritesStore.fileName(for: other) != name)   // same beginning, told apart by the hash
        let store = FavouritesStore(directory: temporaryDirectory(), name: name)
        try store.merge(adding: ["a"], removing: [])
        #expect(store.load().keys == ["a"])
    }

    /// Short titles keep the names they always had, and stars kept under the old rule for a
    /// long Latin title are read until the first write moves them to the new name.
    @Test func namesOfShortTitlesAreUnchangedAndLegacyNamesAreRead() throws {
        let short = Conference(title: "38th Chaos Communication Congress", timeZone: .gmt)
        #expect(FavouritesStore.fileName(for: short) == "38th-chaos-communication-congress.json")
        #expect(FavouritesStore.legacyFileName(for: short) == FavouritesStore.fileName(for: short))
        let long = Conference(title: String(repeating: "International Conference on Education ", count: 4), timeZone: .gmt)
        let directory = temporaryDirectory()
        let old = FavouritesStore(directory: directory, name: FavouritesStore.legacyFileName(for: long))
        try old.merge(adding: ["kept"], removing: [])
        let store = FavouritesStore(directory: directory, name: FavouritesStore.fileName(for: long),
                                    legacyName: FavouritesStore.legacyFileName(for: long))
        #expect(store.file != old.file)
        #expect(store.load().keys == ["kept"])
        #expect(try store.merge(adding: ["new"], removing: []) == ["kept", "new"])
    }
}

@Suite struct SearchIndexTests {
    func session(_ title: String, persons: [String] = [], description: String? = nil) -> Session {
        Session(id: title, title: title, start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 60),
                persons: persons, description: description)
    }

    @Test func foldsCaseAndDiacritics() {
        let index = SearchIndex([session("Crème Brûlée"), session("Straße"), session("ÉCOLE")])
        #expect(index.matches(index.fold("creme brulee")) == [0])
        #expect(index.matches(index.fold("école")) == [2])
        #expect(index.matches(index.fold("STRASSE")) == [] )  // ß is not expanded: German users type ß
        #expect(index.matches(index.fold("straße")) == [1])
    }

    @Test func oneHitPerSessionAndFieldsDoNotRunTogether() {
        let index = SearchIndex([session("aa aa aa"), session("x", persons: ["Ann"], description: "b"), session("c")])
        #expect(index.matches(index.fold("a")) == [0, 1])
        #expect(index.matches(index.fold("annb")) == [])
    }

    @Test func narrowingMatchesAFreshSearch() {
        let titles = ["kernel", "kern", "keynote", "kiosk", "Kernel hacking", "café"]
        let index = SearchIndex(titles.map { session($0) })
        let k = index.matches(index.fold("k"))
        #expect(index.matches(index.fold("ker"), within: k) == index.matches(index.fold("ker")))
    }

    /// Typing narrows from where each session first matched the shorter query; that must find
    /// exactly what a fresh search finds, including hits after an earlier partial one.
    @Test func narrowingFromEarlierHitsMatchesAFreshSearch() {
        var random = SystemRandomNumberGenerator()
        let letters = Array("abké ")
        let titles = (0..<300).map { _ in String((0..<Int.random(in: 0...40, using: &random)).map { _ in letters.randomElement(using: &random)! }) }
        let index = SearchIndex(titles.map { session($0) } + [session("k ke kek")])
        for _ in 0..<200 {
            let query = index.fold(String((0..<Int.random(in: 1...6, using: &random)).map { _ in letters.randomElement(using: &random)! }))
            var hits = index.search(Array(query.prefix(1)))
            for length in 2...max(2, query.count) where length <= query.count {
                hits = index.search(Array(query.prefix(length)), within: hits)
            }
            #expect(hits == index.search(query), "\(query)")
            #expect(hits.sessions == titles.indices.filter { Self.hasWordsAtStarts(query, index.fold(titles[$0])) }
                    + (Self.hasWordsAtStarts(query, index.fold("k ke kek")) ? [titles.count] : []), "\(query)")
        }
    }

    /// The reference: every space-separated word of `query` occurs in `text` where no letter precedes it.
    static func hasWordsAtStarts(_ query: [UInt8], _ text: [UInt8]) -> Bool {
        query.split(separator: 0x20).allSatisfy { word in
            text.indices.contains { p in
                text[p...].starts(with: word) && (p == 0 || !(text[p - 1] >= 0x61 && text[p - 1] <= 0x7A))
            }
        }
    }

    @Test func highlightRangesAreInScalars() {
        var folding = SearchFolding()
        #expect(folding.matches(of: folding.fold("cafe"), in: "Le Café") == [3..<7])
        #expect(folding.matches(of: folding.fold("硬件"), in: "开源硬件与硬件") == [2..<4, 5..<7])
        #expect(folding.matches(of: folding.fold("KER"), in: "Kernel kerning, kERn") == [0..<3, 7..<10, 16..<19])
        // Only at word starts ("ker" in "bunker" is no hit), and overlapping hits merge.
        #expect(folding.matches(of: folding.fold("ker"), in: "bunker kernel") == [7..<10])
        #expect(folding.matches(of: folding.fold("aa"), in: "aaaaa") == [0..<2])
    }
}

@Suite struct ClashTests {
    func session(_ key: String, _ start: Double, _ end: Double) -> Session {
        Session(id: key, guid: key, title: key, start: Date(timeIntervalSince1970: start), end: Date(timeIntervalSince1970: end))
    }

    @Test func overlappingFavouritesClashAdjacentOnesDoNot() {
        let sessions = [session("a", 0, 100), session("b", 50, 60), session("c", 70, 200), session("d", 200, 300)]
        #expect(Clashes.find(in: sessions, chosen: ["a", "b", "c", "d"]) == [0, 1, 2])
        #expect(Clashes.find(in: sessions, chosen: ["b", "c", "d"]) == [])
        #expect(Clashes.find(in: sessions, chosen: ["a", "d"]) == [])
    }
}
