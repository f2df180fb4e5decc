import Foundation
import Testing
@testable import AgendaModel

/// A kept search index finds exactly what a built one finds; its key changes with every searched
/// field and with nothing else; a damaged, truncated, foreign or forged one is refused.
@Suite struct SearchIndexFileTests {
    static let build = "test 1"

    static func sessions() throws -> [Session] {
        try ScheduleSnapshotTests.everyField().sessions + Excerpts.load("38c3-excerpt.xml").sessions
    }

    /// The index's file, as `write` leaves it.
    static func fileBytes(_ index: SearchIndex, key: ContentDigest, build: String = build) throws -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-index-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("x.index")
        try SearchIndexFile.write(index, key: key, build: build, to: file)
        return try [UInt8](Data(contentsOf: file))
    }

    static let queries = ["ccc", "the", "chaos", "ü", "geheimplan", "zzzz", "room", "日本", "ada", "grace hop", "中", "教育", "convention hall"]

    /// Built straight into its file, the corpus written as it is folded, an index is the very
    /// bytes `write` gives the one built in memory: small, and past the megabyte it writes at a time.
    @Test func anIndexBuiltIntoItsFileIsTheIndexWritten() throws {
        let large = try MappedReadTests.largeFile()
        defer { unlink(large) }
        for sessions in [try Self.sessions(), try ScheduleLoader.load(path: large).sessions] {
            let key = SearchIndexFile.key(of: sessions)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-index-\(UUID().uuidString)")
            defer { unlink(file.path) }
            let made = try #require(SearchIndexFile.build(sessions, key: key, build: Self.build, to: file, limit: 64 << 20))
            #expect(try [UInt8](Data(contentsOf: file)) == (try Self.fileBytes(SearchIndex(sessions), key: key)))
            for query in Self.queries + ["kernel", "talk 12"] {
                #expect(made.matches(made.fold(query)) == SearchIndex(sessions).matches(made.fold(query)), "\(query)")
            }
        }
    }

    /// Asked to stop (the program is ending), a build gives up and leaves no file.
    @Test func aBuildAskedToStopLeavesNothing() throws {
        let sessions = try Self.sessions()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-index-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let index = SearchIndexFile.build(sessions, key: SearchIndexFile.key(of: sessions), build: Self.build,
                                          to: folder.appendingPathComponent("x.index"), limit: 64 << 20, until: { true })
        #expect(index == nil)
        #expect((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] == [])
    }

    @Test func aKeptIndexFindsWhatABuiltOneFinds() throws {
        let sessions = try Self.sessions()
        let key = SearchIndexFile.key(of: sessions)
        let built = SearchIndex(sessions)
        let kept = try #require(SearchIndexFile.load(try Self.fileBytes(built, key: key), key: key, build: Self.build,
                                                     sessions: sessions.count))
        var found = 0
        for query in Self.queries {
            let hits = built.matches(built.fold(query))
            #expect(kept.matches(kept.fold(query)) == hits, "\(query)")
            found += hits.count
        }
        #expect(found > 10)
        // Letter by letter, each search within the one before, as typing does.
        var builtHits: SearchHits?, keptHits: SearchHits?
        for length in 1..."convention".count {
            let query = built.fold(String("convention".prefix(length)))
            builtHits = built.search(query, within: builtHits)
            keptHits = kept.search(query, within: keptHits)
            #expect(keptHits?.sessions == builtHits?.sessions)
        }
        #expect(builtHits?.sessions.isEmpty == false)
    }

    @Test func theKeyFollowsEverySearchedFieldAndNothingElse() throws {
        let sessions = try Self.sessions()
        let key = SearchIndexFile.key(of: sessions)
        let edits: [(String, (inout Session) -> Void)] = [
            ("title", { $0.title += "x" }), ("subtitle", { $0.subtitle = "new" }), ("room", { $0.room = "Hall 9" }),
            ("track", { $0.track = "New" }), ("persons", { $0.persons.append("Lin") }),
            ("abstract", { $0.abstract = ($0.abstract ?? "") + "." }), ("description", { $0.description = "d" }),
            ("translation", { $0.translations[0].title += "新" }),
        ]
        for (name, edit) in edits {
            var changed = sessions
            edit(&changed[0])
            #expect(SearchIndexFile.key(of: changed) != key, "\(name)")
        }
        #expect(SearchIndexFile.key(of: Array(sessions.reversed())) != key)
        // The same fields, split otherwise between two sessions (a translation moved on).
        let start = Date(timeIntervalSince1970: 1_735_290_000)
        var bare = Session(id: "1", title: "", start: start, end: start)
        var translated = bare
        translated.translations = [SessionTranslation(bare, language: "zh")]
        bare.id = "2"
        #expect(SearchIndexFile.key(of: [translated, bare]) != SearchIndexFile.key(of: [bare, translated]))
        #expect(SearchIndexFile.key(of: Array(sessions.dropLast())) != key)
        // Times and links are not searched: the same index serves.
        var moved = sessions
        moved[0].start += 3600
        moved[0].links = []
        #expect(SearchIndexFile.key(of: moved) == key)
        // The same sessions loaded from a snapshot (long texts still bytes): the same key.
        let schedule = try ScheduleSnapshotTests.everyField()
        let loaded = try #require(ScheduleSnapshotTests.roundTrip(schedule))
        #expect(SearchIndexFile.key(of: loaded.sessions) == SearchIndexFile.key(of: schedule.sessions))
    }

    @Test func aDamagedOrForeignIndexIsRefused() throws {
        let sessions = try Self.sessions()
        let key = SearchIndexFile.key(of: sessions)
        let good = try Self.fileBytes(SearchIndex(sessions), key: key)
        func loads(_ bytes: [UInt8], key: ContentDigest = key, build: String = SearchIndexFileTests.build, sessions count: Int = sessions.count) -> Bool {
            SearchIndexFile.load(bytes, key: key, build: build, sessions: count) != nil
        }
        #expect(loads(good))
        for length in [0, 1, 63, 64, 65, 71, 72, good.count / 2, good.count - 1] {
            #expect(!loads(Array(good.prefix(length))), "truncated to \(length)")
        }
        #expect(!loads(good + [0]))
        let offsets = Array(0..<64) + stride(from: 64, to: good.count, by: max(1, good.count / 300)).map { $0 }
        for offset in offsets {
            var flipped = good
            flipped[offset] ^= 0x10
            #expect(!loads(flipped), "byte \(offset) flipped")
        }
        #expect(!loads(good, key: ContentDigest(high: 1, low: 2)))
        #expect(!loads(good, build: "test 2"))
        #expect(!loads(good, sessions: sessions.count - 1))
        // A forged index with a correct digest but bounds out of order or past the corpus.
        let layout = IndexLayout(sessions: sessions.count)
        for (session, value) in [(1, UInt32.max), (sessions.count, UInt32(0)), (2, UInt32(0))] {
            var payload = Array(good[64...])
            withUnsafeBytes(of: value) { payload.replaceSubrange((layout.bounds + 4 * session - 64)..<(layout.bounds + 4 * session - 60), with: $0) }
            #expect(!loads(SearchIndexFile.seal(payload, key: key, build: Self.build)), "bound \(session) = \(value)")
        }
        // A forged vocabulary: a posting that names no session, word or posting starts out of order.
        let tailStart = good.withUnsafeBytes { $0.count - IndexBytes.halves(of: $0)!.tail.count }
        let vocabulary = try #require(good.withUnsafeBytes { VocabularyLayout.read(UnsafeRawBufferPointer(rebasing: $0[tailStart...]), at: 0) })
        #expect(vocabulary.count > 100)
        for (offset, value) in [(vocabulary.postings, UInt32(sessions.count)), (vocabulary.wordStarts + 4, UInt32.max),
                                (vocabulary.postingStarts + 4 * vocabulary.count, UInt32(0))] {
            var payload = Array(good[64...])
            withUnsafeBytes(of: value) { payload.replaceSubrange((tailStart + offset - 64)..<(tailStart + offset - 60), with: $0) }
            #expect(!loads(SearchIndexFile.seal(payload, key: key, build: Self.build)), "vocabulary at \(offset) = \(value)")
        }
        #expect(loads(SearchIndexFile.seal(Array(good[64...]), key: key, build: Self.build)))
    }

    /// A kept index is never changed in place by this program; if something else rewrites it
    /// under the mapping, searches give wrong hits but read nothing outside it.
    @Test func anIndexRewrittenUnderItsMappingReadsNothingOutside() throws {
        let sessions = try Self.sessions()
        let key = SearchIndexFile.key(of: sessions)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-index-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("x.index")
        try SearchIndexFile.write(SearchIndex(sessions), key: key, build: Self.build, to: file)
        let mapping = try #require(MappedFile(path: file.path, limit: 1 << 30))
        let index = try #require(SearchIndexFile.load(mapping, key: key, build: Self.build, sessions: sessions.count))
        // Everything after the header overwritten in place with numbers all over the range:
        // bounds, starts and postings now point far beyond the ends, each differently.
        var junk: [UInt8] = []
        for k in 0..<((mapping.bytes.count - 64) / 4) { withUnsafeBytes(of: UInt32(truncatingIfNeeded: k &* 2_654_435_761)) { junk += $0 } }
        let handle = try FileHandle(forWritingTo: file)
        try handle.seek(toOffset: 64)
        try handle.write(contentsOf: Data(junk))
        try handle.close()
        for query in Self.queries + ["ch", "c", "chaos ccc"] {
            #expect(index.matches(index.fold(query)).allSatisfy { $0 < sessions.count })
        }
    }
}

/// The vocabulary answers queries of letters and digits; every other query scans the text. Both
/// must find exactly what a plain reading of the rule finds: each word of the query begins a
/// word of the session's text (CJK and symbols: anywhere).
@Suite struct SearchIndexAgreesWithTheRuleTests {
    /// The rule, read plainly: fold each field, look for each word of the query.
    static func reference(_ query: String, in sessions: [Session]) -> [Int] {
        var folding = SearchFolding()
        let words = WordStart.words(of: folding.fold(query))
        guard !words.isEmpty else { return Array(sessions.indices) }
        return sessions.indices.filter { index in
            var text: [UInt8] = []
            for field in SearchIndex.fields(of: sessions[index]) {
                guard let value = field.text, !value.isEmpty else { continue }
                folding.append(value, to: &text)
                text.append(0)
            }
            return words.allSatisfy { word in
                text.indices.contains { at in
                    text[at...].starts(with: word) && (!WordStart.needsWordStart(word) || WordStart.isWordStart(text, at: at, from: 0))
                }
            }
        }
    }

    @Test(arguments: ["38c3-excerpt.xml", "fosdem-excerpt.xml", "lca2020-excerpt.ics"])
    func everyPrefixOfEveryTitleWord(file: String) throws {
        let sessions = try Excerpts.load(file).sessions + ScheduleSnapshotTests.everyField().sessions
        let index = SearchIndex(sessions)
        let words = Set(sessions.flatMap { $0.title.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init) })
        var queries = Set(words.flatMap { word in (1...min(4, word.count)).map { String(word.prefix($0)) } })
        queries.formUnion(["c++", "node.js", "e-mail", "(", "中", "教育", "ü", "é", "ß", "the ch", "2024", "x y z", ".", "0"])
        var found = 0
        for query in queries.sorted() {
            let expected = Self.reference(query, in: sessions)
            #expect(index.matches(index.fold(query)) == expected, "\(query)")
            found += expected.count
        }
        #expect(found > queries.count)
    }
}

@Suite struct SearchFoldingFastPathTests {
    /// The ideographs folded without a look-up fold exactly as the general rule folds them.
    @Test func ideographsFoldToThemselvesAsTheRuleSays() {
        for value in Array(0x3400...0x4DBF) + Array(0x4E00...0x9FFF) {
            let scalar = Unicode.Scalar(UInt32(value))!
            #expect(SearchFolding.isUnifiedIdeograph(scalar.value))
            if SearchFolding.decomposedAndLowered(scalar) != Array(String(scalar).utf8) {
                Issue.record("U+\(String(value, radix: 16)) folds otherwise")
                return
            }
        }
        #expect(!SearchFolding.isUnifiedIdeograph(0xF900))   // a compatibility ideograph decomposes
    }
}

/// The one FNV-1a: the published test vectors, so that cache folder names and format tags stay
/// what earlier builds wrote.
@Suite struct FNV1aTests {
    @Test func publishedVectors() {
        #expect(FNV1a.hash("") == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a.hash("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(FNV1a.hash("foobar") == 0x8594_4171_f739_67e8)
    }
}
