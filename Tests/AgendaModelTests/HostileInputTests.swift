import Foundation
import Testing
@testable import AgendaModel

/// Broken and hostile files: every one gives an error with a line, never a crash or a hang.
@Suite struct HostileInputTests {
    @Test(.enabled(if: SharedSchedules.available, SharedSchedules.missing),
          arguments: ["38c3-schedule.xml", "fosdem-2025.xml", "35c3-schedule.json", "pretalx-democon.json", "lca2020-conference.ics"])
    func truncatedFilesNameALine(file: String) throws {
        try expectTruncationsNameALine(SharedSchedules.data(file), file: file)
    }

    @Test(arguments: Excerpts.files)
    func truncatedExcerptsNameALine(file: String) throws {
        try expectTruncationsNameALine(Excerpts.data(file), file: file)
    }

    func expectTruncationsNameALine(_ data: Data, file: String) throws {
        for percent in [10, 50, 90] {
            let cut = data.prefix(data.count * percent / 100)
            do {
                _ = try ScheduleLoader.read(cut, file: file)
                Issue.record("\(file) cut at \(percent) % was read")
            } catch {
                #expect(error.line != nil && error.line! >= 1, "\(error)")
                #expect(error.description.hasPrefix("\(file):"))
            }
        }
    }

    @Test(arguments: [
        "", "   \n", "<", "<schedule", "{", "[", "{\"schedule\":", "BEGIN:VCALENDAR", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n",
        "<schedule><day date='x'/></schedule>", "<?xml?>", "<!DOCTYPE x [", "\u{FEFF}<schedule/>",
        "<schedule><event><date>2024-99-99T10:00:00Z</date></event></schedule>", "{\"a\":\"\\u12\"}",
    ])
    func garbageIsAnErrorOrAnEmptySchedule(text: String) {
        do {
            let schedule = try ScheduleLoader.read(Data(text.utf8), file: "g")
            #expect(schedule.sessions.isEmpty)
        } catch {
            #expect(error.kind == .malformed)
            #expect(error.line != nil)
        }
    }

    @Test func everyPrefixOfASmallFileIsSafe() throws {
        let xml = Data("""
            <?xml version="1.0"?><schedule><conference><title>T</title></conference><day date="2024-01-01">
            <room name="R"><event guid="g" id="1"><date>2024-01-01T10:00:00+01:00</date><duration>00:30</duration>
            <title>A &amp; B</title><persons><person>P</person></persons></event></room></day></schedule>
            """.utf8)
        for length in 0..<xml.count { _ = try? ScheduleLoader.read(xml.prefix(length), file: "p.xml") }
        let ics = ICalendarWriter.write(try ScheduleLoader.read(xml, file: "p.xml"))
        for length in 0..<ics.utf8.count { _ = try? ScheduleLoader.read(Data(ics.utf8.prefix(length)), file: "p.ics") }
        let json = Data(#"{"schedule":{"conference":{"title":"T","days":[{"date":"2024-01-01","rooms":{"R":[{"id":1,"date":"2024-01-01T10:00:00Z","duration":"0:30","title":"A"}]}}]}}}"#.utf8)
        for length in 0..<json.count { _ = try? ScheduleLoader.read(json.prefix(length), file: "p.json") }
    }
}

/// Issue 8 item 2 at the model level: each hostile file gives a clear `ScheduleError` (or reads
/// correctly), and is never expanded, fetched or held in many copies. The time limit only
/// catches a hang (a reader gone quadratic), generous enough for the sanitizers; speed is
/// measured in scripts/bench.py.
@Suite(.timeLimit(.minutes(5))) struct HostileFileTests {
    /// Reads `data`, expecting an error whose message holds `fragment`.
    static func expectError(_ data: Data, _ fragment: String, line: Int? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let schedule = try ScheduleLoader.read(data, file: "hostile")
            Issue.record("read \(schedule.sessions.count) sessions, expected an error with \"\(fragment)\"", sourceLocation: sourceLocation)
        } catch {
            #expect(error.kind == .malformed, sourceLocation: sourceLocation)
            #expect(error.message.contains(fragment), "\(error)", sourceLocation: sourceLocation)
            #expect(error.line != nil, "\(error)", sourceLocation: sourceLocation)
            if let line { #expect(error.line == line, "\(error)", sourceLocation: sourceLocation) }
        }
    }

    /// `count` bytes of `filler` between `prefix` and `suffix`, built in one buffer.
    static func oneLine(_ prefix: String, _ filler: UInt8, count: Int, _ suffix: String) -> Data {
        let head = Data(prefix.utf8), tail = Data(suffix.utf8)
        var data = Data(repeating: filler, count: head.count + count + tail.count)
        data.replaceSubrange(0..<head.count, with: head)
        data.replaceSubrange((data.count - tail.count)..<data.count, with: tail)
        return data
    }

    @Test func emptyAndBlankFilesSayEmpty() {
        Self.expectError(Data(), "empty", line: 1)
        Self.expectError(Data("  \n\t\r\n".utf8), "empty", line: 1)
        Self.expectError(Data([0xEF, 0xBB, 0xBF]), "empty", line: 1)
    }

    @Test func randomBytesAreAnError() {
        var state: UInt64 = 0xBAD5EED
        func next() -> UInt8 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        for size in [1, 2, 7, 64, 1000, 65_536, 1_000_000] {
            for _ in 0..<(size > 100_000 ? 2 : 20) {
                let data = Data((0..<size).map { _ in next() })
                do {
                    _ = try ScheduleLoader.read(data, file: "random")
                    // A random first byte may be "<" or "{"; even then nothing random reads.
                    Issue.record("\(size) random bytes read as a schedule")
                } catch {
                    #expect(error.kind == .malformed && error.line != nil, "\(error)")
                }
            }
        }
    }

    @Test(arguments: [
        ("xml", "<schedule><conference><title>ab", "</title></conference></schedule>"),
        ("json", #"{"schedule":{"conference":{"title":"ab"#, #"","days":[]}}}"#),
        ("ics", "BEGIN:VCALENDAR\r\nX-WR-CALNAME:ab", "\r\nEND:VCALENDAR\r\n"),
        ("cacie", "Title\nTime: October 22 09:00-22 12:00,2021\n\nab", "\n"),
    ])
    func invalidUTF8IsAnErrorWithItsPlace(format: String, prefix: String, suffix: String) {
        let data = Data(prefix.utf8) + Data([0xC3, 0x28, 0xFF]) + Data(suffix.utf8)
        let line = prefix.utf8.filter { $0 == 0x0A }.count + 1
        Self.expectError(data, "UTF-8", line: line)
    }

    /// A 100 MB line of junk: refused after one pass, without a copy per stage.
    @Test func hundredMegabyteLineOfJunk() {
        Self.expectError(Self.oneLine("", UInt8(ascii: "x"), count: 100_000_000, ""), "not a schedule", line: 1)
    }

    /// A 100 MB field on one line in each format: read, with the field intact.
    @Test(arguments: [
        ("<schedule><conference><title>", "</title></conference></schedule>"),
        (#"{"schedule":{"conference":{"title":""#, #"","days":[]}}}"#),
        ("BEGIN:VCALENDAR\r\nX-WR-CALNAME:", "\r\nEND:VCALENDAR\r\n"),
    ])
    func hundredMegabyteFieldOnOneLine(prefix: String, suffix: String) throws {
        let size = 100_000_000
        let schedule = try ScheduleLoader.read(Self.oneLine(prefix, UInt8(ascii: "a"), count: size, suffix), file: "long")
        #expect(schedule.conference.title.utf8.count == size)
    }

    @Test func hundredThousandNestedElementsInEveryFormat() {
        Self.expectError(Data(("<schedule>" + String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000) + "</schedule>").utf8),
                         "nested more than", line: 1)
        Self.expectError(Data((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8), "nested more than", line: 1)
        Self.expectError(Data((String(repeating: #"{"a":"#, count: 100_000) + "1" + String(repeating: "}", count: 100_000)).utf8),
                         "nested more than", line: 1)
        // iCalendar components nest without a stack limit of ours: 100,000 open ones are simply never ended.
        let ics = "BEGIN:VCALENDAR\r\n" + String(repeating: "BEGIN:X\r\n", count: 100_000)
        Self.expectError(Data(ics.utf8), "never ended")
    }

    @Test func entityDeclarationsAreRefusedNeverExpandedOrFetched() {
        // Billion laughs with parameter entities, an external DTD and external parameter entities:
        // refused at the first declaration, before anything could be expanded or fetched.
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE schedule SYSTEM "http://127.0.0.1:9/evil.dtd" [
              <!ENTITY % remote SYSTEM "file:///etc/passwd">
              %remote;
              <!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
              <!ENTITY xxe SYSTEM "file:///etc/hostname">
            ]>
            <schedule><day date="2024-01-01"><room name="&c;"><event id="1"><date>2024-01-01T10:00:00Z</date>
            <title>&xxe;&c;</title><abstract>&xxe;</abstract></event></room></day></schedule>
            """
        Self.expectError(Data(xml.utf8), "declares an entity", line: 3)
    }

    @Test func numbersNoFieldCanHoldAreRefused() {
        let head = #"{"schedule":{"conference":{"title":"T","days":[{"date":"2024-01-01","rooms":{"R":[{"id":"#
        let tail = #","date":"2024-01-01T10:00:00Z","title":"x"}]}}]}}}"#
        Self.expectError(Data((head + String(repeating: "9", count: 1_000_000) + tail).utf8), "1000000 characters long", line: 1)
        Self.expectError(Data((head + "1e999999999" + tail).utf8), "exponent 1000000", line: 1)
        Self.expectError(Data((head + "1\n,\"x\":-0.0e-400" + tail).utf8), "exponent -400", line: 2)
        Self.expectError(Data("[-]".utf8), "malformed number", line: 1)
    }

    @Test func numbersAtTheEdgeOfRangeAreRead() throws {
        let json = #"{"schedule":{"conference":{"title":"T","days":[{"date":"2024-01-01","rooms":{"R":[{"id":1.7976931348623157e308,"#
            + #""date":"2024-01-01T10:00:00Z","duration":"00:30","title":"x","lat":-4.9e-308}]}}]}}}"#
        let schedule = try ScheduleLoader.read(Data(json.utf8), file: "n.json")
        #expect(schedule.sessions.count == 1)
        #expect(schedule.sessions[0].duration == 30 * 60)
    }

    @Test(arguments: [
        ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20240101T100000Z\r\nSUMMARY:x\r\n", "BEGIN:VEVENT is never ended", 2),
        ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20240101T100000Z\r\nEND:VEVENT\r\n", "BEGIN:VCALENDAR is never ended", 1),
        ("BEGIN:VCALENDAR\r\nBEGIN:VTIMEZONE\r\nTZID:X\r\nBEGIN:STANDARD\r\nEND:VTIMEZONE\r\nEND:VCALENDAR\r\n", "BEGIN:STANDARD is never ended", 4),
        ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VTODO\r\nEND:VCALENDAR\r\n", "END:VTODO does not close BEGIN:VEVENT", 3),
        ("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nEND:VCALENDAR\r\n", "END:VCALENDAR closes nothing", 3),
    ])
    func unterminatedCalendarComponents(ics: String, message: String, line: Int) {
        Self.expectError(Data(ics.utf8), message, line: line)
    }

    /// Found while fuzzing, beyond the fuzzers' input length: a DURATION of 20,000 × `999999999W`
    /// overflowed Int (a trap, so a crash of the whole program), and an RRULE `BYDAY` ordinal
    /// near Int.max overflowed the weekday arithmetic. Both now read as unreadable values.
    @Test func calendarArithmeticCannotOverflow() throws {
        let duration = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20240101T100000Z\r\nDURATION:P"
            + String(repeating: "999999999W", count: 20_000) + "\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let long = try ScheduleLoader.read(Data(duration.utf8), file: "d.ics")
        #expect(long.sessions[0].duration == 0)
        #expect(long.warnings.contains { $0.message.contains("cannot read DURATION") })

        for ordinal in ["9223372036854775807", "-9223372036854775807", "6", "-6"] {
            let rule = """
                BEGIN:VCALENDAR\r\nBEGIN:VTIMEZONE\r\nTZID:Odd/Zone\r\nBEGIN:STANDARD\r\nDTSTART:19701025T030000\r
                TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=\(ordinal)SU\r\nEND:STANDARD\r
                END:VTIMEZONE\r\nBEGIN:VEVENT\r\nDTSTART;TZID=Odd/Zone:20240101T100000\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n
                """
            let schedule = try ScheduleLoader.read(Data(rule.utf8), file: "r.ics")
            #expect(schedule.sessions.count == 1)
        }
        #expect(ICalendarZone.nthWeekday(year: 2024, month: 10, ordinal: .max, weekday: 0) == nil)
        #expect(ICalendarZone.nthWeekday(year: 2024, month: 10, ordinal: .min + 1, weekday: 0) == nil)
        #expect(ICalendarZone.nthWeekday(year: 2024, month: 10, ordinal: -1, weekday: 0) == 27)
    }
}
