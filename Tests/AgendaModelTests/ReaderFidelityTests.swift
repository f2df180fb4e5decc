import Foundation
import Testing
@testable import AgendaModel

/// What `validate` and the texts say about a file: JSON warnings with where they are, the zone
/// as the file has it, Markdown escapes read as Markdown means them.
@Suite struct ReaderFidelityTests {
    /// One line, as c3voc JSON files often are: a line number says nothing.
    static let oneLine = #"{"schedule":{"conference":{"title":"T","days":[{"date":"2024-01-01","rooms":{"A":[{"id":1,"title":"One","date":"2024-01-01T10:00:00+01:00","duration":"00:30"}],"B \"x\"":[{"id":2,"title":"Two","date":"2024-01-01T10:00:00+01:00","duration":"00:30"},{"id":1,"title":"Three","date":"2024-01-01T11:00:00+01:00","duration":"soon"}]}}]}}}"#

    @Test func jsonWarningsSayWhereAsAPath() throws {
        let schedule = try ScheduleLoader.read(Data(Self.oneLine.utf8), file: "one.json")
        let warnings = schedule.warnings.map(\.description)
        #expect(warnings.contains(#"one.json:1: warning: at $.schedule.conference.days[0].rooms["B \"x\""][1].duration: cannot read duration "soon" of session "Three" (expected HH:MM); taken as 0"#), "\(warnings)")
        #expect(warnings.contains(#"one.json:1: warning: at $.schedule.conference.days[0].rooms["B \"x\""][1]: id "1" repeats (first at $.schedule.conference.days[0].rooms["A"][0]); both sessions are kept"#), "\(warnings)")
    }

    @Test func aZoneTakenFromTheOffsetsIsMarked() throws {
        let offsets = try ScheduleLoader.read(Data(Self.oneLine.utf8), file: "one.json")
        #expect(offsets.conference.zoneFromOffsets && offsets.timeZone.secondsFromGMT() == 3600)
        let named = try PentabarfFixture.schedule(zone: "Europe/Brussels")
        #expect(!named.conference.zoneFromOffsets)
        #expect(!offsets.assigningZone(TimeZone(identifier: "Europe/Brussels")!).conference.zoneFromOffsets)
        // Kept by a snapshot.
        let digest = ContentDigest(of: Data("source".utf8))
        let bytes = try #require(ScheduleSnapshot.encode(offsets, source: digest, build: "test"))
        #expect(ScheduleSnapshot.decode(bytes, source: digest, build: "test")?.conference.zoneFromOffsets == true)
    }

    @Test func markdownEscapesAreRead() {
        #expect(MarkdownEscapes.removed(#"Einsteiger\*innen und Jede\*r, 1986\. \[link\]"#) == "Einsteiger*innen und Jede*r, 1986. [link]")
        #expect(MarkdownEscapes.removed(#"a \\ b, C:\Users\me, \n, ¯\\\_(ツ)\_/¯"#) == #"a \ b, C:\Users\me, \n, ¯\_(ツ)_/¯"#)
        // Code stays as written.
        #expect(MarkdownEscapes.removed(#"run `grep \*` or ``a\*b``, not \*"#) == #"run `grep \*` or ``a\*b``, not *"#)
        #expect(MarkdownEscapes.removed("```\nx \\* y\n```\nz \\* w") == "```\nx \\* y\n```\nz * w")
        #expect(MarkdownEscapes.removed("text\n\n    indented \\* code") == "text\n\n    indented \\* code")
        #expect(MarkdownEscapes.removed(#"an unclosed ` then \*"#) == "an unclosed ` then *")
    }

    @Test func abstractsLoseTheirEscapesButCalendarTextKeepsItsBackslashes() throws {
        let json = #"{"schedule":{"conference":{"title":"T","time_zone_name":"UTC","days":[{"date":"2024-01-01","rooms":{"A":[{"id":1,"title":"Für Einsteiger\\*innen","date":"2024-01-01T10:00:00+00:00","duration":"00:30","abstract":"Für Einsteiger\\*innen","description":"<p>a \\* b</p>"}]}}]}}}"#
        let session = try #require(try ScheduleLoader.read(Data(json.utf8), file: "s.json").sessions.first)
        #expect(session.abstract == "Für Einsteiger*innen")
        #expect(session.title == #"Für Einsteiger\*innen"#)   // titles are not Markdown
        #expect(session.description == #"a \* b"#)           // nor is HTML
        let xml = PentabarfFixture.xml().replacingOccurrences(of: "<title>Welcome</title>",
                                                              with: #"<title>Welcome</title><abstract>Jede\*r</abstract>"#)
        let welcome = try ScheduleLoader.read(Data(xml.utf8), file: "f.xml").sessions.first { $0.title == "Welcome" }
        #expect(welcome?.abstract == "Jede*r")
        let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART:20240101T100000Z\r\nDTEND:20240101T110000Z\r\nSUMMARY:T\r\nDESCRIPTION:C:\\\\temp\\\\*.txt\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let event = try #require(try ScheduleLoader.read(Data(ics.utf8), file: "s.ics").sessions.first)
        #expect(event.description == #"C:\temp\*.txt"#)
    }
}
