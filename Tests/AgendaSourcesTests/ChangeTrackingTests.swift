import Foundation
import Testing
@testable import AgendaModel
@testable import AgendaSources

@Suite struct ChangeTrackingTests {
    func marks(_ schedule: Schedule) -> [String: SessionChange] {
        var out: [String: SessionChange] = [:]
        for (index, session) in schedule.sessions.enumerated() {
            if let change = schedule.change(at: index) { out[session.key] = change }
        }
        return out
    }

    @Test func twoVersionsOf38C3() throws {
        let before = try ScheduleLoader.read(EditedSchedule.originalData(), file: "38c3.xml")
        let after = try ScheduleLoader.read(EditedSchedule.editedData(), file: "38c3.xml")
        #expect(after.sessions.count == before.sessions.count)
        let tracked = ScheduleChanges.track(previous: before, current: after)
        // The cancelled talk stays, marked, until the next version.
        #expect(tracked.sessions.count == before.sessions.count + 1)
        let found = marks(tracked)
        #expect(found.count == 4)
        #expect(found[EditedSchedule.moved]?.kind == .changed)
        #expect(found[EditedSchedule.moved]?.fields == [.time, .room])
        #expect(found[EditedSchedule.moved]?.previous?.room == "Saal 1")
        #expect(found[EditedSchedule.renamed]?.fields == [.title])
        #expect(found[EditedSchedule.deleted]?.kind == .cancelled)
        #expect(found[EditedSchedule.added]?.kind == .new)
        let index = try #require(tracked.sessions.firstIndex { $0.key == EditedSchedule.deleted })
        #expect(tracked.isCancelled(index))
        // The same version twice: nothing marked.
        #expect(ScheduleChanges.track(previous: after, current: after).changes.isEmpty)
        #expect(ScheduleChanges.track(previous: nil, current: after).changes.isEmpty)
    }

    @Test func boardsGetANoticeWhereASessionMovedFrom() throws {
        let before = try ScheduleLoader.read(EditedSchedule.originalData(), file: "38c3.xml")
        let after = try ScheduleLoader.read(EditedSchedule.editedData(), file: "38c3.xml")
        let board = ScheduleChanges.track(previous: before, current: after).withMoveNotices()
        let notices = board.sessions.indices.filter { board.change(at: $0)?.movedTo != nil }
        #expect(notices.count == 1)
        let notice = board.sessions[notices[0]]
        #expect(notice.room == "Saal 1" && board.change(at: notices[0])?.movedTo?.room == "Saal GLITCH")
    }

    @Test func aCancelledSlotFilledByAnotherSessionIsLeftOffBoards() {
        let zone = TimeZone(identifier: "UTC")!
        let t = Date(timeIntervalSince1970: 1_700_000_000)
        let a = Session(id: "1", title: "First Title", start: t, end: t + 3600, room: "A")
        let b = Session(id: "2", title: "Another Talk", start: t, end: t + 3600, room: "A")
        let tracked = ScheduleChanges.track(previous: Schedule(conference: Conference(title: "C", timeZone: zone), sessions: [a]),
                                            current: Schedule(conference: Conference(title: "C", timeZone: zone), sessions: [b]))
        #expect(tracked.sessions.count == 2)
        let board = tracked.withMoveNotices()
        #expect(board.sessions.map(\.title) == ["Another Talk"] && board.change(at: 0)?.kind == .new)
    }

    @Test func repeatedKeysPairInOrder() {
        let zone = TimeZone(identifier: "UTC")!
        let t = Date(timeIntervalSince1970: 1_700_000_000)
        func s(_ title: String, _ offset: Double, guid: String = "same") -> Session {
            Session(id: "1", guid: guid, title: title, start: t + offset, end: t + offset + 600)
        }
        let old = Schedule(conference: Conference(title: "C", timeZone: zone), sessions: [s("A", 0), s("A", 1000)])
        let new = Schedule(conference: Conference(title: "C", timeZone: zone), sessions: [s("A", 0)])
        let tracked = ScheduleChanges.track(previous: old, current: new)
        #expect(tracked.sessions.count == 2)
        #expect(tracked.changes.map { $0?.kind } == [nil, .cancelled])
    }

    @Test func jsonSaysWhatChanged() throws {
        let before = try ScheduleLoader.read(EditedSchedule.originalData(), file: "38c3.xml")
        let after = try ScheduleLoader.read(EditedSchedule.editedData(), file: "38c3.xml")
        let json = ScheduleJSONWriter.write(ScheduleChanges.track(previous: before, current: after))
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let sessions = try #require(parsed?["sessions"] as? [[String: Any]])
        var byGuid: [String: String] = [:]
        for session in sessions { if let change = session["change"] as? String { byGuid[session["guid"] as! String] = change } }
        #expect(byGuid == [EditedSchedule.moved: "changed", EditedSchedule.renamed: "changed",
                           EditedSchedule.deleted: "cancelled", EditedSchedule.added: "new"])
        #expect(sessions.allSatisfy { $0.keys.contains("change") })
    }

    @Test func cancelledFavouritesAreExportedAsCancelled() throws {
        let before = try ScheduleLoader.read(EditedSchedule.originalData(), file: "38c3.xml")
        let after = try ScheduleLoader.read(EditedSchedule.editedData(), file: "38c3.xml")
        let tracked = ScheduleChanges.track(previous: before, current: after)
        let index = try #require(tracked.sessions.firstIndex { $0.key == EditedSchedule.deleted })
        let ics = ICalendarWriter.write(tracked, sessions: [index])
        #expect(ics.contains("UID:\(EditedSchedule.deleted)\r\n") && ics.contains("STATUS:CANCELLED\r\n"))
    }
}
