import Foundation
import Testing
@testable import AgendaModel

func readXML(_ text: String, file: String = "s.xml") throws(ScheduleError) -> Schedule {
    try ScheduleLoader.read(Data(text.utf8), file: file)
}

/// Expects a `ScheduleError` on `line` whose message contains `fragment`.
func expectError(line: Int?, _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation,
                 _ body: () throws -> Schedule) {
    do {
        _ = try body()
        Issue.record("expected an error containing \"\(fragment)\"", sourceLocation: sourceLocation)
    } catch let error as ScheduleError {
        #expect(error.kind == .malformed, sourceLocation: sourceLocation)
        if let line { #expect(error.line == line, "\(error)", sourceLocation: sourceLocation) }
        #expect(error.message.contains(fragment), "\(error)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
    }
}

@Suite struct FrabXMLReaderTests {
    let c3voc = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- a comment -->
        <schedule>
          <generator name="x"/>
          <conference>
            <acronym>tc</acronym><title>Test &amp; Conf</title>
            <start>2024-12-27</start><end>2024-12-28</end>
            <time_zone_name>Europe/Berlin</time_zone_name>
            <unknown><nested>ignored</nested></unknown>
          </conference>
          <day index="1" date="2024-12-27" start="2024-12-27T10:00:00+01:00" end="2024-12-28T06:00:00+01:00">
            <room name="Saal 1">
              <event guid="g-1" id="7">
                <date>2024-12-27T10:30:00+01:00</date>
                <start>99:99</start>
                <duration>0:45</duration>
                <room>Saal 1</room>
                <title><![CDATA[Tom & <Jerry>]]></title>
                <subtitle/>
                <track>Security</track><type>lecture</type><language>de, en</language>
                <abstract>Caf&#233; &#x1F600; &lt;3</abstract>
                <description>&lt;p&gt;One&lt;/p&gt;&lt;ul&gt;&lt;li&gt;a&lt;/li&gt;&lt;li&gt;b&lt;/li&gt;&lt;/ul&gt;</description>
                <url>https://example.org/7</url>
                <persons><person id="1">Ada</person><person guid="p2">Grace Hopper</person></persons>
                <links><link href="https://example.org/slides">Slides</link></links>
                <future_field a="b">whatever</future_field>
              </event>
              <event guid="g-2" id="8">
                <date>2024-12-28T01:00:00+01:00</date>
                <duration>01:00:30</duration>
                <title>Late</title>
              </event>
            </room>
          </day>
        </schedule>
        """

    @Test func c3vocLayout() throws {
        let schedule = try readXML(c3voc)
        #expect(schedule.conference.title == "Test & Conf")
        #expect(schedule.timeZone.identifier == "Europe/Berlin")
        #expect(schedule.sessions.count == 2)
        let s = schedule.sessions[0]
        #expect(s.title == "Tom & <Jerry>")
        #expect(s.subtitle == nil)
        #expect(s.start == isoDate("2024-12-27T10:30:00+01:00"))   // <date> wins over a bad <start>
        #expect(s.end == isoDate("2024-12-27T11:15:00+01:00"))
        #expect(s.room == "Saal 1")
        #expect(s.language == "de, en")
        #expect(s.abstract == "Café 😀 <3")
        #expect(s.description == "One\n\n• a\n• b")
        #expect(s.persons == ["Ada", "Grace Hopper"])
        #expect(s.links == [SessionLink(title: "Slides", url: "https://example.org/slides")])
        #expect(s.guid == "g-1" && s.id == "7")
        let late = schedule.sessions[1]
        #expect(late.room == "Saal 1")     // from the enclosing <room name>
        #expect(late.duration == 3630)
        #expect(schedule.days.count == 1)  // 01:00 belongs to the day before
        #expect(schedule.warnings.isEmpty)
    }

    @Test func oldPentabarfEventsUnderDay() throws {
        let schedule = try readXML("""
            <schedule><conference><title>Old</title><day_change>09:00</day_change>
            <time_zone_name>Europe/Brussels</time_zone_name></conference>
            <day index="1" date="2010-02-06">
              <event id="1"><start>10:00</start><duration>00:30</duration><room>Janson</room><title>A</title></event>
              <event id="2"><start>02:00</start><duration>1:00</duration><room>Bar</room><title>Night</title></event>
            </day></schedule>
            """)
        #expect(schedule.sessions.map(\.title) == ["A", "Night"])
        #expect(schedule.sessions[0].start == isoDate("2010-02-06T10:00:00+01:00"))
        #expect(schedule.sessions[1].start == isoDate("2010-02-07T02:00:00+01:00"))  // before day_change: next morning
        #expect(schedule.days.count == 1)
        #expect(schedule.conference.dayChange == DateComponents(hour: 9, minute: 0))
    }

    @Test func repeatedIDsAndGUIDsAreKeptWithWarnings() throws {
        let event = #"<event guid="same" id="1"><date>2024-01-01T10:00:00Z</date><duration>00:10</duration><room>R</room><title>T</title></event>"#
        let schedule = try readXML("<schedule><day date=\"2024-01-01\"><room name=\"R\">\n\(event)\n\(event)\n</room></day></schedule>")
        #expect(schedule.sessions.count == 2)
        #expect(schedule.warnings.map(\.kind) == [.duplicateID, .duplicateGUID])
        #expect(schedule.warnings[0].line == 3)
        #expect(schedule.warnings[0].message.contains("first on line 2"))
    }

    @Test func endBeforeStartAndMissingRoomWarn() throws {
        let schedule = try readXML(#"<schedule><day date="2024-01-01"><event id="1"><date>2024-01-01T10:00:00Z</date><duration>-1:00</duration><title>T</title></event></day></schedule>"#)
        #expect(schedule.sessions.count == 1)
        #expect(schedule.warnings.contains { $0.kind == .missingRoom })
        #expect(schedule.warnings.contains { $0.kind == .ignoredValue })   // "-1:00" is not a duration
    }

    @Test func unknownZoneWarnsAndUsesOffsets() throws {
        let schedule = try readXML(#"<schedule><conference><time_zone_name>Mars/Olympus</time_zone_name></conference><day date="2024-01-01"><event id="1"><date>2024-01-01T10:00:00+05:30</date><room>R</room><title>T</title></event></day></schedule>"#)
        #expect(schedule.warnings.map(\.kind) == [.unknownTimeZone])
        #expect(schedule.timeZone.secondsFromGMT() == 19800)   // half-hour offset kept
        #expect(ScheduleJSONWriter.isoTime(schedule.sessions[0].start, schedule.timeZone) == "2024-01-01T10:00:00+05:30")
    }

    @Test func utcTimesForAVenueElsewhereShowVenueTime() throws {
        let schedule = try readXML(#"<schedule><conference><time_zone_name>Asia/Kolkata</time_zone_name></conference><day date="2024-01-01"><event id="1"><date>2024-01-01T20:00:00Z</date><room>R</room><title>T</title></event></day></schedule>"#)
        #expect(ScheduleJSONWriter.isoTime(schedule.sessions[0].start, schedule.timeZone) == "2024-01-02T01:30:00+05:30")
        #expect(schedule.days[0].date == DateComponents(year: 2024, month: 1, day: 1))   // 01:30 is still the 1st's night
    }

    @Test func errorsNameLineAndColumn() {
        expectError(line: 3, "cannot read the time \"yesterday\"") {
            try readXML("<schedule><day date=\"2024-01-01\">\n<event id=\"1\"><title>T</title>\n<date>yesterday</date></event></day></schedule>")
        }
        expectError(line: 2, "does not close <day>") { try readXML("<schedule><day>\n</event></day></schedule>") }
        expectError(line: 2, "the file ends inside <day> (opened on line 1)") { try readXML("<schedule><day date=\"2024-01-01\">\n") }
        expectError(line: 1, "expected <schedule>") { try readXML("<html><body/></html>") }
        expectError(line: 1, "unterminated comment") { try readXML("<schedule><!-- never closed") }
        expectError(line: 2, "quoted value") { try readXML("<schedule>\n<day date=2024></day></schedule>") }
        do {
            _ = try readXML("<schedule>\n  <day date=\"2024-01-01\"><event id='1'><title>T</title><date>2024-01-01T10:00:00Z</date></event>\n  </dy></schedule>")
            Issue.record("mismatched tag accepted")
        } catch {
            #expect(error.description.hasPrefix("s.xml:3:3: error: </dy> does not close <day> (opened on line 2)"))
        }
    }

    @Test func invalidUTF8IsAnErrorWithLineAndColumn() {
        let data = Data("<schedule>\n<title>ab".utf8) + Data([0xC3, 0x28]) + Data("</title></schedule>".utf8)
        #expect {
            try ScheduleLoader.read(data, file: "bad.xml")
        } throws: { error in
            let error = error as! ScheduleError
            return error.line == 2 && error.column == 10 && error.message.contains("UTF-8")
        }
    }

    @Test func billionLaughsIsRefusedWhereTheEntityIsDeclared() {
        var doctype = "<!DOCTYPE schedule [\n<!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            doctype += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1 == 0 ? "" : String(level - 1));", count: 10) + "\">\n"
        }
        doctype += "]>\n"
        expectError(line: 2, "declares an entity") {
            try readXML(doctype + #"<schedule><day date="2024-01-01"><event id="1"><date>2024-01-01T10:00:00Z</date><room>R</room><title>&lol9;</title></event></day></schedule>"#)
        }
    }

    @Test func externalEntityIsRefusedNeverResolved() {
        expectError(line: 2, "declares an entity") {
            try readXML("""
                <?xml version="1.0"?>
                <!DOCTYPE schedule [ <!-- <!ENTITY in a comment is nothing ] > --> <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
                <schedule><day date="2024-01-01"><event id="1"><date>2024-01-01T10:00:00Z</date><room>R</room><title>&xxe;</title></event></day></schedule>
                """)
        }
    }

    @Test func doctypeWithoutEntitiesIsSkippedAndUndeclaredEntitiesStayLiteral() throws {
        let schedule = try readXML("""
            <?xml version="1.0"?>
            <!DOCTYPE schedule SYSTEM "http://127.0.0.1:9/schedule.dtd" [ <!ELEMENT schedule ANY> <!-- ] > --> ]>
            <schedule><day date="2024-01-01"><event id="1"><date>2024-01-01T10:00:00Z</date><room>R</room><title>&xxe; &amp; co</title></event></day></schedule>
            """)
        #expect(schedule.sessions[0].title == "&xxe; & co")
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = "<schedule>" + String(repeating: "<a>", count: 100_000)
        expectError(line: 1, "nested more than") { try readXML(deep) }
    }

    @Test func hostileControlsAreSanitised() throws {
        let schedule = try readXML("<schedule><day date=\"2024-01-01\"><event id=\"1\"><date>2024-01-01T10:00:00Z</date><room>R\u{202E}</room><title>a\u{9B}2Jb&#x1b;[31m</title></event></day></schedule>")
        #expect(schedule.sessions[0].title == "ab")
        #expect(schedule.sessions[0].room == "R")
    }
}
