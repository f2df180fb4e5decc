import Testing
import AgendaCanvas
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

/// Every view of a two-day, three-room congress, wide and narrow.
@Suite struct ViewSnapshotTests {
    static let sizes = [Size(width: 120, height: 40), Size(width: 80, height: 24)]

    func render(_ size: Size, favourites: Set<String> = ["guid-2", "guid-3", "guid-7"],
                now: String = "2024-12-27T10:45:00+01:00", _ actions: [Action]) -> Canvas {
        var state = Fixtures.congress(size: size, now: now, favourites: favourites)
        for action in actions { state.apply(action) }
        return Screen.render(state)
    }

    @Test(arguments: sizes) func chronological(size: Size) {
        expectSnapshot(render(size, []), "congress-chronological-\(size.width)x\(size.height)")
    }

    @Test(arguments: sizes) func byRoom(size: Size) {
        expectSnapshot(render(size, [.cycleView(1)]), "congress-by-room-\(size.width)x\(size.height)")
    }

    @Test(arguments: sizes) func byTrack(size: Size) {
        expectSnapshot(render(size, [.cycleView(2)]), "congress-by-track-\(size.width)x\(size.height)")
    }

    @Test(arguments: sizes) func timetable(size: Size) {
        expectSnapshot(render(size, [.cycleView(3), .move(1)]), "congress-timetable-\(size.width)x\(size.height)")
    }

    @Test(arguments: sizes) func nowAndNext(size: Size) {
        expectSnapshot(render(size, [.cycleView(4)]), "congress-now-next-\(size.width)x\(size.height)")
    }

    @Test(arguments: sizes) func myAgenda(size: Size) {
        expectSnapshot(render(size, [.toggleMyAgenda]), "congress-my-agenda-\(size.width)x\(size.height)")
    }

    @Test(arguments: sizes) func search(size: Size) {
        expectSnapshot(render(size, [.startSearch] + "in".map(Action.searchType)), "congress-search-\(size.width)x\(size.height)")
    }

    @Test(arguments: sizes) func picker(size: Size) {
        expectSnapshot(render(size, [.togglePicker, .move(1), .pickerToggle]), "congress-picker-\(size.width)x\(size.height)")
    }

    @Test func reminderBanner() {
        var state = Fixtures.congress(size: Size(width: 80, height: 24), favourites: ["guid-7"])
        state.apply(.tick(Fixtures.date("2024-12-28T09:55:00+01:00")))
        expectSnapshot(Screen.render(state), "congress-reminder-80x24")
    }

    @Test(arguments: sizes) func chineseInterface(size: Size) {
        var state = AppState(schedule: Fixtures.congress().schedule, size: size, now: Fixtures.date("2024-12-27T10:45:00+01:00"),
                             strings: .for(.zh), favourites: ["guid-4"])
        state.apply(.resize(size))
        state.apply(.move(3))
        expectSnapshot(Screen.render(state), "congress-zh-\(size.width)x\(size.height)")
        state.apply(.cycleView(3))
        expectSnapshot(Screen.render(state), "congress-zh-timetable-\(size.width)x\(size.height)")
    }
}
