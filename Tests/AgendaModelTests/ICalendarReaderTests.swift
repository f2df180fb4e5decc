import Foundation
import Testing
@testable import AgendaModel

func readICS(_ text: String) throws(ScheduleError) -> Schedule {
    try ScheduleLoader.read(Data(text.utf8), file: "s.ics")
}

func calendar(_ body: String, head: String = "") -> String {
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n\(head)\(body)END:VCALENDAR\r\n"
}

@Suite struct ICalendarReaderTests {
    @Test func foldInsideAMultiByteCharacter() throws {
        // "Café" with the fold between the two bytes of "é": invalid UTF-8 until unfolded.
        let data = Data("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20240101T100000Z\r\nSUMMARY:Caf".utf8)
            + Data([0xC3, 0x0D, 0x0A, 0x20, 0xA9]) + Data("\r\n\tbar\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".utf8)
        let schedule = try ScheduleLoader.read(data, file: "f.ics")
        #expect(schedule.sessions[0].title == "Cafébar")
    }

    @Test func lineEndingsLFAndStrayCR() throws {
        let schedule = try readICS("BEGIN:VCALENDAR\nBEGIN:VEVENT\rDTSTART:20240101T100000Z\nSUMMARY:A\r\nEND:VEVENT\nEND:VCALENDAR")
        #expect(schedule.sessions.map(\.title) == ["A"])
    }

    @Test func textEscapesParametersAndFields() throws {
        let schedule = try readICS(calendar("""
            BEGIN:VEVENT\r
            UID:u-1\r
            DTSTART:20240101T100000Z\r
            DURATION:PT1H30M\r
            SUMMARY:a\\, b\\; c \\\\ d\r
            DESCRIPTION:line 1\\nline 2\\N\\nMarkdown *stays*\r
            LOCATION;LANGUAGE=en:Hall "A"\r
            CATEGORIES:Security,Other\r
            ORGANIZER;CN="Doe, Jane: the first";ROLE=CHAIR:mailto:jane@example.org\r
            ATTENDEE;CUTYPE=INDIVIDUAL;CN=Bob:mailto:bob@example.org\r
            ATTENDEE:mailto:anonymous@example.org\r
            URL:https://example.org/a?b=c;d\r
            BEGIN:VALARM\r
            DESCRIPTION:not the event's\r
            END:VALARM\r
            END:VEVENT\r

            """, head: "X-WR-CALNAME:My Conf\r\n"))
        #expect(schedule.conference.title == "My Conf")
        let s = schedule.sessions[0]
        #expect(s.title == "a, b; c \\ d")
        #expect(s.description == "line 1\nline 2\n\nMarkdown *stays*")
        #expect(s.room == "Hall \"A\"")
        #expect(s.track == "Security")
        #expect(s.persons == ["Doe, Jane: the first", "Bob"])
        #expect(s.url == "https://example.org/a?b=c;d")
        #expect(s.guid == "u-1")
        #expect(s.duration == 5400)
        #expect(schedule.timeZone.secondsFromGMT() == 0)
    }

    @Test func charsetLatin1() throws {
        let data = Data("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20240101T100000Z\r\nSUMMARY;CHARSET=ISO-8859-1:Caf".utf8)
            + Data([0xE9]) + Data("\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".utf8)
        #expect(try ScheduleLoader.read(data, file: "l.ics").sessions[0].title == "Café")
    }

    @Test func olsonTZIDWithoutVTIMEZONE() throws {
        let schedule = try readICS(calendar("BEGIN:VEVENT\r\nDTSTART;TZID=Australia/Brisbane;VALUE=DATE-TIME:20200114T070000\r\nDTEND;TZID=\"Australia/Brisbane\":20200114T090000\r\nSUMMARY:x\r\nEND:VEVENT\r\n"))
        #expect(schedule.sessions[0].start == isoDate("2020-01-14T07:00:00+10:00"))
        #expect(schedule.sessions[0].end == isoDate("2020-01-14T09:00:00+10:00"))
        #expect(schedule.timeZone.identifier == "Australia/Brisbane")   // the dominant TZID
    }

    @Test func customTZIDFromVTIMEZONEWithDaylightRules() throws {
        let zone = """
            BEGIN:VTIMEZONE\r
            TZID:Custom Berlin\r
            BEGIN:DAYLIGHT\r
            DTSTART:19810329T020000\r
            RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r
            TZOFFSETFROM:+0100\r
            TZOFFSETTO:+0200\r
            END:DAYLIGHT\r
            BEGIN:STANDARD\r
            DTSTART:19961027T030000\r
            RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r
            TZOFFSETFROM:+0200\r
            TZOFFSETTO:+0100\r
            END:STANDARD\r
            END:VTIMEZONE\r

            """
        let schedule = try readICS(calendar(zone + """
            BEGIN:VEVENT\r
            DTSTART;TZID=Custom Berlin:20240715T100000\r
            SUMMARY:summer\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            DTSTART;TZID=Custom Berlin:20241227T100000\r
            SUMMARY:winter\r
            END:VEVENT\r

            """))
        #expect(schedule.sessions[0].start == isoDate("2024-07-15T10:00:00+02:00"))
        #expect(schedule.sessions[1].start == isoDate("2024-12-27T10:00:00+01:00"))
        #expect(schedule.warnings.filter { $0.kind == .unknownTimeZone }.isEmpty)
    }

    @Test func floatingTimesAreVenueTimes() throws {
        let schedule = try readICS(calendar("BEGIN:VEVENT\r\nDTSTART:20240101T100000\r\nDTEND:20240101T110000\r\nSUMMARY:f\r\nEND:VEVENT\r\n",
                                            head: "X-WR-TIMEZONE:Asia/Kolkata\r\n"))
        #expect(schedule.timeZone.identifier == "Asia/Kolkata")
        #expect(schedule.sessions[0].start == isoDate("2024-01-01T10:00:00+05:30"))
    }

    @Test func allDayEventsAndDayDurations() throws {
        let schedule = try readICS(calendar("""
            BEGIN:VEVENT\r
            DTSTART;VALUE=DATE:20240101\r
            SUMMARY:all day\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            DTSTART:20240102T100000Z\r
            DURATION:P1D\r
            SUMMARY:one day\r
            END:VEVENT\r

            """, head: "X-WR-TIMEZONE:UTC\r\n"))
        #expect(schedule.sessions[0].start == isoDate("2024-01-01T00:00:00Z"))
        #expect(schedule.sessions[0].duration == 86400)
        #expect(schedule.sessions[1].duration == 86400)
    }

    @Test func unknownTZIDWarns() throws {
        let schedule = try readICS(calendar("BEGIN:VEVENT\r\nDTSTART;TZID=Nowhere/Else:20240101T100000\r\nSUMMARY:x\r\nLOCATION:R\r\nEND:VEVENT\r\n"))
        #expect(schedule.warnings.map(\.kind) == [.unknownTimeZone])
        #expect(schedule.warnings[0].line == 4)
    }

    @Test func errorsNameTheLine() {
        expectError(line: 3, "BEGIN:VEVENT is never ended") {
            try readICS("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VCALENDAR\r\n")
        }
        expectError(line: 3, "cannot read DTSTART \"tomorrow\"") {
            try readICS("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:tomorrow\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
        }
        expectError(line: 2, "has no DTSTART") { try readICS("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n") }
        expectError(line: 4, "SUMMARY is not valid UTF-8") {
            try ScheduleLoader.read(Data("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20240101T100000Z\r\nSUMMARY:a".utf8) + Data([0xFF]) + Data("\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".utf8), file: "x.ics")
        }
    }

    /// Events are read in a second pass from where each starts: a folded BEGIN, a lower-case
    /// alarm inside the event, and lines numbered from the event's own start must all survive it.
    @Test func eventsReadInPlaceKeepNestingFoldsAndLineNumbers() throws {
        let schedule = try readICS(calendar("""
            BEGIN:VEV\r
             ENT\r
            DTSTART:20240101T100000Z\r
            SUMMARY:Talk\r
            begin:valarm\r
            SUMMARY:Alarm text\r
            DESCRIPTION:not the talk's\r
            end:valarm\r
            DESCRIPTION:The t\r
             alk\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            DTSTART:20240101T110000Z\r
            SUMMARY:Second\r
            END:VEVENT\r

            """))
        #expect(schedule.sessions.map(\.title) == ["Talk", "Second"])
        #expect(schedule.sessions[0].description == "The talk")
        expectError(line: 18, "cannot read DTSTART \"later\"") {
            try readICS(calendar("BEGIN:VEVENT\r\nDTSTART:20240101T100000Z\r\nSUMMARY:a\r\n DESCRIPTION:b\r\nEND:VEVENT\r\n"
                + String(repeating: "X-A:1\r\n", count: 8) + "BEGIN:VEVENT\r\nSUMMARY:b\r\nDTSTART:later\r\nEND:VEVENT\r\n"))
        }
    }

    /// A VTIMEZONE after the events that use it still places them: events are read once the
    /// whole calendar's structure is known.
    @Test func zoneDefinedAfterItsEvents() throws {
        let schedule = try readICS(calendar("""
            BEGIN:VEVENT\r
            DTSTART;TZID=Venue:20240101T100000\r
            SUMMARY:x\r
            LOCATION:R\r
            END:VEVENT\r
            BEGIN:VTIMEZONE\r
            TZID:Venue\r
            BEGIN:STANDARD\r
            DTSTART:19700101T000000\r
            TZOFFSETFROM:+0300\r
            TZOFFSETTO:+0300\r
            END:STANDARD\r
            END:VTIMEZONE\r

            """))
        #expect(schedule.sessions[0].start == Date(timeIntervalSince1970: 1_704_092_400))   // 07:00 UTC
        #expect(schedule.warnings.isEmpty)
    }

    @Test func unescapeCopiesRunsBetweenBackslashes() {
        #expect(ICalendarLine.unescape("a\\,b\\;c\\nd\\Ne\\\\f\\x é\\") == "a,b;c\nd\ne\\fx é\\")
        #expect(ICalendarLine.unescape("plain") == "plain")
    }

    /// Line breaks are found by looking ahead for CR and LF: files with only one kind, or
    /// both mixed, split the same.
    @Test func onlyCROnlyLFAndMixedBreaks() throws {
        let body = ["BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART:20240101T100000Z", "SUMMARY:A", " b", "END:VEVENT",
                    "BEGIN:VEVENT", "DTSTART:20240101T110000Z", "SUMMARY:C", "END:VEVENT", "END:VCALENDAR"]
        for text in [body.joined(separator: "\r"), body.joined(separator: "\n"),
                     zip(body, ["\r", "\n", "\r\n"].cycled(body.count)).map { $0 + $1 }.joined()] {
            #expect(try readICS(text).sessions.map(\.title) == ["Ab", "C"])
        }
    }
}

private extension Array {
    func cycled(_ count: Int) -> [Element] { (0..<count).map { self[$0 % self.count] } }
}
