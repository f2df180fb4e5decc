import Foundation
import Testing
@testable import AgendaModel

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
        try store.save(["b", "a", "guid-ü"])
        #expect(store.load().keys == ["a", "b", "guid-ü"])
        try store.save(["a"])
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
        #expect(throws: (any Error).self) { try store.save(["a"]) }
    }
}

@Suite struct SearchIndexTests {
    func session(_ title: String, persons: [String] = [], description: String? = nil) -> Session {
        Session(id: title, title: title, start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 60),
                persons: persons, description: description)
    }

    @Test func foldsCaseAndDiacritics() {
        var index = SearchIndex([session("Crème Brûlée"), session("Straße"), session("ÉCOLE")])
        #expect(index.matches(index.fold("creme brulee")) == [0])
        #expect(index.matches(index.fold("école")) == [2])
        #expect(index.matches(index.fold("STRASSE")) == [] )  // ß is not expanded: German users type ß
        #expect(index.matches(index.fold("straße")) == [1])
    }

    @Test func oneHitPerSessionAndFieldsDoNotRunTogether() {
        var index = SearchIndex([session("aa aa aa"), session("x", persons: ["Ann"], description: "b"), session("c")])
        #expect(index.matches(index.fold("a")) == [0, 1])
        #expect(index.matches(index.fold("annb")) == [])
    }

    @Test func narrowingMatchesAFreshSearch() {
        let titles = ["kernel", "kern", "keynote", "kiosk", "Kernel hacking", "café"]
        var index = SearchIndex(titles.map { session($0) })
        let k = index.matches(index.fold("k"))
        #expect(index.matches(index.fold("ker"), within: k) == index.matches(index.fold("ker")))
    }

    /// Typing narrows from where each session first matched the shorter query; that must find
    /// exactly what a fresh search finds, including hits after an earlier partial one.
    @Test func narrowingFromEarlierHitsMatchesAFreshSearch() {
        var random = SystemRandomNumberGenerator()
        let letters = Array("abké ")
        let titles = (0..<300).map { _ in String((0..<Int.random(in: 0...40, using: &random)).map { _ in letters.randomElement(using: &random)! }) }
        var index = SearchIndex(titles.map { session($0) } + [session("k ke kek")])
        for _ in 0..<200 {
            let query = index.fold(String((0..<Int.random(in: 1...6, using: &random)).map { _ in letters.randomElement(using: &random)! }))
            var hits = index.search(Array(query.prefix(1)))
            for length in 2...max(2, query.count) where length <= query.count {
                hits = index.search(Array(query.prefix(length)), within: hits)
            }
            #expect(hits == index.search(query), "\(query)")
            #expect(hits.sessions == titles.indices.filter { index.fold(titles[$0]).firstRange(of: query) != nil }
                    + (index.fold("k ke kek").firstRange(of: query) != nil ? [titles.count] : []), "\(query)")
        }
    }

    @Test func highlightRangesAreInScalars() {
        var folding = SearchFolding()
        #expect(folding.matches(of: folding.fold("cafe"), in: "Le Café") == [3..<7])
        #expect(folding.matches(of: folding.fold("硬件"), in: "开源硬件与硬件") == [2..<4, 5..<7])
        #expect(folding.matches(of: folding.fold("KER"), in: "Kernel kerning, kERn") == [0..<3, 7..<10, 16..<19])
        #expect(folding.matches(of: folding.fold("aa"), in: "aaaaa") == [0..<2, 2..<4])
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
