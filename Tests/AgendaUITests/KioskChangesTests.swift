import Foundation
import Testing
import AgendaCanvas
@testable import AgendaUI
@testable import AgendaModel

@Suite struct KioskChangesTests {
    @Test func theVenueBoardSaysMovedAndCancelled() {
        let schedule = ChangedCongress.versions().1
        var state = KioskState(schedule: schedule, now: Fixtures.date("2024-12-27T11:20:00+01:00"),
                               size: Size(width: 100, height: 30), options: KioskOptions(pageSeconds: 10))
        state.staleNote = StaleNote(kind: .offline, asOf: Fixtures.date("2024-12-27T10:42:00+01:00"), cause: "timed out")
        let text = KioskBoard.render(state).text()
        #expect(text.contains("moved to Saal G, 11:30"), "\(text)")
        #expect(text.contains("offline, schedule as of 10:42"), "\(text)")
        #expect(text.contains("Lightning Talks") && text.contains("cancelled"), "\(text)")
    }
}
