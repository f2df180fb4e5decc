import Foundation
import Testing
@testable import AgendaModel

/// The published schedules in `../shared/schedules/`, read through the loader as a user would.
/// They sit beside our checkouts and in CI, not in a clone: tests of the full files are
/// skipped without them, and `Excerpts` keeps the same readers tested everywhere.
enum SharedSchedules {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("../../../shared/schedules")
    static let available = FileManager.default.fileExists(atPath: directory.path)
    static let missing: Comment = "full-size schedules not found at ../shared/schedules (beside the project); Tests/Fixtures excerpts cover the readers"

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }
    static func data(_ name: String) throws -> Data { try Data(contentsOf: url(name)) }
    static func load(_ name: String) throws -> Schedule { try ScheduleLoader.load(path: url(name).path) }
}

func isoDate(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

@Suite(.enabled(if: SharedSchedules.available, SharedSchedules.missing)) struct RealSchedulesTests {
    @Test(arguments: [
        ("38c3-schedule.xml", 1007), ("fosdem-2025.xml", 943), ("35c3-schedule.json", 927),
        ("pretalx-democon.json", 36), ("lca2020-conference.ics", 262),
    ])
    func everySessionIsRead(file: String, count: Int) throws {
        let schedule = try SharedSchedules.load(file)
        #expect(schedule.sessions.count == count)
        #expect(schedule.days.reduce(0) { $0 + $1.sessionRange.count } == count)
        #expect(!schedule.sessions.contains { $0.end < $0.start || $0.title.isEmpty })
    }

    @Test func congress38C3() throws {
        let schedule = try SharedSchedules.load("38c3-schedule.xml")
        #expect(schedule.conference.title == "38C3")
        #expect(schedule.conference.shortTitle == "38c3")
        #expect(schedule.timeZone.identifier == "Europe/Berlin")
        #expect(schedule.conference.dayChange == DateComponents(hour: 6, minute: 0))
        #expect(schedule.conference.startDate == DateComponents(year: 2024, month: 12, day: 27))
        #expect(schedule.conference.endDate == DateComponents(year: 2024, month: 12, day: 30))
        #expect(schedule.days.count == 4)
        let first = schedule.sessions[0]
        #expect(first.title == "38C3: Opening Ceremony")
        #expect(first.start == isoDate("2024-12-27T10:30:00+01:00"))
        #expect(first.end == isoDate("2024-12-27T11:00:00+01:00"))
        #expect(first.room == "Saal 1")
        #expect(first.guid == "270fa44c-821a-577f-8ca3-33e8d4a8c2a7")
        #expect(first.id == "2")
        #expect(first.persons == ["Gabriela Bogk", "Senficon", "Aline Blankertz"])
        #expect(first.track == "CCC")
        #expect(first.language == "en")
        // Midnight on 28 December still belongs to the first congress day.
        let late = try #require(schedule.sessions.firstIndex { $0.title == "Bebetta" })
        #expect(schedule.sessions[late].start == isoDate("2024-12-28T00:00:00+01:00"))
        #expect(schedule.dayIndex(ofSession: late) == 0)
    }

    @Test func fosdem2025() throws {
        let schedule = try SharedSchedules.load("fosdem-2025.xml")
        #expect(schedule.conference.title == "FOSDEM 2025")
        #expect(schedule.timeZone.identifier == "Europe/Brussels")
        #expect(schedule.conference.dayChange == DateComponents(hour: 9, minute: 0))
        #expect(schedule.days.map(\.date) == [DateComponents(year: 2025, month: 2, day: 1), DateComponents(year: 2025, month: 2, day: 2)])
        let first = schedule.sessions[0]
        #expect(first.title == "Welcome to the FOSDEM 2025 RISC-V DevRoom")
        #expect(first.start == isoDate("2025-02-01T09:00:00+01:00"))
        #expect(first.end == isoDate("2025-02-01T09:40:00+01:00"))
        #expect(first.room == "H.1309 (Van Rijn)")
        #expect(first.persons == ["Björn Töpel"])
        // HTML abstracts become text: no tags or escaped tags remain.
        let llvm = try #require(schedule.sessions.first { $0.id == "6210" })
        let abstract = try #require(llvm.abstract)
        #expect(abstract.hasPrefix("Currently LLVM saves and restores callee-saved registers"))
        #expect(!schedule.sessions.contains { ($0.abstract ?? "").contains("<p>") || ($0.abstract ?? "").contains("&lt;") })
    }

    @Test func congress35C3WithoutZoneName() throws {
        let schedule = try SharedSchedules.load("35c3-schedule.json")
        #expect(schedule.conference.title == "35th Chaos Communication Congress")
        // No time_zone_name: the offsets in the file give the venue zone.
        #expect(schedule.timeZone.secondsFromGMT() == 3600)
        let first = schedule.sessions[0]
        #expect(first.title == "42birds: Hitchhiker's Towel-Yoga")
        #expect(first.start == isoDate("2018-12-27T09:30:00+01:00"))
        #expect(first.end == isoDate("2018-12-27T10:30:00+01:00"))   // duration "1:00"
        #expect(first.room == "Seminar room 13")
        #expect(first.persons == ["Birdy1976"])
        #expect(first.id == "1300")
        let late = try #require(schedule.sessions.firstIndex { $0.title == "Solder a blinky tardigrade" })
        #expect(schedule.dayIndex(ofSession: late) == 0)
        #expect(schedule.days.count == 4)
    }

    @Test func pretalxDemoCon() throws {
        let schedule = try SharedSchedules.load("pretalx-democon.json")
        #expect(schedule.conference.title == "DemoCon")
        #expect(schedule.timeZone.identifier == "UTC" || schedule.timeZone.secondsFromGMT() == 0)
        let first = schedule.sessions[0]
        #expect(first.title == "Focused 5thgeneration hardware")
        #expect(first.start == isoDate("2020-12-14T09:00:00+01:00"))
        #expect(first.end == isoDate("2020-12-14T09:30:00+01:00"))
        #expect(first.room == "Gray Room")
        #expect(first.persons == ["Brian Robinson"])
        #expect(schedule.days.count == 3)
        #expect(schedule.conference.startDate == DateComponents(year: 2020, month: 12, day: 14))
    }

    @Test func linuxConfAu2020() throws {
        let schedule = try SharedSchedules.load("lca2020-conference.ics")
        #expect(schedule.timeZone.identifier == "Australia/Brisbane")
        #expect(schedule.conference.title == "linux.conf.au 2020")
        let first = schedule.sessions[0]
        #expect(first.title == "Main Conference: miniconf")
        #expect(first.start == isoDate("2020-01-12T15:00:00+10:00"))
        #expect(first.end == isoDate("2020-01-12T17:00:00+10:00"))
        #expect(first.room == nil)
        #expect(first.guid == "234@lca2020.linux.org.au")
        let welcome = try #require(schedule.sessions.first { $0.title == "Wednesday Welcome" })
        #expect(welcome.persons == ["Joel Addison"])
        #expect(welcome.room == "Arena")
        let breakfast = try #require(schedule.sessions.first { $0.guid == "201@lca2020.linux.org.au" })
        #expect(breakfast.description?.hasPrefix("Women of Open Technology Breakfast (/programme/events/#woot-breakfast), Presented by ThoughtWorks\n\nOnly for attendees") == true)
        // Events without LOCATION are kept, with a warning each.
        #expect(schedule.warnings.filter { $0.kind == .missingRoom }.count == 262 - 245)
    }

    @Test func warningsPointAtLines() throws {
        let schedule = try SharedSchedules.load("lca2020-conference.ics")
        let warning = try #require(schedule.warnings.first { $0.kind == .missingRoom })
        #expect(warning.line != nil)
        #expect(warning.description.contains("lca2020-conference.ics:"))
        #expect(warning.description.contains(": warning: "))
    }
}

@Suite struct TrackColourTests {
    @Test func xmlConferenceTracksGiveColours() throws {
        let schedule = try Excerpts.load("38c3-excerpt.xml")
        #expect(schedule.conference.trackColours["Security"] == "#0347B4")
        #expect(schedule.conference.trackColours["Art & Beauty"] == "#F9B000")
    }

    @Test func jsonTracksAndBadColoursIgnored() throws {
        let json = """
            {"schedule": {"conference": {"title": "T", "tracks": [{"name": "A", "color": "#00ff00"},
             {"name": "B", "color": "red; \\u001b[31m"}], "days": []}}}
            """
        let schedule = try ScheduleLoader.read(Data(json.utf8), file: "t.json")
        #expect(schedule.conference.trackColours == ["A": "#00FF00"])
    }
}
