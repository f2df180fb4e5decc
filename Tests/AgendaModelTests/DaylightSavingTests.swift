import Foundation
import Testing
@testable import AgendaModel

/// RFC 5545 §3.3.5: a wall-clock time in a daylight-saving gap is read with the offset before
/// the gap; a repeated time is its first occurrence. Europe/Berlin skips 02:00–03:00 on
/// 30 March 2025 and repeats 02:00–03:00 on 26 October 2025.
@Suite struct DaylightSavingTests {
    static let berlin = TimeZone(identifier: "Europe/Berlin")!

    func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    func event(_ start: String, _ end: String, tzid: String = "Europe/Berlin", uid: String = "u") -> String {
        "BEGIN:VEVENT\r\nUID:\(uid)\r\nSUMMARY:S \(start)\r\nDTSTART;TZID=\(tzid):\(start)\r\nDTEND;TZID=\(tzid):\(end)\r\nEND:VEVENT\r\n"
    }

    /// The same zone as the file's own definition, as Outlook and Google write it.
    static let customZone = """
        BEGIN:VTIMEZONE\r
        TZID:Custom Berlin\r
        BEGIN:STANDARD\r
        DTSTART:19701025T030000\r
        RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r
        TZOFFSETFROM:+0200\r
        TZOFFSETTO:+0100\r
        END:STANDARD\r
        BEGIN:DAYLIGHT\r
        DTSTART:19700329T020000\r
        RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r
        TZOFFSETFROM:+0100\r
        TZOFFSETTO:+0200\r
        END:DAYLIGHT\r
        END:VTIMEZONE\r

        """

    @Test(arguments: ["Europe/Berlin", "Custom Berlin"])
    func anEndAtTheStartOfTheGapKeepsTheHour(tzid: String) throws {
        let schedule = try readICS(calendar(event("20250330T010000", "20250330T020000", tzid: tzid), head: Self.customZone))
        let session = schedule.sessions[0]
        #expect(session.start == utc("2025-03-30T00:00:00Z"))
        #expect(session.end == utc("2025-03-30T01:00:00Z"))   // 03:00 CEST: one hour, not zero
    }

    @Test(arguments: ["Europe/Berlin", "Custom Berlin"])
    func aTimeInTheGapIsReadWithTheOffsetBeforeItAndWarned(tzid: String) throws {
        let schedule = try readICS(calendar(event("20250330T023000", "20250330T040000", tzid: tzid), head: Self.customZone))
        #expect(schedule.sessions[0].start == utc("2025-03-30T01:30:00Z"))   // 03:30 CEST, not 01:30 CET
        #expect(schedule.warnings.contains { $0.kind == .nonexistentTime && $0.line != nil })
    }

    @Test(arguments: ["Europe/Berlin", "Custom Berlin"])
    func aRepeatedTimeIsItsFirstOccurrence(tzid: String) throws {
        let schedule = try readICS(calendar(event("20251026T023000", "20251026T033000", tzid: tzid), head: Self.customZone))
        let session = schedule.sessions[0]
        #expect(session.start == utc("2025-10-26T00:30:00Z"))   // 02:30 CEST, the first of the two
        #expect(session.end == utc("2025-10-26T02:30:00Z"))
        #expect(!schedule.warnings.contains { $0.kind == .nonexistentTime })
    }

    @Test func ordinaryTimesAreUnchanged() throws {
        let schedule = try readICS(calendar(event("20250715T100000", "20250715T110000") + event("20250115T100000", "20250115T110000", uid: "w"),
                                            head: Self.customZone))
        #expect(schedule.sessions.map(\.start) == [utc("2025-01-15T09:00:00Z"), utc("2025-07-15T08:00:00Z")])
        #expect(!schedule.warnings.contains { $0.kind == .nonexistentTime })
    }

    /// Floating times in a named zone (XML `start` + day date) go through the same rule.
    @Test func floatingTimesFollowTheSameRule() {
        let gap = LocalDateTime(year: 2025, month: 3, day: 30, hour: 2, minute: 30)
        #expect(gap.resolution(in: Self.berlin) == WallClock.Resolution(offset: 3600, inGap: true))
        #expect(gap.date(in: Self.berlin) == utc("2025-03-30T01:30:00Z"))
        let twice = LocalDateTime(year: 2025, month: 10, day: 26, hour: 2, minute: 30)
        #expect(twice.date(in: Self.berlin) == utc("2025-10-26T00:30:00Z"))
        // A zone east of UTC with a change in the southern spring: Sydney skips 02:00–03:00 on 5 October 2025.
        let sydney = TimeZone(identifier: "Australia/Sydney")!
        #expect(LocalDateTime(year: 2025, month: 10, day: 5, hour: 2, minute: 30).date(in: sydney) == utc("2025-10-04T16:30:00Z"))   // 03:30 AEDT
    }

    @Test func theDraftWarnsOfAFloatingStartInTheGap() throws {
        let json = #"{"schedule":{"conference":{"title":"C","time_zone_name":"Europe/Berlin","days":[{"date":"2025-03-30","rooms":{"R":["#
            + #"{"guid":"g","id":1,"start":"02:30","duration":"0:30","title":"Night talk","date":"2025-03-30T02:30:00"}]}}]}}}"#
        let schedule = try ScheduleLoader.read(Data(json.utf8), file: "gap.json")
        #expect(schedule.warnings.contains { $0.kind == .nonexistentTime })
        #expect(schedule.sessions[0].start == utc("2025-03-30T01:30:00Z"))
    }
}
