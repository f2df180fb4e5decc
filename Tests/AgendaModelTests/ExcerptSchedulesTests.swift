import Foundation
import Testing
@testable import AgendaModel

/// Trimmed copies of the published schedules, kept in the project (Tests/Fixtures/README.md),
/// so that a clone with nothing beside it still tests every reader on real files.
enum Excerpts {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("../Fixtures/schedules")
    static let files = ["38c3-excerpt.xml", "fosdem-excerpt.xml", "35c3-excerpt.json", "pretalx-excerpt.json", "lca2020-excerpt.ics"]

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }
    static func data(_ name: String) throws -> Data { try Data(contentsOf: url(name)) }
    static func load(_ name: String) throws -> Schedule { try ScheduleLoader.load(path: url(name).path) }
}

/// The facts `RealSchedulesTests` checks on the full files, checked on the excerpts.
@Suite struct ExcerptSchedulesTests {
    @Test(arguments: [
        ("38c3-excerpt.xml", 13), ("fosdem-excerpt.xml", 5), ("35c3-excerpt.json", 21),
        ("pretalx-excerpt.json", 12), ("lca2020-excerpt.ics", 13),
    ])
    func everySessionIsRead(file: String, count: Int) throws {
        let schedule = try Excerpts.load(file)
        #expect(schedule.sessions.count == count)
        #expect(schedule.days.reduce(0) { $0 + $1.sessionRange.count } == count)
        #expect(!schedule.sessions.contains { $0.end < $0.start || $0.title.isEmpty })
    }

    @Test func congress38C3() throws {
        let schedule = try Excerpts.load("38c3-excerpt.xml")
        #expect(schedule.conference.title == "38C3")
        #expect(schedule.timeZone.identifier == "Europe/Berlin")
        #expect(schedule.conference.dayChange == DateComponents(hour: 6, minute: 0))
        #expect(schedule.days.count == 4)
        let first = schedule.sessions[0]
        #expect(first.title == "38C3: Opening Ceremony")
        #expect(first.start == isoDate("2024-12-27T10:30:00+01:00"))
        #expect(first.room == "Saal 1")
        #expect(first.persons == ["Gabriela Bogk", "Senficon", "Aline Blankertz"])
        // Midnight on 28 December still belongs to the first congress day.
        let late = try #require(schedule.sessions.firstIndex { $0.title == "Bebetta" })
        #expect(schedule.sessions[late].start == isoDate("2024-12-28T00:00:00+01:00"))
        #expect(schedule.dayIndex(ofSession: late) == 0)
    }

    @Test func fosdem2025() throws {
        let schedule = try Excerpts.load("fosdem-excerpt.xml")
        #expect(schedule.timeZone.identifier == "Europe/Brussels")
        #expect(schedule.conference.dayChange == DateComponents(hour: 9, minute: 0))
        #expect(schedule.days.count == 2)
        #expect(schedule.sessions[0].title == "Welcome to the FOSDEM 2025 RISC-V DevRoom")
        #expect(schedule.sessions[0].persons == ["Björn Töpel"])
        let llvm = try #require(schedule.sessions.first { $0.id == "6210" })
        #expect(llvm.abstract?.hasPrefix("Currently LLVM saves and restores callee-saved registers") == true)
        #expect(!schedule.sessions.contains { ($0.abstract ?? "").contains("<p>") || ($0.abstract ?? "").contains("&lt;") })
    }

    @Test func congress35C3WithoutZoneName() throws {
        let schedule = try Excerpts.load("35c3-excerpt.json")
        #expect(schedule.timeZone.secondsFromGMT() == 3600)
        let first = schedule.sessions[0]
        #expect(first.title == "42birds: Hitchhiker's Towel-Yoga")
        #expect(first.end == isoDate("2018-12-27T10:30:00+01:00"))   // duration "1:00"
        let late = try #require(schedule.sessions.firstIndex { $0.title == "Solder a blinky tardigrade" })
        #expect(schedule.dayIndex(ofSession: late) == 0)
        #expect(schedule.days.count == 4)
    }

    @Test func pretalxDemoCon() throws {
        let schedule = try Excerpts.load("pretalx-excerpt.json")
        #expect(schedule.sessions[0].title == "Focused 5thgeneration hardware")
        #expect(schedule.sessions[0].persons == ["Brian Robinson"])
        #expect(schedule.days.count == 3)
    }

    @Test func linuxConfAu2020() throws {
        let schedule = try Excerpts.load("lca2020-excerpt.ics")
        #expect(schedule.timeZone.identifier == "Australia/Brisbane")
        #expect(schedule.sessions[0].guid == "234@lca2020.linux.org.au")
        #expect(schedule.sessions[0].room == nil)
        let welcome = try #require(schedule.sessions.first { $0.title == "Wednesday Welcome" })
        #expect(welcome.persons == ["Joel Addison"])
        let breakfast = try #require(schedule.sessions.first { $0.guid == "201@lca2020.linux.org.au" })
        #expect(breakfast.description?.hasPrefix("Women of Open Technology Breakfast (/programme/events/#woot-breakfast), Presented by ThoughtWorks\n\nOnly for attendees") == true)
        // Events without LOCATION are kept, each with a warning that names its line.
        let missing = schedule.warnings.filter { $0.kind == .missingRoom }
        #expect(missing.count == 3)
        #expect(missing.allSatisfy { $0.line != nil && $0.description.contains("lca2020-excerpt.ics:") })
    }
}
