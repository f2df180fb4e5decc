import Foundation
import Testing
import AgendaCanvas
import AgendaModel
@testable import AgendaUI

/// The filter picker keeps your place, and says where the sessions went when it empties the day.
@Suite struct PickerPlaceTests {
    @Test func aFilterThatEmptiesTheDaySaysWhereItsSessionsAreAndClearingReturnsToYourPlace() {
        var state = Fixtures.congress(size: Size(width: 80, height: 24))
        state.apply(.changeDay(1))
        state.apply(.move(1))
        let place = state.selected
        #expect(state.selectedSession?.title == "Kernel Debugging")
        state.apply(.togglePicker)
        state.apply(.pickerFind)
        for c in "de" { state.apply(.pickerType(c)) }
        state.apply(.pickerDone)
        state.apply(.pickerAll)   // only German: nothing on the second day
        #expect(!state.rows.contains { $0.session != nil })
        let text = Screen.render(state).text()
        #expect(state.labels.contains { $0.contains("Fri 27") }, "\(state.labels)")
        state.apply(.back)
        #expect(Screen.render(state).text().contains("Fri 27"), "\(text)")
        state.apply(.clearFilter)
        #expect(state.selected == place)
        state.apply(.back)
        #expect(state.selected == place)
    }

    @Test func hidingTheSelectedRoomMovesToTheNearestSessionNotTheFirst() {
        var state = Fixtures.congress(size: Size(width: 120, height: 40), now: "2024-12-27T10:45:00+01:00")
        state.apply(.move(3))
        #expect(state.selectedSession?.title == "Lightning Talks")
        state.apply(.togglePicker)
        state.apply(.pickerFind)
        for c in "saal 2" { state.apply(.pickerType(c)) }
        state.apply(.pickerDone)
        state.apply(.pickerToggle)   // hide Saal 2, where Lightning Talks is
        #expect(state.selectedSession?.title == "Late Night Hacking")
    }
}
