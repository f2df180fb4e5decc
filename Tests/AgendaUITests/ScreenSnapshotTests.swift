import Testing
@testable import AgendaUI

@Suite struct ScreenSnapshotTests {
    @Test(arguments: [(120, 40), (80, 24), (60, 20), (100, 30)])
    func plenary(width: Int, height: Int) {
        expectSnapshot(Screen.render(Fixtures.plenary(width, height)), "plenary-\(width)x\(height)")
    }

    @Test func detailOpenOnNarrowTerminal() {
        var state = Fixtures.plenary(80, 24)
        state.apply(.open)
        expectSnapshot(Screen.render(state), "plenary-detail-80x24")
    }

    @Test func detailScrolledToEnd() {
        var state = Fixtures.plenary(60, 20)
        state.apply(.open)
        state.apply(.last)
        expectSnapshot(Screen.render(state), "plenary-detail-end-60x20")
    }

    @Test func helpOverlay() {
        var state = Fixtures.plenary(80, 24)
        state.apply(.toggleHelp)
        expectSnapshot(Screen.render(state), "help-80x24")
    }

    @Test func helpOverlayScrollsWhenShort() {
        var state = Fixtures.plenary(60, 12)
        state.apply(.toggleHelp)
        state.apply(.last)
        expectSnapshot(Screen.render(state), "help-scrolled-60x12")
    }

    @Test(arguments: [(39, 24), (80, 9), (30, 8), (12, 3), (1, 1)])
    func tooSmall(width: Int, height: Int) {
        let canvas = Screen.render(Fixtures.plenary(width, height))
        #expect(canvas.size == Size(width: width, height: height))
        if width >= 18 { #expect(canvas.text().contains("Terminal too small")) }
        #expect(!canvas.text().contains("Plenary"))
        if width == 30 { expectSnapshot(canvas, "too-small-30x8") }
    }

    @Test(arguments: [(120, 40), (80, 24)])
    func chineseTitle(width: Int, height: Int) throws {
        expectSnapshot(Screen.render(try Fixtures.chinese(width, height)), "chinese-\(width)x\(height)")
    }

    @Test func longListScrolledToSelection() {
        var state = Fixtures.manySessions(60, size: Size(width: 120, height: 40))
        state.apply(.move(45))
        expectSnapshot(Screen.render(state), "many-scrolled-120x40")
    }
}
