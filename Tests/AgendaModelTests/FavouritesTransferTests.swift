import Foundation
import Testing
@testable import AgendaModel

/// Stars written in every format read back to the same sessions; a calendar app's export,
/// bare ids and half-remembered titles match what they can and say what they cannot.
@Suite struct FavouritesTransferTests {
    static func schedule() throws -> Schedule {
        try readXML("""
        <schedule><conference><title>Transfer Con</title><acronym>tc</acronym><time_zone_name>Europe/Berlin</time_zone_name></conference>
        <day date="2024-12-27"><room name="Saal 1">
        <event guid="g-1" id="1"><date>2024-12-27T10:00:00+01:00</date><duration>00:30</duration><title>Opening</title></event>
        <event guid="g-2" id="2"><date>2024-12-27T11:00:00+01:00</date><duration>01:00</duration><title>Café Ünïcode</title></event>
        <event id="3"><date>2024-12-27T12:00:00+01:00</date><duration>00:30</duration><title>No guid here</title></event>
        <event guid="g-4" id="4"><date>2024-12-27T14:00:00+01:00</date><duration>00:30</duration><title>Rust in Space</title></event>
        </room></day></schedule>
        """)
    }

    @Test(arguments: FavouritesTransfer.Format.allCases)
    func everyFormatRoundTrips(format: FavouritesTransfer.Format) throws {
        let schedule = try Self.schedule()
        let starred: Set<String> = ["g-2", "3", "g-4"]
        let written = FavouritesTransfer.write(schedule, favourites: starred, format: format)
        let entries = try FavouritesTransfer.read(Data(written.utf8), file: "stars.\(format.rawValue)")
        let outcome = FavouritesTransfer.match(entries, in: schedule)
        #expect(Set(outcome.matched) == starred && outcome.matched.count == 3)
        #expect(outcome.unmatched.isEmpty)
        // Matching again gives the same: an import is idempotent.
        #expect(FavouritesTransfer.match(entries, in: schedule).matched == outcome.matched)
    }

    /// Files saved by Windows tools start with a byte-order mark: every format still reads.
    @Test(arguments: FavouritesTransfer.Format.allCases)
    func aByteOrderMarkIsNotPartOfTheList(format: FavouritesTransfer.Format) throws {
        let schedule = try Self.schedule()
        let written = FavouritesTransfer.write(schedule, favourites: ["g-2", "g-4"], format: format)
        let entries = try FavouritesTransfer.read(Data([0xEF, 0xBB, 0xBF] + Array(written.utf8)), file: "stars.\(format.rawValue)")
        #expect(Set(FavouritesTransfer.match(entries, in: schedule).matched) == ["g-2", "g-4"])
    }

    /// Two sessions share an id (their keys are `id|start`): our own calendar export stars
    /// the one starred, not the other.
    @Test func aCalendarOfSessionsThatShareAnIdStarsTheRightOne() throws {
        let schedule = try readXML("""
        <schedule><conference><title>Twice</title><acronym>tw</acronym><time_zone_name>Europe/Berlin</time_zone_name></conference>
        <day date="2024-12-27"><room name="Saal 1">
        <event id="7"><date>2024-12-27T10:00:00+01:00</date><duration>00:30</duration><title>Morning run</title></event>
        <event id="7"><date>2024-12-27T15:00:00+01:00</date><duration>00:30</duration><title>Afternoon run</title></event>
        </room></day></schedule>
        """)
        let morning = try #require(schedule.sessions.first { $0.title == "Morning run" }?.key)
        let written = FavouritesTransfer.write(schedule, favourites: [morning], format: .ics)
        let entries = try FavouritesTransfer.read(Data(written.utf8), file: "stars.ics")
        #expect(FavouritesTransfer.match(entries, in: schedule).matched == [morning])
    }

    @Test func textListsTakeKeysGuidsIdsAndSkipComments() throws {
        let entries = try FavouritesTransfer.read(Data("# mine\n\ng-1\n  4  \n3\t# 2024-12-27 12:00 No guid here\ng-1\nzzz\n".utf8), file: "l.txt")
        #expect(entries.map(\.identifier) == ["g-1", "4", "3", "g-1", "zzz"])
        #expect(entries.map(\.line) == [3, 4, 5, 6, 7])
        let outcome = FavouritesTransfer.match(entries, in: try Self.schedule())
        #expect(outcome.matched == ["g-1", "g-4", "3"])
        #expect(outcome.unmatched.map(\.entry.identifier) == ["zzz"])
    }

    /// A calendar app's export: its own UIDs, times in UTC and in a TZID, titles with other
    /// case, one talk renamed since: matched by title and start, the renamed one reported
    /// with the nearest title.
    @Test func anotherAppsCalendarMatchesByTitleAndStart() throws {
        let ics = """
        BEGIN:VCALENDAR\r
        PRODID:-//Google Inc//Google Calendar 70.9054//EN\r
        VERSION:2.0\r
        CALSCALE:GREGORIAN\r
        X-WR-CALNAME:My congress\r
        BEGIN:VEVENT\r
        DTSTART:20241227T100000Z\r
        DTEND:20241227T110000Z\r
        DTSTAMP:20241201T120000Z\r
        UID:5f1c0a2e9b8d@google.com\r
        SUMMARY:café ünïcode\r
        LOCATION:Saal 1\r
        END:VEVENT\r
        BEGIN:VEVENT\r
        DTSTART;TZID=Europe/Berlin:20241227T140000\r
        DTEND;TZID=Europe/Berlin:20241227T143000\r
        UID:other-app-7@example.net\r
        SUMMARY:Rust in  Space\r
        END:VEVENT\r
        BEGIN:VEVENT\r
        DTSTART:20241227T090000Z\r
        DTEND:20241227T093000Z\r
        UID:g-1\r
        SUMMARY:Something else entirely\r
        END:VEVENT\r
        BEGIN:VEVENT\r
        DTSTART:20241227T150000Z\r
        DTEND:20241227T153000Z\r
        UID:lost@example.net\r
        SUMMARY:Rust in Spaces\r
        END:VEVENT\r
        END:VCALENDAR\r

        """
        let entries = try FavouritesTransfer.read(Data(ics.utf8), file: "google.ics")
        let outcome = FavouritesTransfer.match(entries, in: try Self.schedule())
        #expect(outcome.matched == ["g-1", "g-2", "g-4"])   // g-1 by its UID, the others by title and start
        #expect(outcome.unmatched.count == 1)
        #expect(outcome.unmatched.first?.entry.title == "Rust in Spaces")
        #expect(outcome.unmatched.first?.nearest.first == "Rust in Space")
    }

    @Test func listJSONAndBareStringsRead() throws {
        let schedule = try Self.schedule()
        let listing = ScheduleJSONWriter.write(schedule, sessions: [1])
        #expect(FavouritesTransfer.match(try FavouritesTransfer.read(Data(listing.utf8), file: "l.json"), in: schedule).matched == ["g-2"])
        let bare = #"{"favourites": ["g-4", 3, {"title": "Opening", "start": "2024-12-27T09:00:00Z"}]}"#
        #expect(FavouritesTransfer.match(try FavouritesTransfer.read(Data(bare.utf8), file: "b.json"), in: schedule).matched == ["g-4", "g-1"])
    }

    @Test func badInputSaysWhereAndWhat() {
        #expect(throws: ScheduleError.self) { try FavouritesTransfer.read(Data("{\"nope\": 1}".utf8), file: "x.json") }
        #expect(throws: ScheduleError.self) { try FavouritesTransfer.read(Data("{not json".utf8), file: "x.json") }
        #expect(throws: ScheduleError.self) { try FavouritesTransfer.read(Data([0x67, 0xFF, 0xFE]), file: "x.txt") }
        // Control characters never survive into an identifier or a title.
        let entries = (try? FavouritesTransfer.read(Data("g-1\u{1B}[2J\t# 2024-12-27 10:00 T\u{7}itle\n".utf8), file: "x.txt")) ?? []
        #expect(entries.first?.identifier?.unicodeScalars.contains { $0.value < 0x20 } == false)
        #expect(entries.first?.title?.unicodeScalars.contains { $0.value < 0x20 } == false)
    }
}
