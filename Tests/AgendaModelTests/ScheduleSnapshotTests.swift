import Foundation
import Testing
@testable import AgendaModel

/// A snapshot gives back exactly the schedule it was made from, and nothing at all when it is
/// damaged, truncated, foreign or of another build.
@Suite struct ScheduleSnapshotTests {
    static let build = "test 1"

    /// Every field a reader can set, with values the fixtures may not have.
    static func everyField() throws -> Schedule {
        let (english, chinese) = try BothEditionsTests.pages()
        var schedule = try #require(Schedule.mergingEditions([english, chinese]))
        var conference = schedule.conference
        conference.shortTitle = "cacie"
        conference.url = "https://example.org/"
        conference.floating = true
        conference.roomGuids = ["g-1": "Room 201", "g-2": "Convention Hall No. 1"]
        conference.trackColours = ["Plenary": "#112233", "Forum": "#445566"]
        conference.rooms = ["Room 201", "Convention Hall No. 1", "Empty Room"]
        conference.roomStreams = ["Room 201": "s1", "Empty Room": "https://streaming.example.org/empty"]
        conference.roomRecording = ["Empty Room": "recording_forbidden"]
        var sessions = schedule.sessions
        sessions[0].links = [SessionLink(title: "Slides", url: "https://example.org/s.pdf", kind: .attachment),
                             SessionLink(url: "https://example.org/v", kind: .recording),
                             SessionLink(url: "https://example.org/f", kind: .feedback)]
        sessions[0].doNotRecord = true
        sessions[1].doNotRecord = false
        sessions[1].doNotStream = true
        sessions[0].wallClock = true
        sessions[0].persons = ["Ada", "Grace Hopper", "日本語"]
        sessions[0].abstract = "Two paragraphs.\n\nThe second — with ünïcödé and 📡."
        sessions[1].guid = "c0ffee"
        sessions[1].track = "Forum"
        sessions[1].type = "workshop"
        sessions[1].url = nil
        let warnings = schedule.warnings + [ScheduleWarning(.duplicateID, file: "en.txt", line: 7, message: "id \"1\" twice"),
                                            ScheduleWarning(.noTimeZone, file: "zh.txt", message: "no zone")]
        schedule = Schedule(conference: conference, sessions: sessions)
        schedule.warnings = warnings
        #expect(!schedule.sessions[0].translations.isEmpty)
        return schedule
    }

    static func roundTrip(_ schedule: Schedule) -> Schedule? {
        let digest = ContentDigest(of: Data("source".utf8))
        guard let bytes = ScheduleSnapshot.encode(schedule, source: digest, build: build) else { return nil }
        return ScheduleSnapshot.decode(bytes, source: digest, build: build)
    }

    @Test(arguments: Excerpts.files)
    func everyFixtureComesBackEqual(file: String) throws {
        let schedule = try Excerpts.load(file)
        #expect(Self.roundTrip(schedule) == schedule)
    }

    @Test func theBundledPlenaryComesBackEqual() throws {
        let schedule = BundledSchedule.load()
        let back = try #require(Self.roundTrip(schedule))
        #expect(back == schedule)
        #expect(back.days == schedule.days)
    }

    @Test func everyFieldComesBackEqual() throws {
        let schedule = try Self.everyField()
        let back = try #require(Self.roundTrip(schedule))
        #expect(back == schedule)
        #expect(back.sessions[0].wallClock)
        #expect(back.warnings == schedule.warnings)
        #expect(back.conference.trackColours["Forum"] == "#445566")
        #expect(back.sessions[0].links.map(\.kind) == [.attachment, .recording, .feedback])
        #expect(back.sessions[0].doNotRecord == true && back.sessions[1].doNotRecord == false)
        #expect(back.sessions[1].doNotStream == true && back.sessions[0].doNotStream == nil)
        #expect(back.conference.roomStreams["Room 201"] == "s1")
        #expect(back.conference.roomRecording == ["Empty Room": "recording_forbidden"])
    }

    /// The search index built from a loaded snapshot (texts still bytes, given back as read)
    /// finds what the parsed schedule's finds.
    @Test func searchFindsTheSameInALoadedSnapshot() throws {
        let schedule = try Excerpts.load("38c3-excerpt.xml")
        let back = try #require(Self.roundTrip(schedule))
        let parsed = SearchIndex(schedule.sessions), loaded = SearchIndex(back.sessions)
        for query in ["ccc", "the", "chaos", "ü", "geheimplan", "zzzz"] {
            #expect(loaded.matches(loaded.fold(query)) == parsed.matches(parsed.fold(query)), "\(query)")
        }
        #expect(!parsed.matches(parsed.fold("the")).isEmpty)
    }

    @Test func theSameScheduleGivesTheSameBytes() throws {
        let schedule = try Self.everyField()
        let digest = ContentDigest(of: Data("x".utf8))
        #expect(ScheduleSnapshot.encode(schedule, source: digest, build: Self.build)
                == ScheduleSnapshot.encode(schedule, source: digest, build: Self.build))
    }

    static func snapshot() throws -> (bytes: [UInt8], digest: ContentDigest) {
        let digest = ContentDigest(of: try Excerpts.data("38c3-excerpt.xml"))
        let bytes = try #require(ScheduleSnapshot.encode(try Excerpts.load("38c3-excerpt.xml"), source: digest, build: build))
        return (bytes, digest)
    }

    @Test func aTruncatedSnapshotIsRefused() throws {
        let (bytes, digest) = try Self.snapshot()
        #expect(ScheduleSnapshot.decode(bytes, source: digest, build: Self.build) != nil)
        let header = ScheduleSnapshot.headerSize
        for length in [0, 1, header - 1, header, header + 1, (header + bytes.count) / 2, bytes.count - 1] {
            #expect(ScheduleSnapshot.decode(Array(bytes.prefix(length)), source: digest, build: Self.build) == nil,
                    "cut to \(length) of \(bytes.count) bytes")
        }
    }

    @Test func aFlippedByteAnywhereIsRefused() throws {
        let (bytes, digest) = try Self.snapshot()
        // Every byte of the header, then about 300 places spread over the payload.
        let offsets = Array(0..<ScheduleSnapshot.headerSize)
            + Array(stride(from: ScheduleSnapshot.headerSize, to: bytes.count, by: max(1, bytes.count / 300))) + [bytes.count - 1]
        for offset in offsets {
            for flip: UInt8 in [0x01, 0x80] {
                var damaged = bytes
                damaged[offset] ^= flip
                #expect(ScheduleSnapshot.decode(damaged, source: digest, build: Self.build) == nil, "byte \(offset) ^ \(flip)")
            }
        }
    }

    @Test func aForeignFileOrAnotherBuildOrSourceIsRefused() throws {
        let (bytes, digest) = try Self.snapshot()
        let xml = try Excerpts.data("38c3-excerpt.xml")
        #expect(ScheduleSnapshot.decode(xml, source: digest, build: Self.build) == nil)
        #expect(ScheduleSnapshot.decode(bytes, source: digest, build: "test 2") == nil)
        #expect(ScheduleSnapshot.decode(bytes, source: ContentDigest(of: Data("other".utf8)), build: Self.build) == nil)
        // Another format version, with a header that is otherwise right.
        var version = bytes
        version[8] &+= 1
        #expect(ScheduleSnapshot.decode(version, source: digest, build: Self.build) == nil)
        // Bytes appended after a whole snapshot.
        #expect(ScheduleSnapshot.decode(bytes + [0], source: digest, build: Self.build) == nil)
    }

    /// A payload that passes its digest (written by someone, not damaged) is still checked
    /// field by field: what the sanitiser would remove never reaches the screen from here.
    @Test func aSealedPayloadWithUnsafeTextIsRefused() throws {
        let schedule = try Self.everyField()
        let digest = ContentDigest(of: Data("x".utf8))
        let good = try #require(SnapshotCoding.payload(schedule))
        #expect(ScheduleSnapshot.decode(ScheduleSnapshot.seal(good, source: digest, build: Self.build), source: digest, build: Self.build) == schedule)
        for unsafe in ["\u{1B}[2J", "a\u{202E}b", "line\nbreak", "tab\there", "\u{85}"] {
            var hostile = schedule
            var sessions = hostile.sessions
            sessions[1].title = unsafe
            hostile = Schedule(conference: hostile.conference, sessions: sessions)
            let payload = try #require(SnapshotCoding.payload(hostile, checking: false))
            #expect(ScheduleSnapshot.decode(ScheduleSnapshot.seal(payload, source: digest, build: Self.build), source: digest, build: Self.build) == nil,
                    "title \(unsafe.debugDescription)")
            #expect(ScheduleSnapshot.encode(hostile, source: digest, build: Self.build) == nil, "not written either")
        }
    }

    /// Long texts stay bytes until shown, and are checked then: a forged abstract with an
    /// escape sequence or bytes that are not UTF-8 is shown sanitised, never as it is.
    @Test func aForgedAbstractIsSanitisedWhenShown() throws {
        let schedule = try Self.everyField()
        let digest = ContentDigest(of: Data("x".utf8))
        var sessions = schedule.sessions
        sessions[1].abstract = "before\u{1B}]0;title\u{7}after \u{202E}reversed"
        sessions[1].description = "ok"
        let hostile = Schedule(conference: schedule.conference, sessions: sessions)
        var payload = try #require(SnapshotCoding.payload(hostile, checking: false))
        // "ok" made invalid UTF-8 in place (the string table holds it once).
        let ok = try #require(payload.firstRange(of: Array("ok".utf8)))
        payload[ok.lowerBound] = 0xFF
        let back = try #require(ScheduleSnapshot.decode(ScheduleSnapshot.seal(payload, source: digest, build: Self.build),
                                                        source: digest, build: Self.build))
        let abstract = try #require(back.sessions[1].abstract)
        #expect(abstract == Sanitizer.text("before\u{1B}]0;title\u{7}after \u{202E}reversed"))
        #expect(!abstract.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" || $0 == "\u{7}" })
        #expect(back.sessions[1].description == "\u{FFFD}k")
    }

    @Test func arbitrarySealedPayloadsAreRefusedWithoutACrash() throws {
        let (bytes, _) = try Self.snapshot()
        let payload = Array(bytes.dropFirst(ScheduleSnapshot.headerSize))
        let digest = ContentDigest(of: Data("x".utf8))
        var generator = SystemRandomNumberGenerator()
        // Cut and scrambled payloads, sealed so that only the field checks can refuse them.
        for cut in stride(from: 0, to: payload.count, by: max(1, payload.count / 200)) {
            var damaged = Array(payload.prefix(cut))
            if !damaged.isEmpty { damaged[Int.random(in: 0..<damaged.count, using: &generator)] ^= 0xFF }
            _ = ScheduleSnapshot.decode(ScheduleSnapshot.seal(damaged, source: digest, build: Self.build), source: digest, build: Self.build)
        }
        // A count that claims more than the bytes could hold sizes no allocation.
        let huge: [UInt8] = [0xFF, 0xFF, 0xFF, 0x7F]
        #expect(ScheduleSnapshot.decode(ScheduleSnapshot.seal(huge, source: digest, build: Self.build), source: digest, build: Self.build) == nil)
        #expect(ScheduleSnapshot.decode(ScheduleSnapshot.seal(Array(payload.prefix(payload.count - 1)), source: digest, build: Self.build),
                                        source: digest, build: Self.build) == nil)
    }

    @Test func changeMarksAreNotSnapshotted() throws {
        let schedule = try Excerpts.load("38c3-excerpt.xml")
        var sessions = schedule.sessions
        sessions[0].title = "Renamed"
        let tracked = ScheduleChanges.track(previous: schedule, current: Schedule(conference: schedule.conference, sessions: sessions))
        #expect(!tracked.changes.isEmpty)
        #expect(ScheduleSnapshot.encode(tracked, source: ContentDigest(of: Data()), build: Self.build) == nil)
    }

    /// Read block by block (a mapped snapshot gives pages back as it goes), the digest is the same.
    @Test func aDigestInBlocksIsTheDigest() {
        let bytes = (0..<5_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 3) }
        for length in [0, 1, 7, 8, 9, 63, 64, 65, 4_999, 5_000] {
            let part = Array(bytes.prefix(length))
            part.withUnsafeBytes { raw in
                let whole = ContentDigest(raw)
                for block in [1, 8, 24, 1_000, 1 << 20] {
                    var covered = 0
                    let blocks = ContentDigest(raw, every: block) { range in
                        #expect(range.lowerBound == covered)
                        covered = range.upperBound
                    }
                    #expect(blocks == whole, "length \(length), blocks of \(block)")
                    #expect(covered == length / 8 * 8)
                }
            }
        }
    }

    @Test func digestsRoundTripThroughHex() {
        let digest = ContentDigest(of: Data("abc".utf8))
        #expect(ContentDigest(hex: digest.description) == digest)
        #expect(ContentDigest(hex: "xyz") == nil)
        #expect(ContentDigest(hex: String(repeating: "g", count: 32)) == nil)
    }
}
