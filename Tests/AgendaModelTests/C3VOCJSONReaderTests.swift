import Foundation
import Testing
@testable import AgendaModel

func readJSON(_ text: String) throws(ScheduleError) -> Schedule {
    try ScheduleLoader.read(Data(text.utf8), file: "s.json")
}

@Suite struct C3VOCJSONReaderTests {
    func document(_ events: String, conference: String = #""time_zone_name": "Europe/Berlin","#) -> String {
        """
        {"$schema": "x", "schedule": {"version": "1", "conference": {"title": "J", "acronym": "j", \(conference)
          "start": "2024-12-27", "end": "2024-12-27", "extra": {"deep": [1, 2.5e3, true, null]},
          "days": [{"index": 1, "date": "2024-12-27", "day_start": "2024-12-27T10:00:00+01:00",
                    "day_end": "2024-12-28T04:00:00+01:00", "rooms": {"Saal \\u00dc": [
        \(events)
        ]}}]}}}
        """
    }

    @Test func frabAndPretalxShapes() throws {
        let schedule = try readJSON(document("""
            {"id": 9985, "guid": "a", "date": "2024-12-27T11:00:00+01:00", "start": "11:00", "duration": "1:00",
             "title": "Frab", "persons": [{"id": 1, "public_name": "rufus"}, {"public_name": "rixx"}],
             "links": [{"url": "https://e.org/v", "title": "Video"}, "https://e.org/bare"], "unknown": {}},
            {"id": "X1", "guid": "b", "start": "12:00", "duration": "01:00", "room": "Other",
             "title": "Pretalx", "persons": [{"code": "NQTF8Y", "name": "Brian"}, "Plain Name"], "track": {"name": "T"},
             "abstract": "a\\r\\nb &#13;", "language": ""}
            """))
        #expect(schedule.sessions.count == 2)
        let frab = schedule.sessions[0]
        #expect(frab.id == "9985")
        #expect(frab.room == "Saal Ü")
        #expect(frab.end == isoDate("2024-12-27T12:00:00+01:00"))
        #expect(frab.persons == ["rufus", "rixx"])
        #expect(frab.links == [SessionLink(title: "Video", url: "https://e.org/v"), SessionLink(url: "https://e.org/bare")])
        let pretalx = schedule.sessions[1]
        #expect(pretalx.start == isoDate("2024-12-27T12:00:00+01:00"))   // start on the day's date, venue zone
        #expect(pretalx.end == isoDate("2024-12-27T13:00:00+01:00"))
        #expect(pretalx.room == "Other")
        #expect(pretalx.persons == ["Brian", "Plain Name"])
        #expect(pretalx.track == "T")
        #expect(pretalx.abstract == "a\nb")
        #expect(pretalx.language == nil)
    }

    @Test func afterMidnightStartIsTheNextMorningOfTheSameDay() throws {
        let schedule = try readJSON(document(#"{"id": 1, "start": "01:30", "duration": "00:30", "title": "Night"}"#))
        #expect(schedule.sessions[0].start == isoDate("2024-12-28T01:30:00+01:00"))
        #expect(schedule.days.count == 1)
        #expect(schedule.days[0].date == DateComponents(year: 2024, month: 12, day: 27))
    }

    @Test func offsetsGiveTheZoneWhenNoneIsNamed() throws {
        let schedule = try readJSON(document(#"{"id": 1, "date": "2024-12-27T11:00:00+05:30", "duration": "00:30", "title": "T"}"#,
                                             conference: ""))
        #expect(schedule.timeZone.secondsFromGMT() == 19800)
    }

    @Test func errorsNameLineAndColumn() {
        expectError(line: 2, "expected \",\" or \"}\"") { try readJSON("{\"schedule\":\n {\"a\": 1 \"b\": 2}}") }
        expectError(line: 1, "truncated") { try readJSON("{\"schedule\": {\"conference\": [1, 2") }
        expectError(line: 1, "not a c3voc schedule") { try readJSON("[1, 2, 3]") }
        expectError(line: 1, "after the JSON value") { try readJSON("{} x") }
        expectError(line: nil, "cannot read the time \"soon\"") { try readJSON(document(#"{"id": 1, "date": "soon", "title": "T"}"#)) }
        #expect {
            try readJSON("{\n  \"schedule\": tru }")
        } throws: { ($0 as! ScheduleError).description == "s.json:2:15: error: unexpected \"t\": expected a JSON value" }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        expectError(line: 1, "nested more than 512") { try readJSON(String(repeating: "[", count: 100_000)) }
        expectError(line: 1, "nested more than 512") { try readJSON(String(repeating: "{\"a\":", count: 100_000)) }
    }

    @Test func escapesAndSurrogates() throws {
        var bytes: [UInt8] = []
        let text = "{\"s\": \"\\ud83d\\ude00 \\u00e9 \\\" \\\\ \\/ \\t\", \"lone\": \"\\ud800x\"}"
        text.utf8.forEach { bytes.append($0) }
        // A parsed value borrows the buffer: read it inside.
        let (s, lone) = try bytes.withUnsafeBufferPointer { buffer in
            let document = try JSONParser.parse(buffer, file: "x")
            return withExtendedLifetime(document) {
                (document.root.object?["s"]?.text, document.root.object?["lone"]?.text)
            }
        }
        #expect(s == "😀 é \" \\ / \t")
        #expect(lone == "\u{FFFD}x")
    }

    @Test func invalidUTF8IsAnError() {
        let data = Data("{\"schedule\": \"".utf8) + Data([0xFF]) + Data("\"}".utf8)
        #expect { try ScheduleLoader.read(data, file: "b.json") } throws: { ($0 as! ScheduleError).column == 15 }
    }
}
