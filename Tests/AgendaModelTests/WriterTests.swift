import Foundation
import Testing
@testable import AgendaModel

@Suite struct ScheduleJSONWriterTests {
    @Test func contract() throws {
        let schedule = try readXML("""
            <schedule><conference><title>T "q"</title><start>2024-12-27</start><end>2024-12-28</end>
            <time_zone_name>Europe/Berlin</time_zone_name></conference>
            <day date="2024-12-27"><room name="R">
            <event guid="g" id="1"><date>2024-12-27T10:30:00+01:00</date><duration>00:30</duration><title>A</title>
              <persons><person>Ann</person><person>Bo</person></persons><abstract>x
            y</abstract></event>
            </room></day>
            <day date="2024-12-28"><event id="2"><date>2024-12-29T01:00:00+01:00</date><title>Late</title><room>S</room></event></day>
            </schedule>
            """)
        let json = ScheduleJSONWriter.write(schedule)
        #expect(json == """
            {
              "conference": {"title": "T \\"q\\"", "timeZone": "Europe/Berlin", "start": "2024-12-27", "end": "2024-12-28", "rooms": ["R", "S"], "roomStreams": {}, "roomRecording": {}},
              "sessions": [
                {"id": "1", "guid": "g", "title": "A", "subtitle": null, "day": 1, "start": "2024-12-27T10:30:00+01:00", "end": "2024-12-27T11:00:00+01:00", "room": "R", "track": null, "type": null, "language": null, "persons": ["Ann", "Bo"], "abstract": "x\\ny", "description": null, "url": null, "change": null, "translations": {}, "links": [], "doNotRecord": null, "doNotStream": null, "notRecorded": false},
                {"id": "2", "guid": null, "title": "Late", "subtitle": null, "day": 2, "start": "2024-12-29T01:00:00+01:00", "end": "2024-12-29T01:00:00+01:00", "room": "S", "track": null, "type": null, "language": null, "persons": [], "abstract": null, "description": null, "url": null, "change": null, "translations": {}, "links": [], "doNotRecord": null, "doNotStream": null, "notRecorded": false}
              ]
            }

            """)
        // Valid JSON that Foundation reads too.
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((parsed?["sessions"] as? [Any])?.count == 2)
        #expect(ScheduleJSONWriter.write(schedule, sessions: []).hasSuffix("\"sessions\": []\n}\n"))
    }

    @Test(.enabled(if: SharedSchedules.available, SharedSchedules.missing))
    func everySharedFileWritesParseableJSON() throws {
        for file in ["38c3-schedule.xml", "35c3-schedule.json", "lca2020-conference.ics"] {
            try expectParseableJSON(SharedSchedules.load(file))
        }
    }

    @Test(arguments: Excerpts.files)
    func everyExcerptWritesParseableJSON(file: String) throws {
        try expectParseableJSON(Excerpts.load(file))
    }

    func expectParseableJSON(_ schedule: Schedule) throws {
        let json = ScheduleJSONWriter.write(schedule)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((parsed?["sessions"] as? [Any])?.count == schedule.sessions.count)
    }
}

@Suite struct ICalendarWriterTests {
    /// Everything iCalendar carries must come back; links have no property and are not written.
    func expectSameSessions(_ a: Schedule, _ b: Schedule, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.sessions.count == b.sessions.count, sourceLocation: sourceLocation)
        for (x, y) in zip(a.sessions, b.sessions) {
            var x = x, y = y
            x.links = []; y.links = []
            #expect(x == y, sourceLocation: sourceLocation)
            if x != y { break }
        }
    }

    @Test(.enabled(if: SharedSchedules.available, SharedSchedules.missing),
          arguments: ["38c3-schedule.xml", "fosdem-2025.xml", "35c3-schedule.json", "pretalx-democon.json", "lca2020-conference.ics"])
    func roundTrip(file: String) throws {
        try expectRoundTrip(SharedSchedules.load(file))
    }

    @Test(arguments: Excerpts.files)
    func roundTripOfExcerpt(file: String) throws {
        try expectRoundTrip(Excerpts.load(file))
    }

    func expectRoundTrip(_ original: Schedule) throws {
        let ics = ICalendarWriter.write(original, stamp: Date(timeIntervalSince1970: 0))
        let back = try ScheduleLoader.read(Data(ics.utf8), file: "back.ics")
        expectSameSessions(original, back)
        #expect(back.conference.title == original.conference.title)
        #expect(back.timeZone.secondsFromGMT(for: original.sessions[0].start) == original.timeZone.secondsFromGMT(for: original.sessions[0].start))
        #expect(back.days == original.days)
        #expect(back.conference.dayChange == original.conference.dayChange)
    }

    /// Calendars show DESCRIPTION and URL: speakers and the abstract belong there, not in
    /// ATTENDEE (guests with made-up addresses) or X-AGENDA-ABSTRACT (shown by none).
    @Test func calendarsSeeSpeakersAbstractAndDescription() throws {
        let session = Session(id: "7", title: "T", start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 60),
                              persons: ["Ann", "Bo"], abstract: "Short.", description: "Long text.", url: "https://x.example/7")
        let schedule = Schedule(conference: Conference(title: "C", timeZone: TimeZone(identifier: "UTC")!), sessions: [session])
        let ics = ICalendarWriter.write(schedule, stamp: Date(timeIntervalSince1970: 0))
        #expect(ics.contains("DESCRIPTION:Speakers: Ann\\, Bo\\n\\nShort.\\n\\nLong text.\r\n"))
        #expect(ics.contains("URL:https://x.example/7\r\n") && !ics.contains("ATTENDEE") && !ics.contains("invalid:nomail"))
        let back = try ScheduleLoader.read(Data(ics.utf8), file: "b.ics").sessions[0]
        #expect(back.persons == ["Ann", "Bo"] && back.abstract == "Short." && back.description == "Long text.")
    }

    /// A reminder per event for calendars (VALARM), and the events read back unchanged.
    @Test func alarmsAreWrittenAndIgnoredOnReading() throws {
        let session = Session(id: "7", title: "T, with; commas", start: Date(timeIntervalSince1970: 0),
                              end: Date(timeIntervalSince1970: 3600), description: "Long text.")
        let schedule = Schedule(conference: Conference(title: "C", timeZone: TimeZone(identifier: "UTC")!), sessions: [session])
        let ics = ICalendarWriter.write(schedule, stamp: Date(timeIntervalSince1970: 0), alarm: 20 * 60)
        #expect(ics.contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:T\\, with\\; commas\r\nTRIGGER:-PT20M\r\nEND:VALARM\r\nEND:VEVENT\r\n"))
        #expect(!ICalendarWriter.write(schedule, stamp: Date(timeIntervalSince1970: 0)).contains("VALARM"))
        let back = try ScheduleLoader.read(Data(ics.utf8), file: "b.ics").sessions
        #expect(back.count == 1 && back[0].title == session.title && back[0].description == "Long text.")
    }

    /// Scripts read `HH:MM-HH:MM` in the second field; a later end date has a field of its own.
    @Test func textTimeFieldKeepsItsShapeAcrossMidnight() {
        let zone = TimeZone(identifier: "Europe/Berlin")!
        let start = ISO8601DateFormatter().date(from: "2024-12-27T23:00:00+01:00")!
        let sessions = [Session(id: "1", title: "Late", start: start, end: start.addingTimeInterval(3600), room: "Saal 1"),
                        Session(id: "2", title: "Early", start: start.addingTimeInterval(-7200), end: start, room: nil)]
        let schedule = Schedule(conference: Conference(title: "C", timeZone: zone), sessions: sessions)
        let lines = ScheduleListing.text(schedule).split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(lines.map { $0.map(String.init) } == [["2024-12-27", "21:00-23:00", "-", "Early", "-"],
                                                     ["2024-12-27", "23:00-00:00", "Saal 1", "Late", "2024-12-28"]])
    }

    @Test func daySpecsNameNumbersDatesTodayAndTomorrow() throws {
        let zone = TimeZone(identifier: "Europe/Berlin")!
        let day = { (text: String) in ISO8601DateFormatter().date(from: text)! }
        let sessions = ["2024-12-27T10:00:00+01:00", "2024-12-28T10:00:00+01:00", "2024-12-29T10:00:00+01:00"].enumerated().map {
            Session(id: "\($0.offset)", title: "S", start: day($0.element), end: day($0.element).addingTimeInterval(3600))
        }
        let schedule = Schedule(conference: Conference(title: "C", timeZone: zone), sessions: sessions)
        let now = day("2024-12-28T14:00:00+01:00")
        #expect(DaySpec("2")?.dayIndex(in: schedule, now: now) == 1)
        #expect(DaySpec("2024-12-29")?.dayIndex(in: schedule, now: now) == 2)
        #expect(DaySpec("today")?.dayIndex(in: schedule, now: now) == 1)
        #expect(DaySpec("Tomorrow")?.dayIndex(in: schedule, now: now) == 2)
        #expect(DaySpec("tomorrow")?.dayIndex(in: schedule, now: day("2024-12-29T14:00:00+01:00")) == nil)
        #expect(DaySpec("2024-12-30")?.dayIndex(in: schedule, now: now) == nil)
        #expect(DaySpec("4")?.dayIndex(in: schedule, now: now) == nil)
        #expect(DaySpec("2024-13-01") == nil && DaySpec("friday") == .weekday(5) && DaySpec("someday") == nil)
    }

    @Test func foldsAt75OctetsWithoutSplittingCharacters() {
        let line = "SUMMARY:" + String(repeating: "é日😀a", count: 40)
        let folded = ICalendarWriter.fold(line)
        let physical = folded.components(separatedBy: "\r\n").dropLast()
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        #expect(physical.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(physical.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == line)
    }

    @Test func escapesAndCRLF() throws {
        let session = Session(id: "1", title: "a, b; c\\d", start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 60),
                              room: "R", persons: ["Doe, \"J\""], description: "x\ny")
        let schedule = Schedule(conference: Conference(title: "C", timeZone: TimeZone(identifier: "Europe/Berlin")!), sessions: [session])
        let ics = ICalendarWriter.write(schedule, stamp: Date(timeIntervalSince1970: 0))
        #expect(ics.contains("SUMMARY:a\\, b\\; c\\\\d\r\n"))
        #expect(ics.contains("DESCRIPTION:Speaker: Doe\\, \"J\"\\n\\nx\\ny\r\n"))
        #expect(ics.contains("X-AGENDA-PERSON:Doe\\, \"J\"\r\n") && !ics.contains("ATTENDEE"))
        #expect(ics.contains("DTSTART;TZID=Europe/Berlin:19700101T010000\r\n"))
        #expect(ics.contains("X-WR-TIMEZONE:Europe/Berlin\r\n"))
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let back = try ScheduleLoader.read(Data(ics.utf8), file: "b.ics")
        #expect(back.sessions[0].guid == nil)      // the key was not a guid
        #expect(back.sessions[0].key == session.key)
        #expect(back.sessions[0].persons == ["Doe, \"J\""])
    }

    @Test func vtimezoneIsExactForTheSpanWritten() throws {
        // Rename the zone so the reader must use the VTIMEZONE, not Foundation.
        let summer = Session(id: "s", title: "S", start: isoDate("2024-07-01T10:00:00+02:00"), end: isoDate("2024-07-01T11:00:00+02:00"), room: "R")
        let winter = Session(id: "w", title: "W", start: isoDate("2024-12-01T10:00:00+01:00"), end: isoDate("2024-12-01T11:00:00+01:00"), room: "R")
        let schedule = Schedule(conference: Conference(title: "C", timeZone: TimeZone(identifier: "Europe/Berlin")!), sessions: [summer, winter])
        let ics = ICalendarWriter.write(schedule).replacingOccurrences(of: "Europe/Berlin", with: "Our Zone")
        let back = try ScheduleLoader.read(Data(ics.utf8), file: "z.ics")
        #expect(back.sessions.map(\.start) == [summer.start, winter.start])
    }
}
