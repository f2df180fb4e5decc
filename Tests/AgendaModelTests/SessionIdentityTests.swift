import Foundation
import Testing
@testable import AgendaModel

@Suite struct SessionIdentityTests {
    typealias Event = PentabarfFixture.Event

    func session(_ schedule: Schedule, _ id: String) throws -> Session {
        try #require(schedule.sessions.first { $0.id == id })
    }

    @Test func aUniqueIDIsTheKeyAndNoKeyHoldsTheTitle() throws {
        let schedule = try PentabarfFixture.schedule()
        #expect(try session(schedule, "102").key == "102")
        for session in schedule.sessions { #expect(!session.key.contains(session.title)) }
    }

    @Test func aGUIDIsTheKeyOnlyWhileUnique() {
        let t = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 60), Date(timeIntervalSince1970: 120)]
        #expect(SessionKeys.assign(guids: ["g1", "g2", nil], ids: ["1", "2", "3"], starts: t) == ["g1", "g2", "3"])
        // Merged files repeat guids: then the id, when it is unique.
        #expect(SessionKeys.assign(guids: ["g", "g", "h"], ids: ["1", "2", "3"], starts: t) == ["1", "2", "h"])
        // Repeated pretalx slots repeat ids: then id and start.
        #expect(SessionKeys.assign(guids: [nil, nil, nil], ids: ["5", "5", "6"], starts: t) == ["5|0", "5|60", "6"])
    }

    @Test func aRenamedAndAMovedTalkKeepTheirStarsAndChangeMarks() throws {
        let before = try PentabarfFixture.schedule()
        var events = PentabarfFixture.standard
        events[1].title = "Kernel news, renamed"
        events[2].start = "11:30"
        events[2].room = "Janson"
        let after = try PentabarfFixture.schedule(events)
        let stars: Set<String> = [try session(before, "102").key, try session(before, "103").key]
        #expect(Set(after.sessions.map(\.key)).isSuperset(of: stars))

        let tracked = ScheduleChanges.track(previous: before, current: after)
        #expect(tracked.sessions.count == after.sessions.count)   // nothing cancelled, nothing new
        let marks = Dictionary(uniqueKeysWithValues: tracked.sessions.indices.compactMap { index in
            tracked.change(at: index).map { (tracked.sessions[index].id, $0) }
        })
        #expect(marks.count == 2)
        #expect(marks["102"]?.kind == .changed && marks["102"]?.fields == [.title])
        #expect(marks["103"]?.kind == .changed && marks["103"]?.fields == [.time, .room])
    }

    @Test func starsStoredUnderTheOldKeyAreMigrated() throws {
        let schedule = try PentabarfFixture.schedule()
        let kernel = try session(schedule, "102")
        let epoch = Int(kernel.start.timeIntervalSince1970)
        let stored: Set<String> = [
            "102|Kernel news|\(epoch)",            // the old form of a session still there
            "103|An old title|\(Int(try session(schedule, "103").start.timeIntervalSince1970))",   // renamed since
            "999|Gone|\(epoch)",                   // no such session: kept, it may come back
            "some-guid",
        ]
        let migrated = FavouriteKeyMigration.migrate(stored, to: schedule)
        #expect(migrated == ["102", "103", "999|Gone|\(epoch)", "some-guid"])
        // Once: migrating again changes nothing.
        #expect(FavouriteKeyMigration.migrate(migrated, to: schedule) == migrated)
    }

    @Test func iCalendarUIDsFollowTheKeyAndReadBackToIt() throws {
        let schedule = try PentabarfFixture.schedule()
        let ics = ICalendarWriter.write(schedule, stamp: Date(timeIntervalSince1970: 0))
        #expect(ics.contains("UID:102@fosdem\r\n"))
        #expect(!ics.contains("Kernel news|"))
        let again = try ScheduleLoader.read(Data(ics.utf8), file: "out.ics")
        #expect(again.sessions.map(\.key).sorted() == schedule.sessions.map(\.key).sorted())
        #expect(again.sessions.allSatisfy { $0.guid == nil })
    }

    @Test func guidsBecomeUIDsAsTheyAre() throws {
        let schedule = try readXML("""
            <schedule><conference><title>T</title><time_zone_name>UTC</time_zone_name></conference>
            <day date="2024-01-01"><room name="A"><event guid="abc-1" id="1"><date>2024-01-01T10:00:00+00:00</date>
            <duration>00:30</duration><title>X</title></event></room></day></schedule>
            """)
        #expect(ICalendarWriter.write(schedule).contains("UID:abc-1\r\n"))
    }

    @Test func aCACIESessionIsKnownByStartAndRoom() throws {
        let page = "Opening\nTheme:Hello\nTime:October 22 09:00-22 12:00,2021\nRoom:Hall 1\n\nText.\n"
        let renamed = page.replacingOccurrences(of: "Opening", with: "Grand Opening")
        let a = try CACIEPageReader.read(text: page, file: "a.txt").sessions[0]
        let b = try CACIEPageReader.read(text: renamed, file: "a.txt").sessions[0]
        #expect(a.key == b.key && !a.key.contains("Opening"))
    }
}
