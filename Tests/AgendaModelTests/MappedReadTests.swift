import Foundation
import Testing
@testable import AgendaModel

/// A large schedule is read through a mapping given back as it is parsed, and its snapshot is
/// written as it is made: the same schedule and the same bytes as the copies they replace.
@Suite struct MappedReadTests {
    static func largeFile() throws -> String {
        try FrabXMLReadAheadTests.write(FrabXMLReadAheadTests.file(bytes: 5_000_000))
    }

    @Test func aMappedFileReadsAsItsCopyAndIsGivenBackAsItGoes() throws {
        let path = try Self.largeFile()
        defer { unlink(path) }
        let mapped = try #require(MappedSchedule(path: path))
        var released: [Range<Int>] = []
        let schedule = try ScheduleLoader.read(mapped.data, file: path) { released.append($0) }
        #expect(schedule == (try ScheduleLoader.load(path: path)))
        #expect(mapped.isIntact)
        #expect(mapped.digest() == ContentDigest(of: try Data(contentsOf: URL(fileURLWithPath: path))))
        // The UTF-8 check gives back the whole file; the parse then gives back what it passed, in order.
        let parse = released.drop { $0.upperBound < mapped.data.count }.dropFirst()
        #expect(parse.count >= 3)
        #expect(zip(parse, parse.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        #expect(parse.allSatisfy { !$0.isEmpty && $0.upperBound <= mapped.data.count })
    }

    /// Texts written aside as they are found read as those kept in memory; the file has no
    /// name, so nothing is left behind.
    @Test func textsWrittenAsideReadAsTextsKept() throws {
        let path = try Self.largeFile()
        defer { unlink(path) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-spill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let spill = try #require(TextSpill(directory: folder.path))
        let spilled = try ScheduleLoader.read(data, file: path, spill: spill)
        #expect(spill.count > 2 << 20)
        #expect(spilled == (try ScheduleLoader.read(data, file: path)))
        #expect(spilled.sessions.allSatisfy { $0.description?.contains("Second paragraph of") == true })
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        // Where a file cannot be made without a name: one whose name goes at once, alike.
        let named = try #require(TextSpill.unlinkedFile(in: folder.path))
        let fallback = TextSpill(descriptor: named)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        #expect(try ScheduleLoader.read(data, file: path, spill: fallback) == spilled)
        // Read once and given back (as the index and the snapshot read them): still readable.
        SessionText.readingOnce(spilled.sessions) { _, session in _ = session.abstract }
        #expect(spilled.sessions.last?.abstract?.hasPrefix("Abstract of") == true)
    }

    /// The day read ahead writes its texts aside too, each half to its own file: the same day.
    @Test func theDayReadAheadWritesItsTextsAsideAlike() throws {
        let path = try FrabXMLReadAheadTests.write(FrabXMLReadAheadTests.file())
        defer { unlink(path) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-spill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let now = FrabXMLReadAheadTests.at(day: 2)
        let plain = try #require(FrabXMLReadAhead.read(path: path, now: now, minimumBytes: 0))
        var made = 0
        let aside = try #require(FrabXMLReadAhead.read(path: path, now: now, minimumBytes: 0) {
            made += 1
            return TextSpill(directory: folder.path)
        })
        #expect(made == 2)
        #expect(aside.schedule == plain.schedule)
        #expect(aside.schedule.sessions.allSatisfy { $0.description?.contains("Second paragraph of") == true })
    }

    @Test func aSmallFileIsCopiedNotMapped() throws {
        let path = try FrabXMLReadAheadTests.write(FrabXMLReadAheadTests.file(bytes: 10_000))
        defer { unlink(path) }
        #expect(MappedSchedule(path: path) == nil)
        #expect(MappedSchedule(path: path, minimumBytes: 0) != nil)
    }

    @Test func aFileChangedOrCutShortAfterMappingIsNotIntact() throws {
        let path = try Self.largeFile()
        defer { unlink(path) }
        let grown = try #require(MappedSchedule(path: path))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("<!-- more -->\n".utf8))
        #expect(!grown.isIntact)
        let cut = try #require(MappedSchedule(path: path))
        handle.truncateFile(atOffset: 4096)
        handle.closeFile()
        // Read past the cut: zeros, not a crash, and the read is known to be damaged.
        let last: UInt8 = cut.data.withUnsafeBytes { $0.load(fromByteOffset: $0.count - 1, as: UInt8.self) }
        #expect(last == 0)
        #expect(!cut.isIntact)
    }

    /// A file rewritten while it is parsed gives no result: it is read again as a copy, and
    /// nothing of the mixed read is kept.
    @Test func aFileChangedDuringTheParseGivesNoResult() throws {
        let path = try Self.largeFile()
        defer { unlink(path) }
        let mapped = try #require(MappedSchedule(path: path))
        let changed = mapped.parsed { data, release throws(ScheduleError) -> Schedule in
            let schedule = try ScheduleLoader.read(data, file: path, release: release)
            try? Data("<!-- edited -->".utf8).write(to: URL(fileURLWithPath: path))
            return schedule
        }
        #expect(changed == nil)
        let again = try #require(MappedSchedule(path: path, minimumBytes: 0))
        let failed = again.parsed { data, _ throws(ScheduleError) in try ScheduleLoader.read(data, file: path) }
        guard case .failure(let error)? = failed else { Issue.record("expected the parse of an intact file to fail"); return }
        #expect(error.message.contains("not"))
    }

    /// A schedule that holds what a snapshot refuses writes nothing, and leaves nothing behind.
    @Test func aRefusedSnapshotLeavesNoFile() throws {
        var schedule = try ScheduleSnapshotTests.everyField()
        var sessions = schedule.sessions
        sessions[0].title = "a\u{1B}[2Jtitle"
        schedule = Schedule(conference: schedule.conference, sessions: sessions)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-refused-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(!ScheduleSnapshot.write(schedule, source: ContentDigest(of: Data()), build: "b", to: folder.appendingPathComponent("s.snap"), limit: 64 << 20))
        #expect((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] == [])
    }

    /// The snapshot written as it is made is the very bytes `encode` makes in memory: over a
    /// megabyte of texts (written out as it goes) and a small schedule (written at the end).
    @Test func aSnapshotWrittenAsItIsMadeIsTheEncodedSnapshot() throws {
        let path = try Self.largeFile()
        defer { unlink(path) }
        let digest = ContentDigest(of: Data("source".utf8))
        for schedule in [try ScheduleLoader.load(path: path), try ScheduleSnapshotTests.everyField()] {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-snap-\(UUID().uuidString)")
            defer { unlink(file.path) }
            #expect(ScheduleSnapshot.write(schedule, source: digest, build: ScheduleSnapshotTests.build, to: file, limit: 64 << 20))
            let written = try Data(contentsOf: file)
            let encoded = try #require(ScheduleSnapshot.encode(schedule, source: digest, build: ScheduleSnapshotTests.build))
            #expect(written == Data(encoded))
            #expect(ScheduleSnapshot.decode(written, source: digest, build: ScheduleSnapshotTests.build) == schedule)
        }
    }

    @Test func aSnapshotOverItsLimitIsNotLeftBehind() throws {
        let schedule = try ScheduleSnapshotTests.everyField()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-snaps-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("s.snap")
        #expect(!ScheduleSnapshot.write(schedule, source: ContentDigest(of: Data()), build: "b", to: file, limit: 200))
        #expect((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] == [])
    }
}
