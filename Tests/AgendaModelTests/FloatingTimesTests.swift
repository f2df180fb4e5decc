import Foundation
import Testing
@testable import AgendaModel

/// A file that names no zone and gives no offsets (FOSDEM 2021 and older pentabarf exports):
/// times as published, never an invented GMT; `--zone` (`assigningZone`) places them.
@Suite struct FloatingTimesTests {
    @Test func aZoneLessFileIsFloatingAndValidateSaysSo() throws {
        let schedule = try PentabarfFixture.schedule()
        #expect(schedule.conference.floating)
        #expect(schedule.warnings.map(\.kind) == [.noTimeZone])
        #expect(schedule.warnings[0].message.contains("--zone"))
        #expect(try !PentabarfFixture.schedule(zone: "Europe/Brussels").conference.floating)
    }

    @Test func jsonHasNoOffsetAndNoZone() throws {
        let json = ScheduleJSONWriter.write(try PentabarfFixture.schedule())
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let conference = try #require(parsed?["conference"] as? [String: Any])
        #expect(conference["timeZone"] is NSNull)
        let sessions = try #require(parsed?["sessions"] as? [[String: Any]])
        #expect(sessions.first?["start"] as? String == "2021-02-06T09:30:00")
        #expect(sessions.first?["end"] as? String == "2021-02-06T10:00:00")
    }

    @Test func iCalendarWritesFloatingTimes() throws {
        let ics = ICalendarWriter.write(try PentabarfFixture.schedule(), stamp: Date(timeIntervalSince1970: 0))
        #expect(ics.contains("DTSTART:20210206T093000\r\n") && ics.contains("DTEND:20210206T100000\r\n"))
        #expect(!ics.contains("TZID") && !ics.contains("VTIMEZONE") && !ics.contains("X-WR-TIMEZONE"))
        // Read back: still floating, the same wall-clock times.
        let again = try ScheduleLoader.read(Data(ics.utf8), file: "out.ics")
        #expect(again.conference.floating)
        #expect(ScheduleJSONWriter.write(again).contains("\"start\": \"2021-02-06T09:30:00\""))
    }

    @Test func aZoneGivenLaterPlacesTheTimes() throws {
        let floating = try PentabarfFixture.schedule()
        let placed = floating.assigningZone(TimeZone(identifier: "Europe/Brussels")!)
        #expect(!placed.conference.floating && placed.warnings.isEmpty)
        #expect(placed.sessions[0].start == ISO8601DateFormatter().date(from: "2021-02-06T09:30:00+01:00"))
        #expect(placed.sessions.map(\.key) == floating.sessions.map(\.key))
        // The same as a file naming the zone itself.
        let named = try PentabarfFixture.schedule(zone: "Europe/Brussels")
        #expect(placed.sessions.map(\.start) == named.sessions.map(\.start))
        #expect(ScheduleJSONWriter.write(placed) == ScheduleJSONWriter.write(named))
        #expect(ICalendarWriter.write(placed, stamp: .distantPast).contains("DTSTART;TZID=Europe/Brussels:20210206T093000"))
    }

    @Test func aZoneGivenForAWrongOneKeepsTimesWithOffsets() throws {
        let schedule = try readXML("""
            <schedule><conference><title>T</title><time_zone_name>Europe/London</time_zone_name></conference>
            <day date="2024-01-01"><room name="A"><event id="1"><date>2024-01-01T10:00:00+01:00</date>
            <duration>00:30</duration><title>X</title></event></room></day></schedule>
            """)
        let berlin = schedule.assigningZone(TimeZone(identifier: "Europe/Berlin")!)
        #expect(berlin.sessions[0].start == schedule.sessions[0].start)
        #expect(berlin.timeZone.identifier == "Europe/Berlin")
    }

    @Test func offsetsAloneAreNotFloating() throws {
        let schedule = try readXML("""
            <schedule><conference><title>T</title></conference>
            <day date="2024-01-01"><room name="A"><event id="1"><date>2024-01-01T10:00:00+01:00</date>
            <duration>00:30</duration><title>X</title></event></room></day></schedule>
            """)
        #expect(!schedule.conference.floating && schedule.timeZone.secondsFromGMT() == 3600)
    }
}
