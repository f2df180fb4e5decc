import Foundation
import Testing
@testable import AgendaModel

/// Broken and hostile files: every one gives an error with a line, never a crash or a hang.
@Suite struct HostileInputTests {
    @Test(arguments: ["38c3-schedule.xml", "fosdem-2025.xml", "35c3-schedule.json", "pretalx-democon.json", "lca2020-conference.ics"])
    func truncatedFilesNameALine(file: String) throws {
        let data = try SharedSchedules.data(file)
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
