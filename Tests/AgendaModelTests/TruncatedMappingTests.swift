import Foundation
import Testing
@testable import AgendaModel

/// A cache file cut short in place while it is mapped (`truncate -s 4096`): reading the lost
/// pages raised SIGBUS and ended the program. They now read as zeros, the mapping says it is
/// damaged, and a snapshot or index read through it gives blank texts or wrong hits, never a
/// crash (`MappingFaults`).
@Suite struct TruncatedMappingTests {
    static let build = "test 1"

    /// A fresh folder under the temporary directory, and a file in it.
    static func file(_ name: String) -> (folder: URL, file: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-mapping-\(UUID().uuidString)")
        return (folder, folder.appendingPathComponent(name))
    }

    @Test func theLostPagesReadAsZeros() throws {
        let (folder, file) = Self.file("x.bin")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(repeating: 0xAB, count: 65_536 + 100).write(to: file)
        let mapping = try #require(MappedFile(path: file.path, limit: 1 << 20))
        let other = try #require(MappedFile(path: file.path, limit: 1 << 20))
        #expect(mapping.bytes[8192] == 0xAB)
        #expect(truncate(file.path, 4096) == 0)
        #expect(mapping.bytes[100] == 0xAB)   // still in the file
        #expect(mapping.bytes[8192] == 0)
        #expect(mapping.bytes[mapping.bytes.count - 1] == 0)
        #expect(mapping.bytes[20_000] == 0)
        #expect(mapping.isDamaged)
        #expect(!other.isDamaged)   // each mapping its own
        #expect(other.bytes[40_000] == 0)
        #expect(other.isDamaged)
    }

    @Test func aSnapshotCutShortAfterLoadingShowsBlankTexts() throws {
        let (folder, file) = Self.file("x.snap")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let schedule = try Excerpts.load("38c3-excerpt.xml")
        let digest = ContentDigest(of: try Excerpts.data("38c3-excerpt.xml"))
        try Data(try #require(ScheduleSnapshot.encode(schedule, source: digest, build: Self.build))).write(to: file)
        let mapping = try #require(MappedFile(path: file.path, limit: 1 << 30))
        #expect(mapping.bytes.count > 3 * 4096)
        let loaded = try #require(ScheduleSnapshot.decode(mapping, source: digest, build: Self.build))
        #expect(truncate(file.path, 4096) == 0)
        // The long texts are still bytes of the mapping: made now, past the cut they are zeros, sanitised away.
        for session in loaded.sessions {
            for text in [session.abstract, session.description].compactMap({ $0 }) {
                #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
            }
        }
        #expect(mapping.isDamaged)
        // Loaded again from the file, it is refused.
        let again = try #require(MappedFile(path: file.path, limit: 1 << 30))
        #expect(ScheduleSnapshot.decode(again, source: digest, build: Self.build) == nil)
    }

    @Test func anIndexCutShortUnderItsMappingGivesWrongHitsNotACrash() throws {
        let (folder, file) = Self.file("x.index")
        defer { try? FileManager.default.removeItem(at: folder) }
        let sessions = try SearchIndexFileTests.sessions()
        let key = SearchIndexFile.key(of: sessions)
        try SearchIndexFile.write(SearchIndex(sessions), key: key, build: Self.build, to: file)
        let mapping = try #require(MappedFile(path: file.path, limit: 1 << 30))
        #expect(mapping.bytes.count > 3 * 4096)
        let index = try #require(SearchIndexFile.load(mapping, key: key, build: Self.build, sessions: sessions.count))
        #expect(truncate(file.path, 4096) == 0)
        for query in SearchIndexFileTests.queries + ["kern", "ch", "c", "chaos ccc"] {
            #expect(index.matches(index.fold(query)).allSatisfy { $0 < sessions.count })
        }
        #expect(mapping.isDamaged)
    }
}
