import Foundation
import Testing
import AgendaCanvas
import AgendaModel
@testable import AgendaUI

/// Help and the picker cover what is under them, fit the screen, and cut none of their lines.
@Suite struct OverlayTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 50)]

    static func body(_ canvas: Canvas, _ state: AppState) -> [String] {
        let lines = canvas.text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return Array(lines[state.layout.list.y..<(state.layout.list.y + state.layout.list.height)])
    }

    @Test(arguments: sizes) func helpShowsEveryLineWholeAndNothingOfTheList(size: Size) {
        var state = Fixtures.congress(size: size, now: "2024-12-27T10:45:00+01:00", favourites: ["guid-2", "guid-3"])
        state.apply(.toggleHelp)
        let canvas = Screen.render(state)
        let body = Self.body(canvas, state)
        #expect(!body.contains { $0.contains("…") }, "\(canvas.text())")
        #expect(!body.contains { $0.contains("10:30") || $0.contains("★") }, "\(canvas.text())")
        #expect(canvas.text().contains("show all"))
    }

    @Test(arguments: sizes + [Size(width: 50, height: 20)]) func thePickersFooterIsNeverCut(size: Size) {
        var state = Fixtures.congress(size: size, now: "2024-12-27T10:45:00+01:00", favourites: ["guid-2", "guid-3"])
        state.apply(.togglePicker)
        let canvas = Screen.render(state)
        let text = canvas.text()
        #expect(text.contains("Esc closes") && !text.contains("Esc …") && !text.contains("Esc c…"), "\(text)")
        #expect(!Self.body(canvas, state).contains { $0.contains("10:30") || $0.contains("★") }, "\(text)")
    }
}
