import Foundation
import Testing
import AgendaCanvas
import AgendaModel
@testable import AgendaUI

/// The room column tells rooms apart, and grouped views leave out what their headings say.
@Suite struct RoomColumnTests {
    static func marseille(size: Size) -> AppState {
        let start = ISO8601DateFormatter().date(from: "2026-01-31T16:30:00+01:00")!
        let rooms = ["Amphithéâtre 1200", "Amphithéâtre 1600", "Callelongue", "Amphithéâtre Massalia"]
        let sessions = rooms.enumerated().map { n, room in
            Session(id: "\(n)", title: "A talk with a title long enough to need its whole column \(n)", start: start,
                    end: start.addingTimeInterval(3600), room: room)
        }
        let conference = Conference(title: "Marseille", timeZone: TimeZone(identifier: "Europe/Paris")!)
        return AppState(schedule: Schedule(conference: conference, sessions: sessions), size: size, now: start)
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 50)])
    func roomsThatShareAPrefixKeepWhatTellsThemApart(size: Size) {
        let state = Self.marseille(size: size)
        let lines = Screen.render(state).text().split(separator: "\n")
        let rows = lines.filter { $0.contains("A talk") }
        #expect(rows.count == 4)
        let labels = rows.map { row in String(row.split(separator: " ").suffix(2).joined(separator: " ")) }
        #expect(Set(labels).count == 4, "\(rows.joined(separator: "\n"))")
        #expect(rows[0].contains("1200") && rows[1].contains("1600"), "\(rows.joined(separator: "\n"))")
    }

    @Test func groupedByRoomTheTitleTakesTheRoomsColumn() {
        var state = Self.marseille(size: Size(width: 80, height: 24))
        state.apply(.cycleView(1))
        #expect(state.mode == .byRoom)
        let text = Screen.render(state).text()
        #expect(text.contains("Amphithéâtre 1200 ─"))
        // Under its heading a row does not say its room again, and the title has the room's cells.
        let rows = text.split(separator: "\n").filter { $0.contains("A talk") }
        #expect(!rows.contains { $0.contains("Amphi") || $0.contains("Calle") }, "\(rows.joined(separator: "\n"))")
        #expect(rows.allSatisfy { $0.contains("whole column") })
    }

    @Test func shortNamesKeepTheEnd() {
        let measure = TextMeasure.standard
        let names = ShortNames(["Amphithéâtre 1200", "Amphithéâtre 1600", "Callelongue"], width: 12, measure: measure)
        #expect(names.label("Amphithéâtre 1200") == "Amphith…1200")
        #expect(names.label("Amphithéâtre 1600") == "Amphith…1600")
        #expect(names.label("Callelongue") == nil)   // fits as it is
        let apart = ShortNames(["Building K room 1.105 North", "Building K room 1.106 North"], width: 10, measure: measure)
        #expect(apart.label("Building K room 1.105 North") == "…105 North")
        let rooms = ShortNames(["Call for Art (ZF1.1)", "Call for Art (ZF1.2)", "Call for Participation (Room 1)",
                                "Call for Participation (Room 2)"], width: 12, measure: measure)
        #expect(rooms.label("Call for Art (ZF1.1)") == "Call…ZF1.1)")
        #expect(rooms.label("Call for Participation (Room 2)") == "Call…Room 2)")
        // A wide column keeps the start too, not only the last words.
        let stations = ShortNames(["Saal A - Lötstationen Station 1", "Saal A - Lötstationen Station 2"], width: 24, measure: measure)
        #expect(stations.label("Saal A - Lötstationen Station 2") == "Saal A - Lötst…Station 2")
        let unique = ShortNames(["Janson", "Hall of the Workers' Union"], width: 10, measure: measure)
        #expect(unique.label("Hall of the Workers' Union") == "Hall of t…")
    }
}
